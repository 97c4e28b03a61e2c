namespace DisclosureCases.Reviews;

/// <summary>
/// Settings of section <c>Reviews</c> (env <c>Reviews__ReportWorkingDays</c> …). Neither period is verified in law
/// (DOMAIN.md §2 step 7): the screens say so next to every date computed from them.
/// </summary>
public sealed class ReviewSettings
{
    /// <summary><c>Reviews:ReportWorkingDays</c>: working days to report (报备) a case to the 政务公开主管部门, from
    /// receiving the copy of the application or complaint (default 10, unverified).</summary>
    public int ReportWorkingDays { get; set; } = 10;

    /// <summary><c>Reviews:ReopenReplyWorkingDays</c>: working days for the new reply a decision orders, from the day the
    /// decision is served (default 20 — the 条例第33条 period; the decision's own period prevails where it sets one).</summary>
    public int ReopenReplyWorkingDays { get; set; } = 20;
}
