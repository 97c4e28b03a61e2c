using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Proactive;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Pages.Proactive;

/// <summary>
/// 依申请转主动公开建议 (条例第44条): groups of the agency's released cases that asked for the same information, released to
/// at least <see cref="ProactiveOptions.MinimumApplicants"/> distinct applicants, waiting for a 法制审核人员's or 负责人's
/// decision; and the decisions taken. The list is kept by <see cref="ProactiveSuggestions.RecomputeAsync"/>.
/// </summary>
[Authorize(Roles = Roles.LegalReviewer + "," + Roles.Manager)]
public class IndexModel(DisclosureDbContext db, ProactiveSuggestions suggestions, OutcomeCatalog outcomes, IOptions<ProactiveOptions> options) : PageModel
{
    public IReadOnlyList<ProactiveSuggestion> Open { get; private set; } = [];
    public IReadOnlyList<ProactiveSuggestion> Decided { get; private set; } = [];
    public ILookup<int, SuggestionCaseRow> Cases { get; private set; } = Enumerable.Empty<SuggestionCaseRow>().ToLookup(r => r.SuggestionId);
    public ProactiveOptions Options => options.Value;
    public OutcomeCatalog Outcomes => outcomes;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await db.ProactiveSuggestions.AsNoTracking().Where(s => s.Status == ProactiveSuggestion.Open)
            .OrderByDescending(s => s.ApplicantCount).ThenBy(s => s.Id).ToListAsync(ct);
        Decided = await db.ProactiveSuggestions.AsNoTracking().Where(s => s.Status != ProactiveSuggestion.Open)
            .OrderByDescending(s => s.Id).Take(50).ToListAsync(ct);
        Cases = await SuggestionCases.LoadAsync(db, Open.Select(s => s.Id).ToList(), ct);
    }

    /// <summary>重新计算: groups the agency's released cases again now (it also runs nightly).</summary>
    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken ct)
    {
        var result = await suggestions.RecomputeAsync(Actor.From(User)!.AgencyId, ct);
        TempData["Flash"] = $"已重新计算：{result.ReleasedCases}件予以公开、部分公开的申请，{result.Suggestions}条建议待处理（用时{result.Elapsed.TotalSeconds:0.0}秒）";
        return RedirectToPage();
    }
}
