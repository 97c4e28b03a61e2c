using DisclosureCases.Cases;
using DisclosureCases.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Templates;

/// <summary>One stored version of a template, exactly as letters made from it were merged.</summary>
public class VersionModel(TemplateStore store) : PageModel
{
    public StoredTemplateVersion Stored { get; private set; } = null!;
    public int? Previous { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int version, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(id, ct);
        if (versions.FirstOrDefault(v => v.Version == version) is not { } stored) return NotFound();
        Stored = stored;
        Previous = versions.Where(v => v.Version < version).Select(v => (int?)v.Version).Max();
        return Page();
    }
}
