using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Letters;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Templates;

/// <summary>
/// One template: its current approved text, the proposal waiting for review with its line diff and linter findings, the
/// approve and return forms (for a 法制审核人员 or 管理员 other than the author), and every version with its differences.
/// </summary>
public class DetailsModel(TemplateStore store, DocumentCatalog documents, TemplateFileReport files) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public string Id { get; private set; } = "";
    public string DocumentTitle { get; private set; } = "";
    public IReadOnlyList<StoredTemplateVersion> Versions { get; private set; } = [];
    public StoredTemplateVersion? Current { get; private set; }
    public StoredTemplateVersion? Open { get; private set; }
    public IReadOnlyList<DiffLine> OpenDiff { get; private set; } = [];
    public IReadOnlyList<DataFileError> OpenLint { get; private set; } = [];
    public IReadOnlyList<TemplateFileNotice> Notices { get; private set; } = [];
    public bool MayCurate { get; private set; }
    public string? Refusal { get; private set; }
    public IReadOnlyList<DataFileError> RefusalLint { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(string id, CancellationToken ct) =>
        await AfterAsync(id, await store.ApproveAsync(id, Version, Actor.From(User)!, ct), $"第{Version}版已审定：新制作的文书将使用此版本", ct);

    public async Task<IActionResult> OnPostReturnAsync(string id, CancellationToken ct) =>
        await AfterAsync(id, await store.ReturnAsync(id, Version, Comment, Actor.From(User)!, ct), $"第{Version}版已退回", ct);

    async Task<IActionResult> AfterAsync(string id, TemplateChange change, string message, CancellationToken ct)
    {
        switch (change)
        {
            case TemplateChange.NotFound:
                return NotFound();
            case TemplateChange.Done:
                TempData["Flash"] = message;
                return Redirect($"/Templates/{id}");
        }
        var refused = (TemplateChange.Refused)change;
        if (!await LoadAsync(id, ct)) return NotFound();
        Refusal = refused.Reason;
        RefusalLint = refused.Lint;
        Response.StatusCode = TemplateStore.MayCurate(Actor.From(User)!) ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden;
        return Page();
    }

    async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        Versions = await store.VersionsAsync(id, ct);
        if (Versions.Count == 0) return false;
        Id = id;
        var template = store.Parse(Versions[0]);
        DocumentTitle = documents.Find(template.Document)?.Title ?? template.Document;
        Current = Versions.Where(v => v.Approval == TemplateApproval.Approved).MaxBy(v => v.Version);
        Open = Versions.FirstOrDefault(v => v.Approval == TemplateApproval.Draft);
        if (Open is not null)
        {
            OpenDiff = TemplateDiff.Lines(Current?.Content ?? "", Open.Content);
            OpenLint = store.Lint(id, Open.Content);
        }
        Notices = files.For(id).ToList();
        MayCurate = TemplateStore.MayCurate(Actor.From(User)!);
        return true;
    }

    public bool IsAuthor(StoredTemplateVersion version) => version.AuthorId == Actor.From(User)!.UserId;

    public static string ApprovalText(StoredTemplateVersion v) => v.Approval switch
    {
        TemplateApproval.Approved => "已审定",
        TemplateApproval.Draft => "待审核",
        _ => "已退回",
    };
}
