using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Reports;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Reports;

/// <summary>
/// 年度报告: 表三 and 表四 of the signed-in user's agency for a year, print-ready, with XLSX and CSV. The page never
/// offers "all agencies": every user belongs to one agency and sees its data only (DOMAIN.md §1); the installation-wide
/// figures are the command line's (<c>disclosure report annual</c> without <c>--agency</c>).
/// </summary>
[ManagersOnly]
public class AnnualModel(DisclosureDbContext db, OutcomeCatalog outcomes, DisclosureCases.Domain.Reviews.ReviewResultCatalog reviewResults, ReportLocks locks, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public AnnualReport Report { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool Locked { get; private set; }
    public IReadOnlyList<ReportFiling> History { get; private set; } = [];
    public bool CanUnlock => Actor.From(User)!.IsIn(Roles.Admin);
    [TempData] public string? Message { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await RunAsync(ct);
        await LoadFilingAsync(ct);
    }

    /// <summary>标记为已报送: records the filing with the figures filed and locks the year's cases.</summary>
    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        var report = await RunAsync(ct);
        var actor = Actor.From(User)!;
        Message = await locks.FileAsync(actor.AgencyId, report.Year, report, actor, ct) ?? $"已将{report.Year}年度报告标记为已报送，该年度案件的答复结果和日期已锁定";
        return RedirectToPage(new { Year = report.Year });
    }

    /// <summary>解锁 (管理员 only, with a reason): recorded beside the filing.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct)
    {
        var actor = Actor.From(User)!;
        if (!actor.IsIn(Roles.Admin)) return StatusCode(StatusCodes.Status403Forbidden);
        var report = await RunAsync(ct);
        Message = await locks.UnlockAsync(actor.AgencyId, report.Year, Reason, actor, ct) ?? $"已解锁{report.Year}年度";
        return RedirectToPage(new { Year = report.Year });
    }

    async Task LoadFilingAsync(CancellationToken ct)
    {
        var agency = Actor.From(User)!.AgencyId;
        Locked = (await locks.LockedYearsAsync(agency, ct)).Contains(Report.Year);
        History = await locks.HistoryAsync(agency, Report.Year, ct);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var report = await RunAsync(ct);
        return File(AnnualReportExport.Xlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            AnnualReportExport.FileName(report, "xlsx"));
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var report = await RunAsync(ct);
        return File(AnnualReportExport.Csv(report), "text/csv; charset=utf-8", AnnualReportExport.FileName(report, "csv"));
    }

    async Task<AnnualReport> RunAsync(CancellationToken ct)
    {
        var actor = Actor.From(User)!;
        var thisYear = ShanghaiTime.Today(time).Year;
        // The report is written in January for the year that ended, so that year is the default.
        var year = Year is >= 2008 && Year <= thisYear ? Year.Value : thisYear - 1;
        Year = year;
        var first = await db.Cases.Where(c => c.AgencyId == actor.AgencyId).MinAsync(c => (DateOnly?)c.ReceivedOn, ct);
        var from = Math.Min(first?.Year ?? thisYear - 1, year);
        Years = Enumerable.Range(from, thisYear - from + 1).Reverse().ToList();
        var agencyName = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return await new AnnualReportQuery(db, outcomes, reviewResults).RunAsync(year, actor.AgencyId, agencyName, ct);
    }
}
