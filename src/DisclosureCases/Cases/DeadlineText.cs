using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Cases;

/// <summary>
/// A deadline as the clerk reads it (剩余N个工作日 / 今日到期 / 已超期N个工作日, from <see cref="CaseClocks.Standing"/>)
/// with a CSS class for its urgency.
/// </summary>
public sealed record DeadlineText(string Text, string CssClass)
{
    /// <summary>Due within this many working days counts as "soon": the handler's first reminder comes then.</summary>
    public const int SoonWorkingDays = 3;

    public static DeadlineText For(CaseDeadline deadline, DateOnly today, PeriodCalculator calculator)
    {
        if (deadline.Status == ClockStatus.Running && deadline.Due is { } end && today > end && CaseDeadlines.Windows.Contains(deadline.Key))
            return new DeadlineText($"已于{end:yyyy-MM-dd}届满，不能再告知补正（条例第三十条）", "muted");
        var standing = CaseClocks.Standing(deadline, today, calculator);
        var css = deadline.Status switch
        {
            ClockStatus.Running when deadline.Due is { } due && today > due => "due-over",
            ClockStatus.Running when deadline.Due == today => "due-today",
            ClockStatus.Running when standing.WorkingDaysLeft <= SoonWorkingDays => "due-soon",
            ClockStatus.Running => "due-ok",
            _ when standing.WorkingDaysOverdue > 0 => "due-over",
            _ => "muted",
        };
        return new DeadlineText(standing.Text, css);
    }

    /// <summary>For a bare running due date, as the worklist holds it.</summary>
    public static DeadlineText For(DateOnly due, DateOnly today, PeriodCalculator calculator) =>
        For(new CaseDeadline("next", "", due, ClockStatus.Running, false, null, 0), today, calculator);
}
