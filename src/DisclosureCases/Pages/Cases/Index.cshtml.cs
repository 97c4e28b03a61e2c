using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Cases;

/// <summary>工作台: my cases and my agency's, filtered by state, handler and due date, sorted and paged.</summary>
public class IndexModel(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string Scope { get; set; } = "mine";
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Handler { get; set; }
    [BindProperty(SupportsGet = true)] public int? DueWithin { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "due";
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(string Name, string Title)> States { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Handlers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed record CaseRow(int Id, string? CaseNumber, string ApplicantName, string Description, DateOnly ReceivedOn,
        string State, string StateTitle, string? HandlerName, DateOnly? NextDue, string? NextDueKey, DeadlineText? Due);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User)!;
        Today = ShanghaiTime.Today(time);
        var definition = workflows.Newest("application");
        States = definition.States.Select(s => (s.Name, s.Title)).ToList();
        Handlers = await db.Users.Where(u => u.AgencyId == actor.AgencyId).OrderBy(u => u.DisplayName)
            .Select(u => new ValueTuple<string, string>(u.Id, u.DisplayName)).ToListAsync(ct);

        var query = db.Cases.AsNoTracking();
        if (Scope == "mine") query = query.Where(c => c.HandlerId == actor.UserId || (c.HandlerId == null && c.State == "received"));
        if (!string.IsNullOrEmpty(State)) query = query.Where(c => c.State == State);
        else if (Scope != "all-states") query = query.Where(c => !c.Archived);
        if (!string.IsNullOrEmpty(Handler)) query = query.Where(c => c.HandlerId == Handler);
        if (Overdue) query = query.Where(c => c.NextDue < Today);
        if (DueWithin is >= 0 and <= 365)
        {
            var limit = calendar.Calculator.AddWorkingDays(Today, DueWithin.Value);
            query = query.Where(c => c.NextDue != null && c.NextDue <= limit);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(c => (c.CaseNumber != null && c.CaseNumber.Contains(q)) || c.Applicant.Name.Contains(q) || c.Description.Contains(q));
        }
        query = Sort switch
        {
            "received" => query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id),
            "number" => query.OrderBy(c => c.CaseNumber).ThenBy(c => c.Id),
            _ => query.OrderBy(c => c.NextDue == null).ThenBy(c => c.NextDue).ThenBy(c => c.Id),
        };
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var page = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new { c.Id, c.CaseNumber, c.Applicant.Name, c.Description, c.ReceivedOn, c.State, c.HandlerName, c.NextDue, c.NextDueKey })
            .ToListAsync(ct);
        Rows = page.Select(c => new CaseRow(c.Id, c.CaseNumber, c.Name, c.Description, c.ReceivedOn, c.State,
            definition.FindState(c.State)?.Title ?? c.State, c.HandlerName, c.NextDue, c.NextDueKey,
            c.NextDue is { } due ? DeadlineText.For(due, Today, calendar.Calculator) : null)).ToList();
    }

    public string PageUrl(int page) => Url.Page("/Cases/Index", new { Scope, State, Handler, DueWithin, Overdue, Q, Sort, PageNumber = page })!;
}
