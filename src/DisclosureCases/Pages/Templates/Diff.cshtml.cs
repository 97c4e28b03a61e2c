using DisclosureCases.Cases;
using DisclosureCases.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Templates;

/// <summary>What changed between two versions of a template, line by line.</summary>
public class DiffModel(TemplateStore store) : PageModel
{
    public string Id { get; private set; } = "";
    public int From { get; private set; }
    public int To { get; private set; }
    public IReadOnlyList<DiffLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, int from, int to, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(id, ct);
        var a = versions.FirstOrDefault(v => v.Version == from);
        var b = versions.FirstOrDefault(v => v.Version == to);
        if (a is null || b is null) return NotFound();
        (Id, From, To) = (id, from, to);
        Lines = TemplateDiff.Lines(a.Content, b.Content);
        return Page();
    }
}
