using DisclosureCases.Domain.Periods;
using static DisclosureCases.Domain.Calendar.ChineseDates;

namespace DisclosureCases.Domain.Clocks;

/// <summary>
/// The named deadlines of one application as a pure function of its dated events (DOMAIN.md §2 and §4):
/// <list type="bullet">
/// <item><c>reply</c> 答复期限 — see <see cref="ReplyClock"/>;</item>
/// <item><c>correction-notice</c> 补正告知期限 — 7 working days after receipt for the single correction notice
/// (条例第30条); met when it is sent, no longer applicable once the reply is issued;</item>
/// <item><c>correction-answer</c> 补正期限 — the date the notice gave the applicant, when one was given; met when the
/// correction arrives;</item>
/// <item><c>consultation-answer</c> 征求意见答复期限 — 15 working days after the latest consultation started
/// (第32条 third party, 第34条 other agency); met when it ends.</item>
/// </list>
/// </summary>
public static class CaseClocks
{
    /// <summary>
    /// Replays <paramref name="events"/> (in the order recorded) into the application's deadlines. No events: no
    /// deadlines.
    /// </summary>
    /// <exception cref="ArgumentException">An event that <see cref="Refusal"/> would have refused, named by its position
    /// and with the reason.</exception>
    public static CaseClockSet Compute(IEnumerable<ClockEvent> events, PeriodCalculator calc)
    {
        var list = events.ToList();
        for (var i = 0; i < list.Count; i++)
            if (ClockEventRules.Refusal(list[..i], list[i]) is { } reason)
                throw new ArgumentException(
                    $"第{i + 1}个事件（{ClockEventRules.Describe(list[i].Kind)}，{Iso(list[i].Date)}）不成立：{reason}",
                    nameof(events));
        if (list.Count == 0)
            return CaseClockSet.Empty;

        var deadlines = new List<CaseDeadline> { ReplyClock.Compute(list, calc), CorrectionNotice(list, calc) };
        if (CorrectionAnswer(list) is { } answer)
            deadlines.Add(answer);
        if (ConsultationAnswer(list, calc) is { } consultation)
            deadlines.Add(consultation);
        return new CaseClockSet(deadlines, list.Any(e => e.Kind == ClockEventKind.ExtensionApproved));
    }

    /// <summary>
    /// Why <paramref name="next"/> cannot be recorded after <paramref name="existing"/>, in Chinese, or null when it
    /// can. Refused: anything before 收到申请 or a second one; an event dated before receipt or before the previous
    /// event; anything after the reply; a second correction notice (第30条) or a second extension (第33条第2款); a
    /// correction received with none pending; a consultation ended with none open, or started while one is open or a
    /// correction is pending; a correction requested during a consultation; an extension while a correction is
    /// pending; an <see cref="ClockEvent.AnswerBy"/> on anything but a correction notice, or before its date.
    /// </summary>
    public static string? Refusal(IEnumerable<ClockEvent> existing, ClockEvent next) =>
        ClockEventRules.Refusal(existing.ToList(), next);

