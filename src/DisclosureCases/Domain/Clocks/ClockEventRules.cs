using static DisclosureCases.Domain.Calendar.ChineseDates;

namespace DisclosureCases.Domain.Clocks;

/// <summary>Which event may follow a history of clock events, and in Chinese why not.</summary>
static class ClockEventRules
{
    /// <summary>The Chinese name of an event, as used in refusals and explanations.</summary>
    public static string Describe(ClockEventKind kind) => kind switch
    {
        ClockEventKind.Received => "收到申请",
        ClockEventKind.CorrectionRequested => "发出补正告知",
        ClockEventKind.CorrectionReceived => "收到补正",
        ClockEventKind.ConsultationStarted => "开始征求意见",
        ClockEventKind.ConsultationEnded => "征求意见结束",
        ClockEventKind.ExtensionApproved => "批准延期答复",
        ClockEventKind.ReplyOrdered => "责令重新答复",
        _ => "答复",
    };

    /// <summary>What the history leaves open, replayed from its events.</summary>
    sealed record Open(bool CorrectionPending, bool CorrectionRequested, DateOnly? ConsultingSince, bool ExtensionUsed);

    static Open Replay(IEnumerable<ClockEvent> history)
    {
        var open = new Open(false, false, null, false);
        foreach (var e in history)
            open = e.Kind switch
            {
                ClockEventKind.CorrectionRequested => open with { CorrectionPending = true, CorrectionRequested = true },
                ClockEventKind.CorrectionReceived => open with { CorrectionPending = false },
                ClockEventKind.ConsultationStarted => open with { ConsultingSince = e.Date },
                ClockEventKind.ConsultationEnded => open with { ConsultingSince = null },
                ClockEventKind.ExtensionApproved => open with { ExtensionUsed = true },
                _ => open,
            };
        return open;
    }

    public static string? Refusal(IReadOnlyList<ClockEvent> history, ClockEvent next)
    {
        var received = history.FirstOrDefault(e => e.Kind == ClockEventKind.Received);
        if (next.Kind == ClockEventKind.Received)
            return received is null ? null : $"已登记收到申请（{Iso(received.Date)}），收到申请之日只有一个";
        if (received is null)
            return "尚未登记收到申请：各项期限自收到申请之日起算（《政府信息公开条例》第三十一条）";
        if (next.Date < received.Date)
            return $"{Iso(next.Date)} 早于收到申请之日 {Iso(received.Date)}";
        var last = history[^1];
        if (next.Date < last.Date)
            return $"{Iso(next.Date)} 早于上一事件（{Describe(last.Kind)}，{Iso(last.Date)}）：事件须按日期顺序登记";
        // A reply ends the clock until a 复议 decision or judgment orders a new one (ReplyOrdered).
        var lastReply = history.Select((e, i) => (e, i)).LastOrDefault(x => x.e.Kind == ClockEventKind.Replied);
        var lastOrder = history.Select((e, i) => (e, i)).LastOrDefault(x => x.e.Kind == ClockEventKind.ReplyOrdered);
        var replyStands = lastReply.e is not null && (lastOrder.e is null || lastOrder.i < lastReply.i);
        if (next.Kind == ClockEventKind.ReplyOrdered)
            return !replyStands ? "尚未答复（或已在重新答复中），不能登记责令重新答复"
                : next.AnswerBy is not { } newDue ? "责令重新答复须写明新的答复期限"
                : newDue < next.Date ? $"新的答复期限 {Iso(newDue)} 早于责令重新答复之日 {Iso(next.Date)}"
                : null;
        if (replyStands)
            return $"已于 {Iso(lastReply.e!.Date)} 答复，答复期限已结束";
        if (next.AnswerBy is not null && next.Kind != ClockEventKind.CorrectionRequested)
            return "只有发出补正告知时才填写补正期限";

        var open = Replay(history);
        return next.Kind switch
        {
            ClockEventKind.CorrectionRequested when open.CorrectionRequested =>
                "补正告知只能一次（《政府信息公开条例》第三十条：一次性告知需要补正的事项）",
            ClockEventKind.CorrectionRequested when open.ConsultingSince is { } since =>
                $"正在征求意见（{Iso(since)}起），不能同时要求补正",
            ClockEventKind.CorrectionRequested when next.AnswerBy is { } answerBy && answerBy < next.Date =>
                $"补正期限 {Iso(answerBy)} 早于补正告知日期 {Iso(next.Date)}",
            ClockEventKind.CorrectionReceived when !open.CorrectionPending =>
                "没有待补正的补正告知，不能登记收到补正",
            ClockEventKind.ConsultationStarted when open.CorrectionPending =>
                "申请待补正，答复期限已停止计算，补正后才能征求意见",
            ClockEventKind.ConsultationStarted when open.ConsultingSince is { } since =>
                $"已有进行中的征求意见（{Iso(since)}起），须先登记其结束；同时征求多方意见登记为一次",
            ClockEventKind.ConsultationEnded when open.ConsultingSince is null =>
                "没有进行中的征求意见，不能登记征求意见结束",
            ClockEventKind.ExtensionApproved when open.ExtensionUsed =>
                "延期答复只能一次（《政府信息公开条例》第三十三条第二款）",
            ClockEventKind.ExtensionApproved when open.CorrectionPending =>
                "申请待补正，答复期限已停止计算，不能延期",
            _ => null,
        };
    }
}
