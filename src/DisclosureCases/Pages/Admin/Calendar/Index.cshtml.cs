using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Jobs;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Admin.Calendar;

/// <summary>
/// 节假日安排 (管理员 only): the calendar in force, 重新加载 after a year file was added or corrected in
/// <c>workflows/calendar/</c> (no restart needed), and the history of changes with how many cases' deadlines moved.
/// A reload that changes the calendar has the deadlines of every open case recomputed by a background job.
/// </summary>
[AdminOnly]
public class IndexModel(CalendarHolder holder, CalendarReload reload, JobControl control, DeadlinesRecompute recompute,
    DisclosureDbContext db) : PageModel
{
    public DisclosureCases.Domain.Calendar.StatutoryCalendar Current => holder.Calendar;
    public IReadOnlyList<CalendarChange> Changes { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReloadAsync(CancellationToken ct)
    {
        var me = Actor.From(User)!;
        switch (await reload.ReloadAsync(me.Name, ct))
        {
            case CalendarReload.Outcome.Refused refused:
                Problems = refused.Problems;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                await LoadAsync(ct);
                return Page();
            case CalendarReload.Outcome.Unchanged:
                TempData["Flash"] = "节假日安排没有变化，期限无需重算。";
                break;
            case CalendarReload.Outcome.Changed changed:
                if (control.Enabled)
                {
                    await control.EnqueueAsync(JobCatalog.DeadlinesRecompute,
                        new Dictionary<string, string> { [JobDataKeys.CalendarChange] = JobControl.Id(changed.Change.Id) }, ct);
                    TempData["Flash"] = $"已载入新的节假日安排（{changed.Calendar.FirstYear}—{changed.Calendar.LastYear}年），正在后台重算在办案件的期限。";
                }
                else
                {
                    var result = await recompute.RunAsync(changed.Change.Id, ct);
                    TempData["Flash"] = $"已载入新的节假日安排，{result.CasesMoved}件案件的期限有变化。";
                }
                break;
        }
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct) =>
        Changes = await db.CalendarChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(20).ToListAsync(ct);

    public static string Local(DateTimeOffset? at) => at is { } t ? ShanghaiTime.Local(t).ToString("yyyy-MM-dd HH:mm") : "—";
}
