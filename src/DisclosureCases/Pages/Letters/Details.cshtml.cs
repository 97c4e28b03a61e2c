using System.Text;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Letters;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Letters;

/// <summary>
/// 文书: one letter — which template version made it, where it stands, who wrote, submitted and reviewed it — with the
/// letter itself. The 法制审核人员 approves it (文号 and 成文日期) or returns it with a comment here; an issued letter is
/// printed (HTML) or downloaded (DOCX) as rendered again from what was stored, and checked against the hashes taken
/// when it was issued. Another agency's letter is a 404.
/// </summary>
public class DetailsModel(DisclosureDbContext db, CaseLetters letters, TimeProvider time) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? IssuedOn { get; set; }
    [BindProperty] public string? Seen { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public Letter Letter { get; private set; } = null!;
    public LetterWork Work { get; private set; } = null!;
    public Letter? Supersedes { get; private set; }
    public Letter? SupersededBy { get; private set; }
    /// <summary>For an issued letter: whether rendering it again gives exactly the bytes recorded at issue.</summary>
    public bool? Reproduces { get; private set; }
    public string? Refusal { get; private set; }
    public string? PostedForm { get; private set; }
    public Dictionary<string, string> FieldErrors { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Letter.Version;
        IssuedOn = Today.ToString("yyyy-MM-dd");
        Seen = Work.DataHash;
        return Page();
    }

    /// <summary>The issued letter as a print-ready A4 page (the browser's print dialog makes the paper or PDF copy).</summary>
    public async Task<IActionResult> OnGetHtmlAsync(int id, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null) return NotFound();
        if (!letter.WasIssued) return NotIssued();
        var rendered = await letters.RenderIssuedAsync(letter, ct);
        // The page is the letter only: no script, no outside resource.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return File(rendered.HtmlBytes(), "text/html; charset=utf-8");
    }

    /// <summary>The issued letter as a Word document.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null) return NotFound();
        if (!letter.WasIssued) return NotIssued();
        var rendered = await letters.RenderIssuedAsync(letter, ct);
        return File(rendered.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName(letter, ".docx"));
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        var result = await letters.ApproveAsync(id, Version, IssuedOn, Seen, Actor.From(User)!, ct);
        return await AfterAsync(id, result, "approve", ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct)
    {
        var result = await letters.ReturnAsync(id, Version, Comment, Actor.From(User)!, ct);
        return await AfterAsync(id, result, "return", ct);
    }

    async Task<IActionResult> AfterAsync(int id, LetterResult result, string form, CancellationToken ct)
    {
        switch (result)
        {
            case LetterResult.NotFound:
                return NotFound();
            case LetterResult.Done done:
                TempData["Flash"] = done.Message;
                return Redirect($"/Letters/{id}");
        }
        var refused = (LetterResult.Refused)result;
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        Refusal = refused.Reason;
        PostedForm = form;
        foreach (var (field, message) in refused.FieldErrors)
            FieldErrors[field] = message;
        Response.StatusCode = refused.Status;
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null) return false;
        var work = await letters.OpenAsync(letter.CaseId, letter.Id, null, null, ct);
        if (work is null) return false;
        Letter = letter;
        Work = work;
        Today = ShanghaiTime.Today(time);
        if (letter.SupersedesId is { } s) Supersedes = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == s, ct);
        if (letter.SupersededById is { } b) SupersededBy = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == b, ct);
        if (letter.WasIssued)
        {
            var rendered = await letters.RenderIssuedAsync(letter, ct);
            Reproduces = CaseLetters.Sha256(rendered.HtmlBytes()) == letter.HtmlHash && CaseLetters.Sha256(rendered.Docx()) == letter.DocxHash;
        }
        return true;
    }

    /// <summary>The letter as it prints: as issued (from storage), or as it stands now with 【】 where the 文号 and date will go.</summary>
    public string PreviewHtml => Work.Draft?.Preview.Html ?? "";

    ContentResult NotIssued() => new()
    {
        StatusCode = StatusCodes.Status409Conflict,
        ContentType = "text/plain; charset=utf-8",
        Content = "该文书尚未签发：签发后才能打印和下载。",
    };

    static string FileName(Letter letter, string extension)
    {
        var name = new StringBuilder(letter.Title);
        if (letter.Number is { } n) name.Append('-').Append(n);
        foreach (var bad in Path.GetInvalidFileNameChars()) name.Replace(bad, '_');
        return name + extension;
    }
}
