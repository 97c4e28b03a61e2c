using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Reports;

/// <summary>What the 时限报表 covers: replies in [<see cref="From"/>, <see cref="To"/>] and the cases open today, narrowed by the other filters.</summary>
public sealed record DeadlineFilter(DateOnly From, DateOnly To, int? DepartmentId = null, string? HandlerId = null,
    Channel? Channel = null, ApplicantKind? ApplicantKind = null, string? Outcome = null);

/// <summary>Where an open case's earliest running deadline (<see cref="Case.NextDue"/>) stands today.</summary>
public enum DeadlineStatus
{
    /// <summary>More than 3 working days left, or no deadline running (waiting for the applicant, mailed …).</summary>
    OnTrack,
    /// <summary>Due within the next 3 working days (not today) — the sweep's first reminder.</summary>
    DueSoon,
    DueToday,
    Overdue,
}

/// <summary>The 时限报表 (<see cref="DeadlineReportQuery"/>): every figure is also a table row.</summary>
public sealed record DeadlineReport(
    DateOnly Today,
    DeadlineFilter Filter,
    IReadOnlyList<StateCount> OpenByState,
    IReadOnlyList<StatusCount> OpenByStatus,
    IReadOnlyList<OnTimeRow> OnTimeByMonth,
    IReadOnlyList<OnTimeRow> OnTimeByDepartment,
    IReadOnlyList<OnTimeRow> OnTimeByHandler,
    OnTimeRow OnTimeTotal,
    HandlingTime HandlingTime,
    IReadOnlyList<ClockUse> ClockUses,
    IReadOnlyList<OpenCase> LongestOpen)
{
    public static string StatusTitle(DeadlineStatus s) => s switch
    {
        DeadlineStatus.OnTrack => "正常",
        DeadlineStatus.DueSoon => "3个工作日内到期",
        DeadlineStatus.DueToday => "今日到期",
        _ => "已超期",
    };
}

public sealed record StateCount(string State, string Title, int Count);
public sealed record StatusCount(DeadlineStatus Status, string Title, int Count);

/// <summary>
/// 答复及时率 for one group: replies issued on or before their reply deadline among the replies that had one
/// (<see cref="WithoutDeadline"/> replies had none to meet, e.g. closed before the clock was set, and are left out of the rate).
/// </summary>
public sealed record OnTimeRow(string Label, int Replies, int OnTime, int WithoutDeadline)
{
    public int WithDeadline => Replies - WithoutDeadline;
    /// <summary>Percentage, one decimal; null when no reply had a deadline.</summary>
    public decimal? Rate => WithDeadline == 0 ? null : Math.Round(100m * OnTime / WithDeadline, 1);
}

/// <summary>Working days from receipt to reply (the day of receipt not counted; clock stops included), over the period's replies.</summary>
public sealed record HandlingTime(int Replies, decimal? Mean, decimal? Median);

/// <summary>How often a clock event was used in the period: events and cases.</summary>
public sealed record ClockUse(string Kind, string Title, int Events, int Cases);

public sealed record OpenCase(int Id, string? CaseNumber, string ApplicantName, string State, string StateTitle, string? HandlerName,
    DateOnly ReceivedOn, int WorkingDaysOpen, DateOnly? NextDue, DeadlineStatus Status);
