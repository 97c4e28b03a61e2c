using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Letters;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Mailing;

/// <summary>
/// 打印信封和邮寄清单: envelopes for the replied cases about to be posted, and the 邮寄清单 of the replies posted on a day
/// (one sheet per dispatch: tracking number, date, the letters in the envelope). Printed from the agency's current
/// approved <c>envelope</c> and <c>mailing-list</c> templates; nothing is stored.
/// </summary>
public class PrintModel(DisclosureDbContext db, WorkflowRegistry workflows, TemplateStore templates, DocumentCatalog documents,
    CalendarHolder calendar, TimeProvider time) : PageModel
{
    public const string EnvelopeDocument = "envelope";
    public const string MailingListDocument = "mailing-list";

    public sealed record ReadyCase(int Id, string? CaseNumber, string Applicant, string? Address, string? PostalCode);
    public sealed record PostedCase(int Id, string? CaseNumber, string Applicant, string? TrackingNumber, string Method, int Enclosures);

    public IReadOnlyList<ReadyCase> Ready { get; private set; } = [];
    public IReadOnlyList<PostedCase> Posted { get; private set; } = [];
    /// <summary>The posting day whose 邮寄清单 are listed.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? PostedOn { get; set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mail = MailTransition();
        var from = mail.From.Single();
        Ready = await db.Cases.AsNoTracking().Where(c => c.State == from && c.DeliveryMethod == DeliveryMethod.Post)
            .OrderBy(c => c.Id).Take(IndexModel.MaxRows)
            .Select(c => new ReadyCase(c.Id, c.CaseNumber, c.Applicant.Name, c.Applicant.Address, c.Applicant.PostalCode))
            .ToListAsync(ct);
        PostedOn ??= await db.Mailings.Where(m => m.PostedOn != null && db.Cases.Any(c => c.Id == m.CaseId))
            .MaxAsync(m => m.PostedOn, ct) ?? ShanghaiTime.Today(time);
        var posted = await PostedOnAsync(PostedOn.Value, ct);
        var enclosures = await EnclosuresAsync(posted.Select(p => p.Case.Id).ToList(), ct);
        Posted = posted.Select(p => new PostedCase(p.Case.Id, p.Case.CaseNumber, p.Case.Applicant.Name, p.Mailing.TrackingNumber, p.Mailing.Method,
            enclosures.GetValueOrDefault(p.Case.Id)?.Count ?? 0)).ToList();
    }

    /// <summary>Envelopes addressed to the applicants of the selected cases, one a sheet.</summary>
    public async Task<IActionResult> OnGetEnvelopesAsync(int[] ids, CancellationToken ct)
    {
        var cases = await CasesAsync(ids, ct);
        if (cases.Count == 0) return Nothing("请至少勾选一件案件。");
        if (await TemplateAsync(EnvelopeDocument, ct) is not { } template) return NoTemplate(EnvelopeDocument);
        var agencies = await AgenciesAsync(ct);
        var letters = cases.Select(c => (Render(template, c, agencies[c.AgencyId], null, new Dictionary<string, string>()).Document, template));
        return Html(HtmlLetterWriter.WriteBatch($"信封（{cases.Count}件）", letters));
    }

    /// <summary>The 邮寄清单 of the selected posted cases: their last dispatch and the letters it carried, one a sheet.</summary>
    public async Task<IActionResult> OnGetListAsync(int[] ids, CancellationToken ct)
    {
        var cases = await CasesAsync(ids, ct);
        var withMailing = cases.Where(c => LastPosting(c) is not null).ToList();
        if (withMailing.Count == 0) return Nothing("请至少勾选一件已登记邮寄的案件。");
        if (await TemplateAsync(MailingListDocument, ct) is not { } template) return NoTemplate(MailingListDocument);
        var agencies = await AgenciesAsync(ct);
        var enclosures = await EnclosuresAsync(withMailing.Select(c => c.Id).ToList(), ct);
        var clerks = await PostedByAsync(withMailing.Select(c => c.Id).ToList(), ct);
        var letters = withMailing.Select(c =>
        {
            var m = LastPosting(c)!;
            var mailing = new MailingFacts { Method = m.Method, TrackingNumber = m.TrackingNumber, PostedOn = m.PostedOn, Enclosures = enclosures.GetValueOrDefault(c.Id) ?? [] };
            var slots = new Dictionary<string, string> { ["clerk"] = clerks.GetValueOrDefault(c.Id) ?? Actor.From(User)!.Name };
            return (Render(template, c, agencies[c.AgencyId], mailing, slots).Document, template);
        });
        return Html(HtmlLetterWriter.WriteBatch($"邮寄清单（{withMailing.Count}件）", letters));
    }

    RenderedLetter Render(LetterTemplate template, Case c, Agency agency, MailingFacts? mailing, IReadOnlyDictionary<string, string> slots) =>
        LetterRenderer.Render(template, LetterMerge.For(c, agency, workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash),
            calendar.Calculator, null, null, slots, mailing));

    async Task<List<Case>> CasesAsync(int[] ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Take(IndexModel.MaxRows).ToList();
        var found = await db.Cases.AsNoTracking().Include(c => c.ClockEvents).Include(c => c.Mailings).AsSplitQuery()
            .Where(c => wanted.Contains(c.Id)).ToListAsync(ct);
        return found.OrderBy(c => wanted.IndexOf(c.Id)).ToList();
    }

    async Task<Dictionary<int, Agency>> AgenciesAsync(CancellationToken ct) =>
        await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);

    async Task<LetterTemplate?> TemplateAsync(string documentId, CancellationToken ct) =>
        documents.Find(documentId) is { } document ? await templates.ForLetterAsync(document, null, ct) : null;

    static Domain.Cases.Mailing? LastPosting(Case c) => c.Mailings.Where(m => m.PostedOn is not null).MaxBy(m => m.Id);

    async Task<List<(Case Case, Domain.Cases.Mailing Mailing)>> PostedOnAsync(DateOnly day, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Include(c => c.Mailings)
            .Where(c => c.Mailings.Any(m => m.PostedOn == day)).OrderBy(c => c.Id).Take(IndexModel.MaxRows).ToListAsync(ct);
        return cases.Select(c => (c, c.Mailings.Where(m => m.PostedOn == day).MaxBy(m => m.Id)!)).ToList();
    }

    /// <summary>
    /// What went into the envelope: the letters that answer the application (the 答复书 or 不再处理告知书) as issued and
    /// still in force, each as "title（文号）".
    /// </summary>
    async Task<Dictionary<int, List<string>>> EnclosuresAsync(List<int> caseIds, CancellationToken ct)
    {
        var letters = await db.Letters.AsNoTracking()
            .Where(l => caseIds.Contains(l.CaseId) && l.Status == LetterStatus.Issued && l.Outcome != null)
            .OrderBy(l => l.Id).Select(l => new { l.CaseId, l.Title, l.Number }).ToListAsync(ct);
        return letters.GroupBy(l => l.CaseId).ToDictionary(g => g.Key, g => g.Select(l => $"{l.Title}（{l.Number}）").ToList());
    }

    /// <summary>Who recorded each case's latest posting (the `mail` action): the 经办人 on its 邮寄清单.</summary>
    async Task<Dictionary<int, string>> PostedByAsync(List<int> caseIds, CancellationToken ct)
    {
        var events = await db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.Trigger == MailingBatch.Trigger)
            .Select(e => new { e.CaseId, e.Sequence, e.ActorName }).ToListAsync(ct);
        return events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Sequence)!.ActorName);
    }

    Workflow.WorkflowTransition MailTransition() =>
        workflows.Newest("application").FindTrigger(MailingBatch.Trigger)
        ?? throw new InvalidOperationException("The application workflow has no 'mail' transition.");

    FileContentResult Html(string html)
    {
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");
    }

    ContentResult Nothing(string message) => new()
    {
        StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = message,
    };

    ContentResult NoTemplate(string id) => new()
    {
        StatusCode = StatusCodes.Status409Conflict, ContentType = "text/plain; charset=utf-8",
        Content = $"文书模板 {id} 没有审定的版本，暂不能打印：请法制审核人员在模板库中审定。",
    };
}
