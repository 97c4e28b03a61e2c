using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Pages.Cases;
using DisclosureCases.Similarity;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Shared.Components.SimilarCases;

/// <summary>
/// The case page's 相似申请与典型案例 section: the ten most similar past applications of the agency and, for a
/// 法制审核人员 on a closed case, marking it as 典型案例 (or withdrawing that).
/// </summary>
public class SimilarCasesViewComponent(DisclosureDbContext db, OutcomeCatalog outcomes, TimeProvider time) : ViewComponent
{
    public sealed record Model(Case Case, SimilarCasesView Similar, TypicalCase? Typical, bool CanMark);

    /// <summary><paramref name="c"/> is the case the page has loaded (read again here it was a second full row per view).</summary>
    public async Task<IViewComponentResult> InvokeAsync(Case c)
    {
        var (found, typical) = HttpContext.Items.TryGetValue(StartedKey(c.Id), out var started) && started is Task<Found> early
            ? await early
            : await FindAsync(db, c, time, HttpContext.RequestAborted);
        var canMark = HttpContext.User.IsInRole(Roles.LegalReviewer) && TypicalCases.IsClosed(c);
        return View(new Model(c, new SimilarCasesView(c.Description, found, outcomes), typical, canMark));
    }

    sealed record Found(IReadOnlyList<SimilarCase> Similar, TypicalCase? Typical);

    static async Task<Found> FindAsync(DisclosureDbContext db, Case c, TimeProvider time, CancellationToken ct)
    {
        var found = await DisclosureCases.Similarity.SimilarCases.FindAsync(db,
            new SimilarQuery(c.Description, c.Applicant.IdNumber, c.DepartmentId, c.Id), ShanghaiTime.Today(time), ct);
        var typical = await new TypicalCases(db, time).ActiveAsync(c.Id, ct);
        return new Found(found, typical);
    }

    static string StartedKey(int caseId) => $"similar-panel:{caseId}";

    /// <summary>
    /// Starts the panel's reads for <paramref name="c"/> on a context of their own while the page reads the rest of the case;
    /// the component then takes their result instead of reading them after the page's own reads. On PostgreSQL the page's
    /// statements run one after another, each a round trip to a server that fifty requests share; the panel is about half
    /// of them (docs/benchmarks.md). SQLite answers in the app's own process, where running beside each other only adds a
    /// second connection, so there the component reads as before.
    /// </summary>
    public static void StartEarly(HttpContext http, Database database, Case c, TimeProvider time)
    {
        if (database.Provider != DatabaseProvider.PostgreSQL) return;
        var scope = Actor.ScopeOf(http.User);
        var ct = http.RequestAborted;
        http.Items[StartedKey(c.Id)] = Task.Run(async () =>
        {
            await using var panel = database.CreateContext(scope);
            return await FindAsync(panel, c, time, ct);
        }, ct);
    }
}
