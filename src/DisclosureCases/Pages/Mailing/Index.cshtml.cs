using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Workflow;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Mailing;

/// <summary>
/// 邮寄: the agency's replied cases whose applicant asked for the reply by post, ready to be posted in one batch
/// (method and posting date once, a tracking number per row), and the posted ones still awaiting a signed-for date.
/// A refused row keeps what was typed in it; only a 经办人 may post the batch.
/// </summary>
public class IndexModel(DisclosureDbContext db, WorkflowRegistry workflows, MailingBatch batch, CalendarHolder calendar, OutcomeCatalog outcomes,
    TimeProvider time) : PageModel
{
    const string ResultsKey = "MailingResults";

    /// <summary>Rows on one page: four form values each stay well inside the server's 1,024 form values per request.</summary>
    public const int MaxRows = 200;

    [BindProperty] public List<RowInput> Rows { get; set; } = [];
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? PostedOn { get; set; }

    public sealed class RowInput
    {
        public int CaseId { get; set; }
        public int Version { get; set; }
        public bool Selected { get; set; }
        public string? TrackingNumber { get; set; }
    }

    public sealed record ReadyCase(int Id, int Version, string? CaseNumber, string ApplicantName, string? Address, string? PostalCode,
        string? OutcomeCode, DateOnly? RepliedOn, DateOnly? ReplyDue, DeadlineText? Standing, string? HandlerName);

    public sealed record PostedCase(int Id, string? CaseNumber, string ApplicantName, string Method, string? TrackingNumber, DateOnly? PostedOn);

    public IReadOnlyList<ReadyCase> Ready { get; private set; } = [];
    public int ReadyTotal { get; private set; }
    public IReadOnlyList<PostedCase> AwaitingDelivery { get; private set; } = [];
    public IReadOnlyList<MailingBatch.Result> Results { get; private set; } = [];
    public string? Problem { get; private set; }
    public OutcomeCatalog Outcomes => outcomes;
    public WorkflowTransition MailTransition { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool MayPost { get; private set; }

    /// <summary>What the clerk typed for a case in the refused batch, so that a re-rendered row keeps it.</summary>
    public RowInput? Typed(int caseId) => Rows.FirstOrDefault(r => r.CaseId == caseId);

    /// <summary>The first listed case whose row was refused, where the cursor goes after a refusal.</summary>
    public int? FirstRefusedInList => Ready.Select(c => (int?)c.Id).FirstOrDefault(id => RefusalFor(id!.Value) is not null);

    /// <summary>Why this case's row was refused in the batch just posted, or null.</summary>
    public string? RefusalFor(int caseId) => Results.FirstOrDefault(r => r.CaseId == caseId && !r.Mailed)?.Refusal;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TempData[ResultsKey] is string json)
            Results = JsonSerializer.Deserialize<List<MailingBatch.Result>>(json) ?? [];
        await LoadAsync(ct);
        Method ??= MailTransition.FindField("method")?.Options.FirstOrDefault()?.Value;
        PostedOn ??= Today.ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = Actor.From(User)!;
        if (!actor.IsIn(Roles.Clerk))
            return StatusCode(StatusCodes.Status403Forbidden);

        // A tracking number typed in a row that is not ticked is not silently dropped: the row comes back with it.
        var unticked = Rows.Where(r => !r.Selected && !string.IsNullOrWhiteSpace(r.TrackingNumber)).ToList();
        var selected = Rows.Where(r => r.Selected)
            .Select(r => new MailingBatch.Row(r.CaseId, r.Version, r.TrackingNumber)).ToList();
        if (selected.Count == 0 && unticked.Count == 0)
        {
            Problem = "请至少勾选一件要邮寄的案件。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        var results = (await batch.PostAsync(selected, Method, PostedOn, actor, ct)).ToList();
        if (unticked.Count > 0)
        {
            var untickedIds = unticked.Select(u => u.CaseId).ToList();
            var numbers = await db.Cases.AsNoTracking().Where(c => untickedIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
            results.AddRange(unticked.Select(u => new MailingBatch.Result(u.CaseId, numbers.GetValueOrDefault(u.CaseId), u.TrackingNumber!.Trim(),
                "填写了邮件号但未勾选，未登记邮寄：要邮寄请勾选，不邮寄请清空邮件号")));
        }
        if (results.All(r => r.Mailed))
        {
            TempData[ResultsKey] = JsonSerializer.Serialize(results);
            return Redirect("/Mailing");
        }

        // Something was refused: show the page again with every row's outcome; the mailed rows have left the list and
        // the refused ones keep their typed tracking numbers, ticked, with the version the case has now.
        Results = results;
        var mailed = results.Where(r => r.Mailed).Select(r => r.CaseId).ToHashSet();
        Rows = Rows.Where(r => !mailed.Contains(r.CaseId)).ToList();
        ModelState.Clear();
        Response.StatusCode = mailed.Count > 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var actor = Actor.From(User)!;
        MayPost = actor.IsIn(Roles.Clerk);
        Today = ShanghaiTime.Today(time);
        MailTransition = workflows.Newest("application").FindTrigger(MailingBatch.Trigger)
            ?? throw new InvalidOperationException("The application workflow has no 'mail' transition.");
        var fromState = MailTransition.From.Single();
        var toState = MailTransition.To;

        var readyQuery = db.Cases.AsNoTracking().Where(c => c.State == fromState && c.DeliveryMethod == DeliveryMethod.Post);
        ReadyTotal = await readyQuery.CountAsync(ct);
        var ready = await readyQuery
            .OrderBy(c => c.ReplyDue == null).ThenBy(c => c.ReplyDue).ThenBy(c => c.Id)
            .Take(MaxRows)
            .Select(c => new { c.Id, c.Version, c.CaseNumber, c.Applicant.Name, c.Applicant.Address, c.Applicant.PostalCode, c.Outcome, c.RepliedOn, c.ReplyDue, c.HandlerName })
            .ToListAsync(ct);
        Ready = ready.Select(c => new ReadyCase(c.Id, c.Version, c.CaseNumber, c.Name, c.Address, c.PostalCode, c.Outcome, c.RepliedOn, c.ReplyDue,
            c.ReplyDue is { } due ? DeadlineText.For(due, Today, calendar.Calculator) : null, c.HandlerName)).ToList();

        var posted = await db.Cases.AsNoTracking()
            .Where(c => c.State == toState)
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.CaseNumber, c.Applicant.Name,
                Last = c.Mailings.OrderByDescending(m => m.Id).Select(m => new { m.Method, m.TrackingNumber, m.PostedOn }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        AwaitingDelivery = posted
            .Select(c => new PostedCase(c.Id, c.CaseNumber, c.Name, c.Last?.Method ?? "—", c.Last?.TrackingNumber, c.Last?.PostedOn))
            .OrderBy(c => c.PostedOn).ThenBy(c => c.Id).ToList();
    }
}
