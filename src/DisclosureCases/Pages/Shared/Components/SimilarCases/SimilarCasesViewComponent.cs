using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Pages.Cases;
using DisclosureCases.Similarity;
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
        var found = await DisclosureCases.Similarity.SimilarCases.FindAsync(db,
            new SimilarQuery(c.Description, c.Applicant.IdNumber, c.DepartmentId, c.Id), ShanghaiTime.Today(time), HttpContext.RequestAborted);
        var typical = await new TypicalCases(db, time).ActiveAsync(c.Id, HttpContext.RequestAborted);
        var canMark = HttpContext.User.IsInRole(Roles.LegalReviewer) && TypicalCases.IsClosed(c);
        return View(new Model(c, new SimilarCasesView(c.Description, found, outcomes), typical, canMark));
    }
}
