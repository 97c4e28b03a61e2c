using DisclosureCases.Domain.Periods;
using static DisclosureCases.Domain.Calendar.ChineseDates;

namespace DisclosureCases.Domain.Clocks;

/// <summary>
/// 答复期限 (条例第33条第2款): 20 working days after receipt,
/// <list type="bullet">
/// <item>stopped by a correction notice and restarted from zero on the day the corrected application is received
/// (第30条: "答复期限自行政机关收到补正的申请之日起计算");</item>
/// <item>paused while a third party or another agency is consulted and resumed where it stopped: the consultation's
/// working days (after the day it started, up to the day it ended) are added back (第33条第3款);</item>
/// <item>extended once by 20 working days with the 负责人's consent (第33条第2款);</item>
/// <item>met on the day of the reply.</item>
/// </list>
/// The day the consultation starts still counts for the reply; the day it ends does not (its period, like every
/// period, does not count its first day).
/// </summary>
static class ReplyClock
{
    const string Title = "答复期限";

    public static CaseDeadline Compute(IReadOnlyList<ClockEvent> events, PeriodCalculator calc)
    {
        var statute = Statutes.Reply;
        var allowedBase = statute.Period.Amount; // a new reply ordered by a 复议 decision or judgment replaces it
        var received = events[0].Date;
        var anchor = received;          // the day the current count runs from
        var paused = 0;                 // working days of completed consultations since anchor
        var extension = 0;
        DateOnly? consultingSince = null;
        var correctionPending = false;
        DateOnly? repliedOn = null;
        var steps = new List<string>();

        int Used(DateOnly day) => calc.WorkingDaysBetween(anchor, day) - paused;
        int Allowed() => allowedBase + extension;

        foreach (var e in events.Skip(1))
            switch (e.Kind)
            {
                case ClockEventKind.CorrectionRequested:
                    correctionPending = true;
                    steps.Add($"{Iso(e.Date)} 发出补正告知，答复期限停止计算，收到补正后重新起算（《政府信息公开条例》第三十条）");
                    break;
                case ClockEventKind.CorrectionReceived:
                    correctionPending = false;
                    if (anchor == received)
                        steps.Insert(0, $"{Iso(received)} 收到申请");
                    anchor = e.Date;
                    paused = 0;
                    steps.Add($"{Iso(e.Date)} 收到补正后的申请，答复期限自该日重新起算，此前经过的时间不计入（《政府信息公开条例》第三十条）");
                    break;
                case ClockEventKind.ConsultationStarted:
                    consultingSince = e.Date;
                    steps.Add($"{Iso(e.Date)} 开始征求意见，答复期限暂停（《政府信息公开条例》第三十三条第三款）；"
                        + $"此前已计{Used(e.Date)}个工作日，{Remaining(Allowed() - Used(e.Date))}");
                    break;
                case ClockEventKind.ConsultationEnded:
                    var pause = calc.WorkingDaysBetween(consultingSince!.Value, e.Date);
                    paused += pause;
                    consultingSince = null;
                    steps.Add($"{Iso(e.Date)} 征求意见结束，答复期限恢复计算；暂停期间{pause}个工作日不计入");
                    break;
                case ClockEventKind.ExtensionApproved:
                    // The law expects consent within the original period; a late approval is recorded, and said so.
                    var late = consultingSince is null && Used(e.Date) > Allowed()
                        ? $"；批准时原答复期限已过（{Iso(calc.AddWorkingDays(anchor, Allowed() + paused))}到期）"
                        : "";
                    extension += Statutes.Extension.Period.Amount;
                    steps.Add($"{Iso(e.Date)} 经负责人同意延期答复，答复期限延长{Statutes.Extension.Period.Describe()}（《政府信息公开条例》第三十三条第二款）{late}");
                    break;
                case ClockEventKind.Replied:
                    repliedOn = e.Date;
                    steps.Add($"{Iso(e.Date)} 已答复");
                    break;
                case ClockEventKind.ReplyOrdered:
                    // The decision sets the new period (a setting, default 20 working days from its service); the clock
                    // restarts from its service with nothing paused and no extension left over.
                    repliedOn = null;
                    anchor = e.Date;
                    paused = 0;
                    extension = 0;
                    allowedBase = calc.WorkingDaysBetween(e.Date, e.AnswerBy!.Value);
                    statute = new StatutoryPeriod(Period.WorkingDays(allowedBase),
                        new LegalBasis("重新答复期限", "复议决定或判决责令重新答复；期间为本系统设置，未经核实"));
                    steps.Add($"{Iso(e.Date)} 复议决定或判决责令重新答复（{e.Note}），答复期限自该日重新起算，至 {Iso(e.AnswerBy.Value)}");
                    break;
            }

        if (correctionPending || consultingSince is not null)
        {
            var remaining = consultingSince is { } since ? Allowed() - Used(since) : (int?)null;
            var suspension = remaining is { } left ? $"暂停计时，{Remaining(left)}" : "停止计时，待收到补正后重新起算";
            return new CaseDeadline(DeadlineKeys.Reply, Title, null,
                repliedOn is not null ? ClockStatus.Met : correctionPending ? ClockStatus.Stopped : ClockStatus.Paused,
                false, DeadlineExplanation.Suspended(calc.Calendar, anchor, statute.Period, statute.Basis, steps, suspension),
                paused)
            { MetOn = repliedOn, RemainingWorkingDays = repliedOn is null ? remaining : null };
        }

        var counted = Allowed() + paused;
        var due = calc.Due(anchor, Period.WorkingDays(counted), statute.Basis);
        return new CaseDeadline(DeadlineKeys.Reply, Title, due.Date,
            repliedOn is not null ? ClockStatus.Met : ClockStatus.Running, due.Provisional,
            due.Explanation.AsClock(statute.Period, steps, CountedNote(statute.Period, extension, paused)), paused)
        { MetOn = repliedOn };
    }

    static string Remaining(int left) => left >= 0 ? $"尚余{left}个工作日" : $"此前已超过答复期限{-left}个工作日";

    static string? CountedNote(Period statutory, int extension, int paused)
    {
        if (extension == 0 && paused == 0)
            return null;
        var parts = new List<string> { statutory.Describe() };
        if (extension > 0)
            parts.Add($"延期{extension}个工作日");
        if (paused > 0)
            parts.Add($"征求意见暂停期间不计入的{paused}个工作日");
        return string.Join(" + ", parts);
    }
}
