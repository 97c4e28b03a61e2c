using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Evidence;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Reviews;

/// <summary>
/// 证据包 of a 复议诉讼 case: one ZIP with the evidence of every linked application (<see cref="EvidencePackage"/>, numbered
/// continuously, in the order the case page lists them), for the answer to the 复议机关 or the court. Each application
/// must pass <see cref="EvidenceAccess"/> (else 403); another agency's review case is a 404 (the context's query
/// filter). The build is recorded on each application's record, as a build from the case page is.
/// </summary>
[Authorize(Roles = Roles.LegalReviewer + "," + Roles.Manager)]
public class EvidenceModel(DisclosureDbContext db, EvidencePackage package) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var ids = await db.ReviewLinks.Where(l => l.ReviewCaseId == id && db.ReviewCases.Any(r => r.Id == id))
            .OrderBy(l => l.CaseId).Select(l => l.CaseId).ToListAsync(ct);
        if (ids.Count == 0) return NotFound();
        var actor = Actor.From(User)!;
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        if (cases.Count != ids.Count) return NotFound();
        if (!cases.All(c => EvidenceAccess.MayBuild(actor, c))) return StatusCode(StatusCodes.Status403Forbidden);
        return await package.BuildAsync(ids, actor, ct) is { } file
            ? File(file.Content, "application/zip", file.FileName)
            : NotFound();
    }
}
