using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Letters;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Templates;

/// <summary>
/// 修改模板: propose a new version. The text starts as the current approved version with <c>version</c> already raised;
/// 检查 runs the linter (DOMAIN.md §5 and templates/README.md) and shows each finding with its line; 提交新版本 stores the
/// proposal only when the linter finds nothing, for another 法制审核人员 or 管理员 to approve. A refused text comes back as
/// typed.
/// </summary>
[Authorize(Roles = Roles.LegalReviewer + "," + Roles.Admin)]
public partial class EditModel(TemplateStore store) : PageModel
{
    /// <summary>Template text is a few kilobytes; this is generous and keeps a pasted mistake out.</summary>
    public const int MaxLength = 50_000;

    [BindProperty] public string Text { get; set; } = "";

    public string Id { get; private set; } = "";
    public StoredTemplateVersion? Current { get; private set; }
    public IReadOnlyList<DataFileError>? Lint { get; private set; }
    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];
    public string? Refusal { get; private set; }
    public int NextVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await OpenProposalAsync(id, ct) is { } open) return Redirect($"/Templates/{id}");
        Text = Current is null ? "" : WithVersion(Current.Content, NextVersion);
        return Page();
    }

    /// <summary>检查: the linter's findings and the diff, nothing stored.</summary>
    public async Task<IActionResult> OnPostCheckAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (TooLong()) return Page();
        Lint = store.Lint(id, Text);
        return Page();
    }

    /// <summary>提交新版本.</summary>
    public async Task<IActionResult> OnPostProposeAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (TooLong()) return Page();
        switch (await store.ProposeAsync(id, Text, Actor.From(User)!, ct))
        {
            case TemplateChange.NotFound:
                return NotFound();
            case TemplateChange.Done done:
                TempData["Flash"] = $"已提交第{done.Version.Version}版，等待其他法制审核人员或管理员审定";
                return Redirect($"/Templates/{id}");
            case TemplateChange.Refused refused:
                Refusal = refused.Reason;
                Lint = refused.Lint.Count > 0 ? refused.Lint : store.Lint(id, Text);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
        return Page();
    }

    bool TooLong()
    {
        if (Text.Length <= MaxLength) return false;
        Refusal = $"模板内容不能超过{MaxLength}个字符";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return true;
    }

    async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(id, ct);
        if (versions.Count == 0) return false;
        Id = id;
        Current = versions.Where(v => v.Approval == TemplateApproval.Approved).MaxBy(v => v.Version);
        NextVersion = versions.Max(v => v.Version) + 1;
        if (Text.Length > 0 && Current is not null)
            Diff = TemplateDiff.Lines(Current.Content, Text);
        return true;
    }

    async Task<StoredTemplateVersion?> OpenProposalAsync(string id, CancellationToken ct) =>
        (await store.VersionsAsync(id, ct)).FirstOrDefault(v => v.Approval == TemplateApproval.Draft);

    /// <summary>The text with its header's <c>version:</c> set to <paramref name="version"/> (the first such line of the header).</summary>
    public static string WithVersion(string content, int version) =>
        VersionLine().Replace(content, m => m.Groups[1].Value + version.ToString(CultureInfo.InvariantCulture), 1);

    [GeneratedRegex(@"^(version:\s*)\d+", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