    /// <summary>
    /// How <paramref name="deadline"/> stands on <paramref name="today"/>: 剩余N个工作日 (working days after today up
    /// to the due date), 今日到期, 已超期N个工作日 (working days after the due date up to today); for paused, stopped and
    /// met clocks a text saying so.
    /// </summary>
    /// <remarks>
    /// On a weekend right after a Friday due date the deadline is overdue although no working day has passed; the
    /// text then names the due date instead of "已超期0个工作日".
    /// </remarks>
    public static DeadlineStanding Standing(CaseDeadline deadline, DateOnly today, PeriodCalculator calc)
    {
        switch (deadline.Status)
        {
            case ClockStatus.Stopped:
                return new(null, null, "停止计时");
            case ClockStatus.Paused:
                var left = deadline.RemainingWorkingDays ?? 0;
                return left >= 0
                    ? new(left, null, $"暂停计时，剩余{left}个工作日")
                    : new(null, -left, $"暂停计时，暂停前已超期{-left}个工作日");
            case ClockStatus.Met:
                if (deadline is not { Due: { } due, MetOn: { } met } || met <= due)
                    return new(null, null, deadline.Due is null ? "已完成" : "已按期完成");
                var lateBy = calc.WorkingDaysBetween(due, met);
                return new(null, lateBy, lateBy > 0
                    ? $"已完成，逾期{lateBy}个工作日"
                    : $"已完成，晚于到期日 {Iso(due)}");
        }
        if (deadline.Due is not { } dueDate)
            return new(null, null, "尚无到期日");
        if (today == dueDate)
            return new(0, null, "今日到期");
        if (today < dueDate)
        {
            var remaining = calc.WorkingDaysBetween(today, dueDate);
            return new(remaining, null, remaining > 0 ? $"剩余{remaining}个工作日" : $"{Iso(dueDate)}到期");
        }
        var overdue = calc.WorkingDaysBetween(dueDate, today);
        return new(null, overdue, overdue > 0 ? $"已超期{overdue}个工作日" : $"已超期（{Iso(dueDate)}到期）");
    }

    static CaseDeadline CorrectionNotice(IReadOnlyList<ClockEvent> events, PeriodCalculator calc)
    {
        var statute = Statutes.CorrectionNotice;
        var due = calc.Due(events[0].Date, statute);
        var sent = events.FirstOrDefault(e => e.Kind == ClockEventKind.CorrectionRequested);
        var replied = events.FirstOrDefault(e => e.Kind == ClockEventKind.Replied);
        var status = sent is not null ? ClockStatus.Met : replied is not null ? ClockStatus.Stopped : ClockStatus.Running;
        var steps = sent is null ? [] : new[] { $"{Iso(sent.Date)} 已发出补正告知" };
        return new CaseDeadline(DeadlineKeys.CorrectionNotice, "补正告知期限", due.Date, status, due.Provisional,
            due.Explanation.AsClock(statute.Period, steps, null), 0)
        { MetOn = sent?.Date };
    }

    static CaseDeadline? CorrectionAnswer(IReadOnlyList<ClockEvent> events)
    {
        if (events.FirstOrDefault(e => e.Kind == ClockEventKind.CorrectionRequested) is not { AnswerBy: { } answerBy })
            return null;
        var corrected = events.FirstOrDefault(e => e.Kind == ClockEventKind.CorrectionReceived);
        var replied = events.FirstOrDefault(e => e.Kind == ClockEventKind.Replied);
        var status = corrected is not null ? ClockStatus.Met : replied is not null ? ClockStatus.Stopped : ClockStatus.Running;
        return new CaseDeadline(DeadlineKeys.CorrectionAnswer, "补正期限", answerBy, status, false, null, 0)
        { MetOn = corrected?.Date };
    }

    static CaseDeadline? ConsultationAnswer(IReadOnlyList<ClockEvent> events, PeriodCalculator calc)
    {
        var startIndex = events.ToList().FindLastIndex(e => e.Kind == ClockEventKind.ConsultationStarted);
        if (startIndex < 0)
            return null;
        var statute = Statutes.Consultation;
        var due = calc.Due(events[startIndex].Date, statute);
        var ended = events.Skip(startIndex).FirstOrDefault(e => e.Kind == ClockEventKind.ConsultationEnded);
        var replied = events.FirstOrDefault(e => e.Kind == ClockEventKind.Replied);
        var status = ended is not null ? ClockStatus.Met : replied is not null ? ClockStatus.Stopped : ClockStatus.Running;
        return new CaseDeadline(DeadlineKeys.ConsultationAnswer, "征求意见答复期限", due.Date, status, due.Provisional,
            due.Explanation, 0)
        { MetOn = ended?.Date };
    }
}
