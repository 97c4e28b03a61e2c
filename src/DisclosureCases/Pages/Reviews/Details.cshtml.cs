using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Reviews;
using DisclosureCases.Web.Identity;
using DisclosureCases.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Pages.Reviews;

/// <summary>
/// 复议诉讼案件: the linked applications (with their evidence packages, each or all in one: /Reviews/{id}/Evidence), the deadlines with explanations, the actions of
/// the workflow, the result entry, 报备, the follow-ons (复议后起诉, 上诉) and the full record. Another agency's case is a 404.
/// </summary>
[Authorize(Roles = Roles.LegalReviewer + "," + Roles.Manager)]
public class DetailsModel(DisclosureDbContext db, WorkflowRegistry workflows, WorkflowRuntime runtime, CalendarHolder calendar,
    ReviewWorkflow engine, ReviewDecisions decisions, ReviewReporting reporting, ReviewResultCatalog results,
    IOptions<ReviewSettings> settings, TimeProvider time) : PageModel
{
    public ReviewCase Review { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<WorkflowTransition> Actions { get; private set; } = [];
    /// <summary>The <c>decide</c> action, when this user may take it now: shown as the result entry.</summary>
    public WorkflowTransition? Decide { get; private set; }
    public IReadOnlyList<(ReviewDeadline Deadline, DeadlineText Standing)> Deadlines { get; private set; } = [];
    public IReadOnlyList<ReviewEvent> Events { get; private set; } = [];
    public IReadOnlyList<(Case Application, ReviewLink Link)> Applications { get; private set; } = [];
    public ReviewCase? Previous { get; private set; }
    public IReadOnlyList<ReviewCase> FollowOns { get; private set; } = [];
    public IEnumerable<ReviewResult> ResultOptions => results.For(Review.Kind);
    public ReviewResultCatalog Results => results;
    public ReviewSettings Settings => settings.Value;
    public string Diagram { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public string? Posted { get; private set; }
    public string? Refusal { get; private set; }
    public Dictionary<string, string> FieldErrors { get; private set; } = [];
    public Dictionary<string, string?> Values { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFireAsync(int id, string trigger, int version, CancellationToken ct)
    {
        var input = Request.Form.Keys.Where(k => k.StartsWith("f.", StringComparison.Ordinal))
            .ToDictionary(k => k[2..], k => (string?)Request.Form[k].ToString());
        if (trigger == ReviewDecisions.Trigger)
            return await Respond(id, trigger, input, new ReviewFireResult.Refused("请在“登记结果”中登记决定（判决）及其结果", []), ct);
        return await Respond(id, trigger, input, await engine.FireAsync(id, trigger, input, Actor.From(User)!, version, ct), ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, int version, string? result, JudgmentKind? judgmentKind,
        DateOnly? decidedOn, DateOnly? servedOn, string? content, CancellationToken ct)
    {
        var input = new Dictionary<string, string?>
        {
            ["result"] = result, ["judgmentKind"] = judgmentKind?.ToString(), ["decidedOn"] = decidedOn?.ToString("yyyy-MM-dd"),
            ["servedOn"] = servedOn?.ToString("yyyy-MM-dd"), ["content"] = content,
        };
        var outcome = await decisions.RecordAsync(new ReviewDecisionInput(id, version, result, judgmentKind, decidedOn, servedOn, content),
            Actor.From(User)!, ct);
        return await Respond(id, ReviewDecisions.Trigger, input, outcome, ct);
    }

    public async Task<IActionResult> OnPostReportAsync(int id, int version, DateOnly? reportedOn, string? reportNote, CancellationToken ct)
    {
        var input = new Dictionary<string, string?> { ["reportedOn"] = reportedOn?.ToString("yyyy-MM-dd"), ["reportNote"] = reportNote };
        return await Respond(id, "report", input, await reporting.ReportAsync(id, version, reportedOn, reportNote, Actor.From(User)!, ct), ct);
    }

    async Task<IActionResult> Respond(int id, string trigger, Dictionary<string, string?> input, ReviewFireResult result, CancellationToken ct)
    {
        switch (result)
        {
            case ReviewFireResult.NotFound:
                return NotFound();
            case ReviewFireResult.Applied applied:
                TempData["Flash"] = $"已完成：{applied.Event.Summary}";
                return Redirect($"/Reviews/{id}");
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        Posted = trigger;
        Values = input;
        switch (result)
        {
            case ReviewFireResult.Refused refused:
                Refusal = refused.Reason;
                foreach (var (field, message) in refused.FieldErrors)
                    FieldErrors[FormName(field)] = message;
                Response.StatusCode = refused.RoleDenied ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
                break;
            case ReviewFireResult.Conflict conflict:
                Refusal = conflict.Message;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        return Page();
    }

    /// <summary>A validator's property name (DecidedOn) as the result form names its input (decidedOn).</summary>
    static string FormName(string field) => field.Length > 0 && char.IsUpper(field[0]) ? char.ToLowerInvariant(field[0]) + field[1..] : field;

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var r = await db.ReviewCases.AsNoTracking().Include(x => x.Links).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return false;
        var actor = Actor.From(User)!;
        Review = r;
        Today = ShanghaiTime.Today(time);
        Now = time.GetUtcNow();
        Definition = workflows.Get(r.WorkflowId, r.WorkflowVersion, r.WorkflowHash);
        var available = runtime.Available(Definition, r.State, actor.Roles, new ReviewConditions(r));
        Decide = available.FirstOrDefault(t => t.Trigger == ReviewDecisions.Trigger);
        Actions = available.Where(t => t.Trigger != ReviewDecisions.Trigger).ToList();
        var calc = calendar.Calculator;
        Deadlines = ReviewProjection.Deadlines(r, calc, settings.Value)
            .Select(d => (d, d.Window && d.Deadline.Due < Today
                ? new DeadlineText($"已于{d.Deadline.Due:yyyy-MM-dd}届满", "muted")
                : DeadlineText.For(d.Deadline, Today, calc))).ToList();
        Events = await db.ReviewEvents.AsNoTracking().Where(e => e.ReviewCaseId == id).OrderByDescending(e => e.Sequence).ToListAsync(ct);
        var ids = r.Links.Select(l => l.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        Applications = r.Links.OrderBy(l => l.CaseId).Select(l => (cases.First(c => c.Id == l.CaseId), l)).ToList();
        Previous = r.PreviousId is { } p ? await db.ReviewCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct) : null;
        FollowOns = await db.ReviewCases.AsNoTracking().Where(x => x.PreviousId == id).OrderBy(x => x.Id).ToListAsync(ct);
        Diagram = WorkflowDiagram.CachedSvg(Definition, r.State);
        return true;
    }

    public string StateTitle(string state) => Definition.FindState(state)?.Title ?? state;

    public string? Value(string name) => Values.GetValueOrDefault(name);

    public string? FieldValue(WorkflowTransition t, WorkflowField f) =>
        Posted == t.Trigger ? Values.GetValueOrDefault(f.Name) : f.Type == FieldType.Date && f.Rules.Contains(FieldRule.NotInFuture) ? Today.ToString("yyyy-MM-dd") : null;

    /// <summary>The applicant may still sue after this 复议 decision, or the agency may appeal: offer the follow-on.</summary>
    public bool OffersSuitAfterReview => Review is { Kind: ReviewKind.Reconsideration, IsDecided: true } && FollowOns.Count == 0;
    public bool OffersAppeal => Review is { Kind: ReviewKind.Litigation, Instance: ReviewInstance.First, IsDecided: true } && FollowOns.Count == 0;
}
