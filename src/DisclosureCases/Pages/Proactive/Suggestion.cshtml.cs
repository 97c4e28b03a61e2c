using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Proactive;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Proactive;

/// <summary>
/// One suggestion: its cases, and 采纳 (with where it will be published) or 不予采纳 (with the reason), each recorded on
/// the suggestion and on every case's record. Another agency's suggestion is a 404.
/// </summary>
[Authorize(Roles = Roles.LegalReviewer + "," + Roles.Manager)]
public class SuggestionModel(DisclosureDbContext db, ProactiveSuggestions suggestions) : PageModel
{
    public ProactiveSuggestion Suggestion { get; private set; } = null!;
    public IEnumerable<SuggestionCaseRow> Cases { get; private set; } = [];
    /// <summary>Earlier decided suggestions sharing cases with this one: why it is back.</summary>
    public IReadOnlyList<ProactiveSuggestion> Earlier { get; private set; } = [];
    public IReadOnlySet<int> EarlierCaseIds { get; private set; } = new HashSet<int>();

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Version { get; set; }
    public string? Refusal { get; private set; }
    public string? ErrorField { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => DecideAsync(id, ProactiveSuggestions.Decision.Accept, Note, ct);

    public Task<IActionResult> OnPostDismissAsync(int id, CancellationToken ct) => DecideAsync(id, ProactiveSuggestions.Decision.Dismiss, Reason, ct);

    async Task<IActionResult> DecideAsync(int id, ProactiveSuggestions.Decision decision, string? note, CancellationToken ct)
    {
        switch (await suggestions.DecideAsync(id, Version, decision, note, Actor.From(User)!, ct))
        {
            case DecisionResult.NotFound:
                return NotFound();
            case DecisionResult.Done done:
                TempData["Flash"] = $"已记录：{done.Suggestion.StatusText}（{done.Suggestion.Title}）";
                return RedirectToPage("Index");
            case DecisionResult.Refused refused:
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id, ct)) return NotFound();
                Refusal = refused.Message;
                ErrorField = refused.Field;
                Response.StatusCode = refused.Field is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await db.ProactiveSuggestions.AsNoTracking().Include(x => x.Cases).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return false;
        Suggestion = s;
        Cases = (await SuggestionCases.LoadAsync(db, [id], ct))[id];
        var caseIds = s.Cases.Select(c => c.CaseId).ToList();
        Earlier = await db.ProactiveSuggestions.AsNoTracking().Include(x => x.Cases)
            .Where(x => x.Id != id && x.Status != ProactiveSuggestion.Open && x.Cases.Any(c => caseIds.Contains(c.CaseId)))
            .OrderBy(x => x.Id).ToListAsync(ct);
        EarlierCaseIds = Earlier.SelectMany(e => e.Cases.Select(c => c.CaseId)).ToHashSet();
        return true;
    }
}
