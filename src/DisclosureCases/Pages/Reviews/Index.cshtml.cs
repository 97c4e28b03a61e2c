using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Pages.Reviews;

/// <summary>复议诉讼: the agency's 行政复议 and 行政诉讼 cases with their next deadline and whether each was reported (报备).</summary>
[Authorize(Roles = Roles.LegalReviewer + "," + Roles.Manager)]
public class IndexModel(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar, IOptions<ReviewSettings> settings,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public sealed record Row(ReviewCase Case, string StateTitle, string Applications, DeadlineText? Due, string? DueTitle, bool ReportOverdue);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public ReviewSettings Settings => settings.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ShanghaiTime.Today(time);
        var query = db.ReviewCases.AsNoTracking().Include(r => r.Links).AsQueryable();
        if (!All) query = query.Where(r => r.State != "closed");
        var cases = await query.OrderBy(r => r.NextDue == null).ThenBy(r => r.NextDue).ThenBy(r => r.Id).Take(500).ToListAsync(ct);
        var caseIds = cases.SelectMany(r => r.Links).Select(l => l.CaseId).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.CaseNumber }).ToDictionaryAsync(c => c.Id, c => c.CaseNumber ?? "#" + c.Id, ct);
        var calc = calendar.Calculator;
        Rows = cases.Select(r =>
        {
            var definition = workflows.Get(r.WorkflowId, r.WorkflowVersion, r.WorkflowHash);
            var deadlines = ReviewProjection.Deadlines(r, calc, settings.Value);
            var report = deadlines.First(d => d.Deadline.Key == ReviewDeadlineKeys.Report).Deadline;
            return new Row(r, definition.FindState(r.State)?.Title ?? r.State,
                string.Join("、", r.Links.Select(l => numbers.GetValueOrDefault(l.CaseId) ?? "#" + l.CaseId)),
                r.NextDue is { } due ? DeadlineText.For(due, Today, calc) : null,
                deadlines.FirstOrDefault(d => d.Deadline.Key == r.NextDueKey)?.Deadline.Title,
                r.ReportedOn is null && report.Due < Today);
        }).ToList();
    }
}
