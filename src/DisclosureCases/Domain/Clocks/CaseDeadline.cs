using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Domain.Clocks;

/// <summary>Where a case clock stands.</summary>
public enum ClockStatus
{
    /// <summary>Counting towards <see cref="CaseDeadline.Due"/>.</summary>
    Running,

    /// <summary>Not counting for now and resuming where it stopped (征求意见, 条例第33条第3款).</summary>
    Paused,

    /// <summary>Not counting; it will restart from zero or no longer applies (补正 pending, or ended by a reply).</summary>
    Stopped,

    /// <summary>Done: the act the deadline was for has happened (see <see cref="CaseDeadline.MetOn"/>).</summary>
    Met,
}

/// <summary>The keys of the deadlines <see cref="CaseClocks.Compute"/> produces; they name the deadline in data and URLs.</summary>
public static class DeadlineKeys
{
    /// <summary>答复期限.</summary>
    public const string Reply = "reply";

    /// <summary>补正告知期限.</summary>
    public const string CorrectionNotice = "correction-notice";

    /// <summary>补正期限 (the applicant's, as given in the notice).</summary>
    public const string CorrectionAnswer = "correction-answer";

    /// <summary>征求意见答复期限 (the third party's or other agency's).</summary>
    public const string ConsultationAnswer = "consultation-answer";
}

/// <summary>One named deadline of an application.</summary>
/// <param name="Key">See <see cref="DeadlineKeys"/>.</param>
/// <param name="Title">The Chinese name shown to users: 答复期限, 补正告知期限, 补正期限, 征求意见答复期限.</param>
/// <param name="Due">The last day; null while the clock is stopped or paused, or when it was met before it could be
/// computed.</param>
/// <param name="Status">Running, paused, stopped or met.</param>
/// <param name="Provisional">True when <paramref name="Due"/> depended on days outside the loaded holiday notices.</param>
/// <param name="Explanation">How <paramref name="Due"/> was reached, including pauses, restarts and the extension;
/// null for a date given rather than computed (the 补正期限 the agency set).</param>
/// <param name="PausedWorkingDays">Working days of completed consultations since the clock last (re)started, added
/// back to the period.</param>
public sealed record CaseDeadline(
    string Key,
    string Title,
    DateOnly? Due,
    ClockStatus Status,
    bool Provisional,
    DeadlineExplanation? Explanation,
    int PausedWorkingDays)
{
    /// <summary>For <see cref="ClockStatus.Met"/>: the day the act happened.</summary>
    public DateOnly? MetOn { get; init; }

    /// <summary>For <see cref="ClockStatus.Paused"/>: the working days left when the clock resumes (negative when the
    /// period had already run out before the pause).</summary>
    public int? RemainingWorkingDays { get; init; }
}
