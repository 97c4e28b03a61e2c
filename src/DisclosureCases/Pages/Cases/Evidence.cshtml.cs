using DisclosureCases.Data;
using DisclosureCases.Evidence;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Cases;

/// <summary>
/// 证据清单: the evidence package of the case as a ZIP (<see cref="EvidencePackage"/>), for those who answer a 复议 or
/// 诉讼 about it (<see cref="EvidenceAccess"/>); anyone else of the agency gets 403. The request's database context sees
/// its own agency only, so another agency's case is a 404. The build is recorded on the case's record.
/// </summary>
public class EvidenceModel(DisclosureDbContext db, EvidencePackage package) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        var actor = Actor.From(User)!;
        if (!EvidenceAccess.MayBuild(actor, c)) return StatusCode(StatusCodes.Status403Forbidden);
        return await package.BuildAsync([id], actor, ct) is { } file
            ? File(file.Content, "application/zip", file.FileName)
            : NotFound();
    }
}
