using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Domain.Clocks;

/// <summary>The moments a running deadline is brought to someone's attention.</summary>
public enum ReminderThreshold
{
    /// <summary><see cref="DeadlineReminders.SoonWorkingDays"/> working days or fewer are left.</summary>
    DueSoon,

    /// <summary>Today is the last day (the period ends at 24:00, DOMAIN.md §4).</summary>
    DueToday,

    /// <summary>The last day has passed.</summary>
    Overdue,
}

/// <summary>
/// Which reminder a deadline has reached on a given day: 3 working days before its due date, on the due date, and
/// after it. A day that was missed (the sweep did not run) is caught up by the next one: a deadline two working days
/// away is <see cref="ReminderThreshold.DueSoon"/> although the third day before it was never seen. Only a running
/// deadline with a due date has a reminder; a paused, stopped or met one has none.
/// </summary>
/// <remarks>
/// The 补正告知期限 (条例第30条: the single correction notice within 7 working days) has no overdue reminder: most
/// applications need no correction, and once the 7 working days have passed there is no notice left to send — the
/// deadline was a last day for a possibility, not a duty that is now late (workflows/application.yaml watches it "until
/// a correction is requested or the 7 working days pass").
/// </remarks>
public static class DeadlineReminders
{
    /// <summary>The first reminder comes when this many working days or fewer are left.</summary>
    public const int SoonWorkingDays = 3;

    /// <summary>
    /// The threshold <paramref name="deadline"/> has reached on <paramref name="today"/>, or null (more than
    /// <see cref="SoonWorkingDays"/> working days left, or not running). On a weekend or holiday right before the due
    /// date, the working days left are counted after today: Saturday before a Monday due date has one left.
    /// </summary>
    public static ReminderThreshold? On(CaseDeadline deadline, DateOnly today, PeriodCalculator calculator)
    {
        if (deadline is not { Status: ClockStatus.Running, Due: { } due })
            return null;
        if (today > due)
            return deadline.Key == DeadlineKeys.CorrectionNotice ? null : ReminderThreshold.Overdue;
        if (today == due)
            return ReminderThreshold.DueToday;
        return calculator.WorkingDaysBetween(today, due) <= SoonWorkingDays ? ReminderThreshold.DueSoon : null;
    }

    /// <summary>
    /// True for a deadline the agency itself must meet (答复期限, 条例第33条): when it is overdue the agency's 负责人 are
    /// told as well. The 补正期限 is the applicant's and the 征求意见答复期限 the consulted party's; when those run out the
    /// handler has a decision to make, not a delay to explain.
    /// </summary>
    public static bool IsAgencys(string deadlineKey) => deadlineKey is DeadlineKeys.Reply;
}
