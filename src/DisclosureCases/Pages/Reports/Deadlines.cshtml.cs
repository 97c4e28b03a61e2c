using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Reports;
using DisclosureCases.Reviews;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Reports;

/// <summary>
/// 时限报表: the agency's open cases by state and deadline status (each count opens the list behind it), 答复及时率 by
/// month, department and handler, handling time, extensions and clock stops, the longest-open cases; filters; SVG charts
/// with the same figures as tables; XLSX and CSV.
/// </summary>
[ManagersOnly]
public class DeadlinesModel(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar, OutcomeCatalog outcomes,
    ReviewDeadlineList reviewDeadlines, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Department { get; set; }
    /// <summary>The handler (承办人) filter; not called Handler, which is the page-handler selector's query key.</summary>
    [BindProperty(SupportsGet = true)] public string? HandledBy { get; set; }
    [BindProperty(SupportsGet = true)] public Channel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicantKind? ApplicantKind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    /// <summary>The list to show below the figures: a <see cref="DeadlineStatus"/> name …</summary>
    [BindProperty(SupportsGet = true)] public DeadlineStatus? Status { get; set; }
    /// <summary>… or a state name.</summary>
    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public DeadlineReport Report { get; private set; } = null!;
    public IReadOnlyList<OpenCase>? List { get; private set; }
    public string? ListTitle { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Handlers { get; private set; } = [];
    public OutcomeCatalog Outcomes => outcomes;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (query, filter, today) = await PrepareAsync(ct);
        Report = await query.RunAsync(Actor.From(User)!.AgencyId, filter, today, ct);
        if (Status is not null || State is not null)
        {
            var which = query.Open(Actor.From(User)!.AgencyId, filter, today, Status, State);
            List = await query.ListAsync(which.OrderBy(c => c.NextDue == null).ThenBy(c => c.NextDue).ThenBy(c => c.Id).Take(DeadlineReportQuery.ListLimit), today, ct);
            ListTitle = Status is { } s ? DeadlineReport.StatusTitle(s)
                : Report.OpenByState.FirstOrDefault(x => x.State == State)?.Title ?? State;
        }
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var (query, filter, today) = await PrepareAsync(ct);
        var report = await query.RunAsync(Actor.From(User)!.AgencyId, filter, today, ct);
        return File(DeadlineReportExport.Xlsx(report, await reviewDeadlines.OpenAsync(ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DeadlineReportExport.FileName(report, "xlsx"));
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var (query, filter, today) = await PrepareAsync(ct);
        var report = await query.RunAsync(Actor.From(User)!.AgencyId, filter, today, ct);
        return File(DeadlineReportExport.Csv(report, await reviewDeadlines.OpenAsync(ct)), "text/csv; charset=utf-8", DeadlineReportExport.FileName(report, "csv"));
    }

    async Task<(DeadlineReportQuery, DeadlineFilter, DateOnly)> PrepareAsync(CancellationToken ct)
    {
        var actor = Actor.From(User)!;
        var today = ShanghaiTime.Today(time);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        Departments = await db.Departments.Where(d => d.AgencyId == actor.AgencyId).OrderBy(d => d.Name)
            .Select(d => new ValueTuple<int, string>(d.Id, d.Name)).ToListAsync(ct);
        Handlers = await AgencyUsers.ListAsync(db, actor.AgencyId, ct);
        var filter = new DeadlineFilter(From.Value, To.Value, Department, HandledBy, Channel, ApplicantKind, Outcome);
        return (new DeadlineReportQuery(db, workflows.Newest("application"), calendar.Calculator), filter, today);
    }

    /// <summary>This page's URL with the current filters and one list chosen.</summary>
    public string ListUrl(DeadlineStatus? status, string? state) =>
        Url.Page("/Reports/Deadlines", new { From = Iso(From), To = Iso(To), Department, HandledBy, Channel, ApplicantKind, Outcome, Status = status, State = state })!;

    public string ExportUrl(string handler) =>
        Url.Page("/Reports/Deadlines", handler, new { From = Iso(From), To = Iso(To), Department, HandledBy, Channel, ApplicantKind, Outcome })!;

    // Route values are formatted with the invariant culture (01/22/2026); the date inputs and the binder speak ISO dates.
    static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
