using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Letters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Templates;

/// <summary>
/// 文书模板库: every template, the version new letters are made from (the newest approved one), the proposals waiting
/// for review, and what start-up found wrong with the files under templates/.
/// </summary>
public class IndexModel(TemplateStore store, DocumentCatalog documents, TemplateFileReport files) : PageModel
{
    public sealed record Row(string Id, string Document, int? Current, DateTimeOffset? CurrentSince, IReadOnlyList<int> Pending, int Versions,
        IReadOnlyList<TemplateFileNotice> Notices);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<TemplateFileNotice> Notices => files.Notices;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await store.AllAsync(ct);
        Rows = all.GroupBy(v => v.TemplateId).Select(g =>
        {
            var current = g.Where(v => v.Approval == TemplateApproval.Approved).MaxBy(v => v.Version);
            var first = g.First();
            var document = documents.Find(TemplateDocument(first)) is { } d ? d.Title : TemplateDocument(first);
            return new Row(g.Key, document, current?.Version, current?.ReviewedAt, g.Where(v => v.Approval == TemplateApproval.Draft).Select(v => v.Version).ToList(),
                g.Count(), files.For(g.Key).ToList());
        }).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    string TemplateDocument(StoredTemplateVersion version) => store.Parse(version).Document;
}
