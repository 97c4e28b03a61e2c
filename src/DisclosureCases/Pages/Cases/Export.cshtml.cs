using DisclosureCases.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Cases;

/// <summary>
/// 导出案卷: the case file as a ZIP (<see cref="ArchiveExport"/>) for any signed-in user of the case's agency. The
/// request's database context sees that agency only, so another agency's case is a 404. The export is recorded in the
/// case's audit trail.
/// </summary>
public class ExportModel(ArchiveExport archive) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await archive.ExportAsync(id, Actor.From(User)!, ct) is { } file
            ? File(file.Content, "application/zip", file.FileName)
            : NotFound();
}
