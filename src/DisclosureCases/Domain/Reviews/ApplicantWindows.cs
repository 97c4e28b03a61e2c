using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Domain.Reviews;

/// <summary>One of the applicant's own periods to challenge a reply, and what it runs from.</summary>
/// <param name="Title">申请行政复议 / 提起行政诉讼 / 复议后起诉.</param>
/// <param name="From">What the start date is, in words: 答复书签收日期, 答复书交寄日期 …</param>
public sealed record ApplicantWindow(string Title, string From, DueDate Due);

/// <summary>
/// The applicant's own windows to challenge a reply (DOMAIN.md §6), shown on the application so that a reviewer knows
/// when the reply is final: 行政复议 within 60 days (行政复议法第20条) and 行政诉讼 within 6 months (行政诉讼法第46条) of
/// receiving the reply; after a 复议 decision, suit within 15 days of receiving it (第45条).
/// </summary>
/// <remarks>
/// The law runs these from the day the applicant knew of the act. The system knows the day the reply was signed for
/// when the post says so, otherwise only the day it was posted or issued: the earlier day, so the window shown never
/// ends later than the true one would by more than the post's transit — and the start is named so nobody is misled.
/// </remarks>
public static class ApplicantWindows
{
    /// <param name="replyReceived">The day the applicant received the reply, and what that date is.</param>
    /// <param name="reconsiderationServed">For each decided 复议 on the reply: the day its decision was served.</param>
    public static IReadOnlyList<ApplicantWindow> Compute((DateOnly Date, string What)? replyReceived,
        IEnumerable<DateOnly> reconsiderationServed, PeriodCalculator calc)
    {
        var list = new List<ApplicantWindow>();
        if (replyReceived is { } r)
        {
            list.Add(new ApplicantWindow("申请行政复议", r.What, calc.Due(r.Date, Statutes.ReviewApplication)));
            list.Add(new ApplicantWindow("提起行政诉讼", r.What, calc.Due(r.Date, Statutes.Lawsuit)));
        }
        foreach (var served in reconsiderationServed.Distinct().Order())
            list.Add(new ApplicantWindow("复议后起诉", "复议决定送达日期（以本机关收到之日计）", calc.Due(served, Statutes.LawsuitAfterReview)));
        return list;
    }

    /// <summary>
    /// The reply is final (no longer open to challenge) once every window has passed and no review case on it is open.
    /// </summary>
    public static bool IsFinal(IReadOnlyList<ApplicantWindow> windows, bool anyOpenReviewCase, DateOnly today) =>
        windows.Count > 0 && !anyOpenReviewCase && windows.All(w => w.Due.Date < today);
}
