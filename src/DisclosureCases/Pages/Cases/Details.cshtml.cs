using DisclosureCases.Applicants;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using DisclosureCases.Workflow;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Cases;

/// <summary>
/// 案件详情: who asked for what, where the case stands, its deadlines with their explanations, the actions the
/// workflow offers this user now, and the full record. Another agency's case is a 404, never a glimpse.
/// </summary>
public class DetailsModel(DisclosureDbContext db, WorkflowRegistry workflows, WorkflowRuntime runtime, CalendarHolder calendar, CaseWorkflow engine,
    OutcomeCatalog outcomes, DisclosureCases.Domain.Fees.FeeSchedule fees, ApplicantHistoryQuery applicants, TimeProvider time, Database database) : PageModel
{
    public Case Case { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<WorkflowTransition> Actions { get; private set; } = [];
    public IReadOnlyList<DeadlineView> Deadlines { get; private set; } = [];
    public IReadOnlyList<CaseEvent> Events { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Users { get; private set; } = [];
    public OutcomeCatalog Outcomes => outcomes;
    public DateOnly Today { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string Diagram { get; private set; } = "";
    public string? Department { get; private set; }
    /// <summary>The applicant's applications to this agency in the calendar month of this one's receipt (条例第42条 fees).</summary>
    public int ApplicantMonthCount { get; private set; }
    /// <summary>The applicant's counts per window (申请人申请情况), read with <see cref="ApplicantMonthCount"/>.</summary>
    public ApplicantHistory ApplicantHistory { get; private set; } = null!;
    public string FeeExplanation { get; private set; } = "";
    public DisclosureCases.Domain.Fees.FeeSchedule Fees => fees;
    /// <summary>The case's letters (文书), oldest first.</summary>
    public IReadOnlyList<Letter> Letters { get; private set; } = [];
    /// <summary>The reply of the reply step while it is being drafted, returned or reviewed.</summary>
    public Letter? ReplyLetter { get; private set; }
    /// <summary>The reply step is open to a new or continued reply letter now (the case is 办理中).</summary>
    public bool ReplyDraftable { get; private set; }

    /// <summary>The action whose form was posted and refused, its values and messages, so nothing typed is lost.</summary>
    public string? PostedTrigger { get; private set; }
    public Dictionary<string, string?> Posted { get; private set; } = [];
    public string? Refusal { get; private set; }
    public Dictionary<string, string> FieldErrors { get; private set; } = [];

    public sealed record DeadlineView(CaseDeadline Deadline, DeadlineText Standing, bool Watched);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFireAsync(int id, string trigger, int version, CancellationToken ct)
    {
        var input = Request.Form.Keys.Where(k => k.StartsWith("f.", StringComparison.Ordinal))
            .ToDictionary(k => k[2..], k => (string?)Request.Form[k].ToString());
        // The reply is submitted, returned and approved as a letter, so that the letter and the case move together.
        var replyInReview = await db.Letters.AnyAsync(l => l.CaseId == id && l.CaseDocumentId == null && l.SupersedesId == null
            && l.Status == LetterStatus.InReview, ct);
        FireResult result = CaseLetters.ReservedTrigger(trigger, replyInReview) is { } reserved
            ? await db.Cases.AnyAsync(x => x.Id == id, ct) ? new FireResult.Refused(reserved, []) : new FireResult.NotFound()
            : await engine.FireAsync(id, trigger, input, Actor.From(User)!, version, ct);
        switch (result)
        {
            case FireResult.NotFound:
                return NotFound();
            case FireResult.Applied applied:
                TempData["Flash"] = $"已完成：{applied.Event.Summary}";
                return Redirect($"/Cases/{id}");
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        PostedTrigger = trigger;
        Posted = input;
        switch (result)
        {
            case FireResult.Refused refused:
                Refusal = refused.Reason;
                foreach (var (field, message) in refused.FieldErrors)
                    FieldErrors[field] = message;
                Response.StatusCode = refused.RoleDenied ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
                break;
            case FireResult.Conflict conflict:
                Refusal = conflict.Message;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        return Page();
    }

    // The queries of every view of a case, compiled once (Data/Compiled.cs). The case comes with its clock events,
    // documents and mailings. On PostgreSQL in one statement, whose rows are the product of the three lists, each a
    // handful long (a pause or an extension, a letter needed, a posting): split into four, the page waited for four round
    // trips in a row (about 14 % more requests a second in one statement, docs/benchmarks.md). SQLite has no round trips, and
    // its load runs were no faster in one statement: there the four stay.
    static readonly Compiled<Func<DisclosureDbContext, int, CancellationToken, Task<Case?>>> CaseQuery = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, int id, CancellationToken ct) => db.Cases.AsNoTracking()
            .Include(x => x.ClockEvents).Include(x => x.Documents).Include(x => x.Mailings)
            .AsSplitQuery()
            .FirstOrDefault(x => x.Id == id)));

    static readonly Compiled<Func<DisclosureDbContext, int, CancellationToken, Task<Case?>>> CaseInOneStatementQuery = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, int id, CancellationToken ct) => db.Cases.AsNoTracking()
            .Include(x => x.ClockEvents).Include(x => x.Documents).Include(x => x.Mailings)
            .AsSingleQuery()
            .FirstOrDefault(x => x.Id == id)));

    static readonly Compiled<Func<DisclosureDbContext, int, IAsyncEnumerable<Letter>>> LettersQuery = new(() =>
        EF.CompileAsyncQuery<DisclosureDbContext, int, Letter>((db, id) => db.Letters.AsNoTracking().Where(l => l.CaseId == id).OrderBy(l => l.Id)));

    static readonly Compiled<Func<DisclosureDbContext, int, IAsyncEnumerable<CaseEvent>>> EventsQuery = new(() =>
        EF.CompileAsyncQuery<DisclosureDbContext, int, CaseEvent>((db, id) => db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderByDescending(e => e.Sequence)));

    static readonly Compiled<Func<DisclosureDbContext, int, CancellationToken, Task<string?>>> DepartmentQuery = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, int id, CancellationToken ct) => db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefault()));

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var c = await (db is PostgresDisclosureDbContext ? CaseInOneStatementQuery : CaseQuery).For(db)(db, id, ct);
        if (c is null) return false;
        var actor = Actor.From(User)!;
        Case = c;
        // The similar-cases panel's reads go on beside the page's own (PostgreSQL; the component takes their result).
        DisclosureCases.Pages.Shared.Components.SimilarCases.SimilarCasesViewComponent.StartEarly(HttpContext, database, c, time);
        Today = ShanghaiTime.Today(time);
        Now = time.GetUtcNow();
        Definition = workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash);
        var calculator = calendar.Calculator;
        Letters = await LettersQuery.For(db)(db, id).ToListAsync(ct);
        ReplyLetter = Letters.LastOrDefault(l => CaseLetters.IsReplyStep(l) && l.Status is LetterStatus.Draft or LetterStatus.Returned or LetterStatus.InReview);
        ReplyDraftable = !c.Archived && Definition.FindTransition(c.State, CaseLetters.SubmitTrigger) is not null;
        var replyInReview = ReplyLetter is { Status: LetterStatus.InReview };
        Actions = runtime.Available(Definition, c.State, actor.Roles, new CaseConditions(c, calculator, Today))
            .Where(t => CaseLetters.ReservedTrigger(t.Trigger, replyInReview) is null).ToList();
        var clocks = CaseDeadlines.Compute(c, calculator);
        var watched = CaseDeadlines.Watched(c, Definition, clocks).Select(d => d.Key).ToHashSet();
        Deadlines = clocks.Deadlines.Select(d => new DeadlineView(d, DeadlineText.For(d, Today, calculator), watched.Contains(d.Key))).ToList();
        Events = await EventsQuery.For(db)(db, id).ToListAsync(ct);
        // The agency's users fill the forms' user fields (assign a handler) and name a posted one; most views need neither.
        if (HttpMethods.IsPost(Request.Method) || Actions.Any(t => t.Fields.Any(f => f.Type == FieldType.User)))
            Users = await AgencyUsers.ListAsync(db, actor.AgencyId, ct);
        Department = c.DepartmentId is { } dept ? await DepartmentQuery.For(db)(db, dept, ct) : null;
        Diagram = WorkflowDiagram.CachedSvg(Definition, c.State);
        // This case's place among the applicant's applications of its month (the fee band it falls in) and their number,
        // counted from the applicant's index rather than listed (an applicant may have thousands in a month), in the
        // statement that counts the applicant panel's windows.
        var (history, place) = await applicants.SummaryAsync(c.Applicant.IdNumber, c, ct);
        ApplicantHistory = history;
        ApplicantMonthCount = place!.All;
        FeeExplanation = fees.Explain(place.Before + 1);
        return true;
    }

    /// <summary>
    /// What the user posted, labelled and readable (a user field by name), for when the action is no longer offered —
    /// e.g. a colleague moved the case first — so that nothing typed is lost from sight.
    /// </summary>
    public IReadOnlyList<(string Label, string Value)> PostedValues()
    {
        var transition = PostedTrigger is null ? null : Definition.FindTrigger(PostedTrigger);
        return Posted.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .Select(kv =>
            {
                var field = transition?.FindField(kv.Key);
                var value = field?.Type == FieldType.User ? Users.FirstOrDefault(u => u.Id == kv.Value).Name ?? kv.Value! : kv.Value!;
                return (field?.Label ?? kv.Key, value);
            }).ToList();
    }

    /// <summary>The letter being made or issued for a document the case needs, if any (the newest).</summary>
    public Letter? LetterFor(CaseDocument document) => Letters.LastOrDefault(l => l.CaseDocumentId == document.Id && l.SupersedesId == null);

    public string StateTitle(string? state) => state is null ? "" : Definition.FindState(state)?.Title ?? state;

    public string? Value(WorkflowTransition t, WorkflowField f) =>
        PostedTrigger == t.Trigger ? Posted.GetValueOrDefault(f.Name) : f.Type == FieldType.Date && f.Rules.Contains(FieldRule.NotInFuture) ? Today.ToString("yyyy-MM-dd") : null;
}
