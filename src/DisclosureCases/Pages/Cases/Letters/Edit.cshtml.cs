using DisclosureCases.Cases;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Cases.Letters;

/// <summary>
/// 制作文书: the clerk's letter form. The current approved template for the document (the reply: for the outcome the
/// clerk picks) with every known field merged; the slots as a form; the letter as it will print beside it, refreshed by
/// 预览并保存 (which saves the draft); what is still missing; and 提交法制审核 once nothing but the 文号 and date is.
/// A refused submit shows the form again with everything typed.
/// </summary>
[Authorize(Roles = Roles.Clerk)]
public class EditModel(CaseLetters letters) : PageModel
{
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public Dictionary<string, string?> Slots { get; set; } = [];
    [BindProperty] public RecipientForm Recipient { get; set; } = new();
    [BindProperty] public int? LetterVersion { get; set; }
    /// <summary>For a new letter: the document it answers or the letter it corrects (none: the reply).</summary>
    [BindProperty(SupportsGet = true)] public int? CaseDocument { get; set; }
    [BindProperty(SupportsGet = true)] public int? Supersedes { get; set; }

    public sealed class RecipientForm
    {
        public string? Name { get; set; }
        public bool IsOrganization { get; set; }
        public string? Address { get; set; }
        public string? PostalCode { get; set; }
    }

    public LetterWork Work { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public Dictionary<string, string> FieldErrors { get; private set; } = [];

    LetterTarget Target => Supersedes is { } s ? new LetterTarget.Correction(s)
        : CaseDocument is { } d ? new LetterTarget.ForDocument(d)
        : new LetterTarget.Reply();

    public async Task<IActionResult> OnGetAsync(int caseId, int? letterId, CancellationToken ct)
    {
        if (letterId is null && await letters.FindOpenAsync(caseId, Target, ct) is { } open)
            return Redirect($"/Cases/{caseId}/Letters/Edit/{open.Id}");
        var work = await letters.OpenAsync(caseId, letterId, Target, null, ct);
        if (work is null) return NotFound();
        if (work.Letter is { IsEditable: false } done) return Redirect($"/Letters/{done.Id}");
        Show(work);
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(int caseId, int? letterId, CancellationToken ct) =>
        PostAsync(caseId, letterId, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int caseId, int? letterId, CancellationToken ct) =>
        PostAsync(caseId, letterId, submit: true, ct);

    async Task<IActionResult> PostAsync(int caseId, int? letterId, bool submit, CancellationToken ct)
    {
        var input = new LetterInput(Outcome, Slots,
            new RecipientInput(Recipient.Name, Recipient.IsOrganization, Recipient.Address, Recipient.PostalCode));
        var work = await letters.OpenAsync(caseId, letterId, Target, input, ct);
        if (work is null) return NotFound();
        var actor = Actor.From(User)!;
        var result = submit
            ? await letters.SubmitAsync(work, LetterVersion, actor, ct)
            : await letters.SaveAsync(work, LetterVersion, actor, ct);
        switch (result)
        {
            case LetterResult.NotFound:
                return NotFound();
            case LetterResult.Done done:
                TempData["Flash"] = done.Message;
                return Redirect(submit ? $"/Letters/{done.Letter.Id}" : $"/Cases/{caseId}/Letters/Edit/{done.Letter.Id}");
            case LetterResult.Refused refused:
                Refusal = refused.Reason;
                foreach (var (field, message) in refused.FieldErrors)
                    FieldErrors[field] = message;
                Response.StatusCode = refused.Status;
                break;
        }
        // A refused submit may still have saved the draft (it is kept either way): show the form as typed, with the
        // letter's current version so that the next post is not taken for a stale one.
        var reloaded = letterId is null && result is LetterResult.Refused && await letters.FindOpenAsync(caseId, Target, ct) is { } created
            ? await letters.OpenAsync(caseId, created.Id, null, input, ct)
            : await letters.OpenAsync(caseId, letterId, Target, input, ct);
        Show(reloaded ?? work, keepPosted: true);
        // After a conflict the user must look again (the version stays the one they saw); after any other refusal the
        // draft as saved is the one to continue from.
        if (result is LetterResult.Refused { Status: not StatusCodes.Status409Conflict })
            LetterVersion = Work.Letter?.Version;
        return Page();
    }

    void Show(LetterWork work, bool keepPosted = false)
    {
        Work = work;
        if (keepPosted) return;
        Outcome = work.Outcome;
        Slots = work.Slots.ToDictionary(kv => kv.Key, kv => kv.Value);
        Recipient = new RecipientForm
        {
            Name = work.Recipient.Name, IsOrganization = work.Recipient.IsOrganization,
            Address = work.Recipient.Address, PostalCode = work.Recipient.PostalCode,
        };
        LetterVersion = work.Letter?.Version;
    }

    /// <summary>The value shown in a slot's input: as posted, else as stored or pre-filled.</summary>
    public string? SlotValue(string name) => Slots.GetValueOrDefault(name);
}
