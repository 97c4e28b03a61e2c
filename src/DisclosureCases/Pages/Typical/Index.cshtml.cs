using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Similarity;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Typical;

/// <summary>
/// 典型案例库: the agency's typical cases with their 口径, newest first, or — with a search text — ranked by the same
/// similarity as the case page uses. A 法制审核人员 marks and withdraws them from the case page (posted here).
/// </summary>
[Authorize]
public class IndexModel(DisclosureDbContext db, OutcomeCatalog outcomes, TimeProvider time) : PageModel
{
    public sealed record Entry(TypicalCase Typical, Case Case, double? Score);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public OutcomeCatalog Outcomes => outcomes;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await (from t in db.TypicalCases.AsNoTracking()
                          join c in db.Cases.AsNoTracking() on t.CaseId equals c.Id
                          where t.WithdrawnAt == null
                          orderby t.Id descending
                          select new { t, c }).Take(2000).ToListAsync(ct);
        var query = Q?.Trim() ?? "";
        if (query.Length == 0)
        {
            Entries = rows.Select(r => new Entry(r.t, r.c, null)).ToList();
            return;
        }
        var ranking = new SimilarityRanking(query);
        Entries = rows.Select(r => new Entry(r.t, r.c, ranking.TextScore(r.c.Description + " " + r.t.Note)))
            .Where(e => e.Score >= SimilarityRanking.MinimumTextScore)
            .OrderByDescending(e => e.Score).ToList();
    }

    public Task<IActionResult> OnPostMarkAsync(int caseId, string? note, CancellationToken ct) =>
        Act(caseId, typical => typical.MarkAsync(caseId, note, Actor.From(User)!, ct));

    public Task<IActionResult> OnPostWithdrawAsync(int caseId, string? reason, CancellationToken ct) =>
        Act(caseId, typical => typical.WithdrawAsync(caseId, reason, Actor.From(User)!, ct));

    async Task<IActionResult> Act(int caseId, Func<TypicalCases, Task<TypicalResult>> action)
    {
        if (!User.IsInRole(Roles.LegalReviewer)) return StatusCode(StatusCodes.Status403Forbidden);
        switch (await action(new TypicalCases(db, time)))
        {
            case TypicalResult.NotFound:
                return NotFound();
            case TypicalResult.Done done:
                TempData["Flash"] = done.Message;
                return Redirect($"/Cases/{caseId}#similar");
            case TypicalResult.Refused refused:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Content(refused.Reason, "text/plain; charset=utf-8");
        }
        return NotFound();
    }

    public string OutcomeText(string? outcome) => outcome is null ? "办理中" : outcomes.Find(outcome)?.Label ?? outcome;
}
