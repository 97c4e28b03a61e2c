using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Reviews;

/// <summary>
/// What an application's page shows about challenges to its reply: the review cases linked to it, the applicant's own
/// windows (60日 复议, 6个月 诉讼, 15日 after a 复议 decision) with their explanations, and whether the reply is final.
/// </summary>
public sealed class ApplicationReviews(DisclosureDbContext db, CalendarHolder calendar, TimeProvider time)
{
    public sealed record View(IReadOnlyList<ReviewCase> Cases, IReadOnlyList<ApplicantWindow> Windows, bool Final, DateOnly Today);

    // Every case page asks it (Data/Compiled.cs).
    static readonly Compiled<Func<DisclosureDbContext, int, IAsyncEnumerable<int>>> LinkedReviews = new(() =>
        EF.CompileAsyncQuery<DisclosureDbContext, int, int>((db, caseId) => db.ReviewLinks.Where(l => l.CaseId == caseId).Select(l => l.ReviewCaseId)));

    public async Task<View> ForAsync(Case application, CancellationToken ct)
    {
        var ids = await LinkedReviews.For(db)(db, application.Id).ToListAsync(ct);
        var cases = ids.Count == 0 ? [] : await db.ReviewCases.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(ct);
        var windows = ApplicantWindows.Compute(ReplyReceived(application),
            cases.Where(r => r.Kind == ReviewKind.Reconsideration && r.ServedOn is not null).Select(r => r.ServedOn!.Value),
            calendar.Calculator);
        var today = ShanghaiTime.Today(time);
        var reopenPending = application.ClockEvents.Any(e => e.Kind == "reply-ordered") && !application.Archived;
        return new View(cases, windows,
            !reopenPending && ApplicantWindows.IsFinal(windows, cases.Any(r => r.State != "closed"), today), today);
    }

    /// <summary>
    /// The day the applicant received the reply, as far as the record shows: the latest dispatch's signed-for date, else
    /// its posting date, else the reply date — and which of them it is.
    /// </summary>
    public static (DateOnly, string)? ReplyReceived(Case c)
    {
        if (c.RepliedOn is null) return null;
        var latest = c.Mailings.OrderBy(m => m.Id).LastOrDefault(m => m.ReturnedOn is null);
        if (latest?.DeliveredOn is { } delivered) return (delivered, "答复书签收日期");
        if (latest?.PostedOn is { } posted) return (posted, "答复书交寄日期（无签收记录，按交寄日计，偏早）");
        return (c.RepliedOn.Value, "答复日期（无送达记录，按答复日计，偏早）");
    }
}
