using System.Security.Claims;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Pages.Cases;
using DisclosureCases.Similarity;
using Microsoft.AspNetCore.Mvc;

namespace DisclosureCases.Pages.Shared.Components.SimilarCases;

/// <summary>
/// The case page's 相似申请与典型案例 section: the ten most similar past applications of the agency and, for a
/// 法制审核人员 on a closed case, marking it as 典型案例 (or withdrawing that).
/// </summary>
public class SimilarCasesViewComponent(DisclosureDbContext db, OutcomeCatalog outcomes, TimeProvider time) : ViewComponent
{
    public sealed record Model(Case Case, SimilarCasesView Similar, TypicalCase? Typical, bool CanMark);

    /// <param name="c">The case the page has loaded (read again here it was a second full row per view).</param>
    /// <param name="loading">The section's reads, when the page started them beside its own (<see cref="Start"/>).</param>
    public async Task<IViewComponentResult> InvokeAsync(Case c, Task<Model>? loading = null) =>
        View(await (loading ?? LoadAsync(db, c, HttpContext.User, outcomes, time, HttpContext.RequestAborted)));

    /// <summary>What the section shows of <paramref name="c"/> for <paramref name="user"/>, read through <paramref name="db"/>.</summary>
    public static async Task<Model> LoadAsync(DisclosureDbContext db, Case c, ClaimsPrincipal user, OutcomeCatalog outcomes, TimeProvider time,
        CancellationToken ct)
    {
        var found = await DisclosureCases.Similarity.SimilarCases.FindAsync(db,
            new SimilarQuery(c.Description, c.Applicant.IdNumber, c.DepartmentId, c.Id), ShanghaiTime.Today(time), ct);
        var typical = await new TypicalCases(db, time).ActiveAsync(c.Id, ct);
        var canMark = user.IsInRole(Roles.LegalReviewer) && TypicalCases.IsClosed(c);
        return new Model(c, new SimilarCasesView(c.Description, found, outcomes), typical, canMark);
    }

    /// <summary>
    /// Starts the section's reads on a context of their own, to run while the page reads the rest of the case: on
    /// PostgreSQL the page's statements follow one another, each a round trip, and the section's seven were half of them.
    /// The context (the same agency scope as the request's) is disposed when the response is, after the reads have ended.
    /// </summary>
    public static Task<Model> Start(Database database, HttpContext http, Case c, OutcomeCatalog outcomes, TimeProvider time)
    {
        var user = http.User;
        var context = database.CreateContext(() => Web.Identity.Actor.ScopeOf(user));
        var loading = LoadAsync(context, c, user, outcomes, time, http.RequestAborted);
        http.Response.RegisterForDisposeAsync(new AfterLoading(loading, context));
        return loading;
    }

    sealed class AfterLoading(Task loading, DisclosureDbContext context) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // A page that failed before drawing the section leaves its reads unobserved: they end (or fail) here.
            try { await loading; }
            catch (Exception) { /* the page's own error, if any, has been reported; this one is of the same request */ }
            await context.DisposeAsync();
        }
    }
}
