using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Similarity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Cases;

/// <summary>
/// <c>GET /Cases/Similar?text=…&amp;applicant=…&amp;exclude=…</c>: the similar past applications of the user's agency as
/// an HTML fragment (the intake form fetches it as the clerk types), or as JSON for <c>Accept: application/json</c>.
/// </summary>
[Authorize]
public class SimilarModel(DisclosureDbContext db, OutcomeCatalog outcomes, TimeProvider time) : PageModel
{
    public const int MaxTextLength = 4000;

    public SimilarCasesView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? text, string? applicant, int? exclude, int? department, int? top, CancellationToken ct)
    {
        var query = (text ?? "").Trim();
        if (query.Length > MaxTextLength) query = query[..MaxTextLength];
        var found = query.Length == 0 ? []
            : await SimilarCases.FindAsync(db, new SimilarQuery(query, applicant, department, exclude, Math.Clamp(top ?? 10, 1, 50)), ShanghaiTime.Today(time), ct);
        View = new SimilarCasesView(query, found, outcomes);
        if (Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
            return new JsonResult(found.Select(s => new
            {
                s.CaseId, s.CaseNumber, receivedOn = s.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                applicantKind = s.ApplicantKind.ToString(), s.Outcome, outcomeLabel = View.OutcomeText(s.Outcome), s.ReplyLetterId, s.ReplyNumber,
                score = Math.Round(s.Score, 4), s.MatchedTerms, reasons = s.Reasons.Select(r => r.ToString()), s.Typical, s.TypicalNote,
            }));
        return Page();
    }
}
