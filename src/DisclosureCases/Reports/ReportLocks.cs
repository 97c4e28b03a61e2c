using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Reports;

/// <summary>
/// 年度报告报送与锁定: once an agency's annual report for a year is marked filed (负责人 or 管理员), a change that would
/// alter that year's figures is refused — a case's outcome or reply date when the reply falls in a filed year, a reply
/// dated into a filed year, the applicant's kind (the report's columns) of a case counted in a filed year — until a
/// 管理员 unlocks the year, giving a reason. Both steps are recorded (<see cref="ReportFiling"/>), never deleted.
/// </summary>
public sealed class ReportLocks(DisclosureDbContext db, TimeProvider time)
{
    /// <summary>The years of the agency whose latest filing step is <c>filed</c>.</summary>
    public async Task<IReadOnlySet<int>> LockedYearsAsync(int agencyId, CancellationToken ct)
    {
        var steps = await db.ReportFilings.AsNoTracking().Where(f => f.AgencyId == agencyId)
            .Select(f => new { f.Year, f.Id, f.Action }).ToListAsync(ct);
        return steps.GroupBy(s => s.Year).Where(g => g.MaxBy(s => s.Id)!.Action == ReportFiling.Filed).Select(g => g.Key).ToHashSet();
    }

    public async Task<IReadOnlyList<ReportFiling>> HistoryAsync(int agencyId, int year, CancellationToken ct) =>
        await db.ReportFilings.AsNoTracking().Where(f => f.AgencyId == agencyId && f.Year == year).OrderBy(f => f.Id).ToListAsync(ct);

    /// <summary>The refusal for a change to <paramref name="c"/> touching <paramref name="years"/>, or null when none is locked.</summary>
    public async Task<string?> RefusalAsync(Case c, IEnumerable<int> years, string what, CancellationToken ct)
    {
        var locked = await LockedYearsAsync(c.AgencyId, ct);
        var hit = years.Where(locked.Contains).Order().ToList();
        return hit.Count == 0 ? null
            : $"{string.Join("、", hit)}年度政府信息公开工作年度报告已报送并锁定，不能再修改该年度案件的{what}。如确需修改，请管理员在“年度报告”中解锁该年度（解锁会留下记录）。";
    }

    /// <summary>The report years a case is counted in: from the year of receipt to the year of its reply (or today's year while open).</summary>
    public static IEnumerable<int> YearsCounted(Case c, DateOnly today)
    {
        var last = (c.RepliedOn ?? today).Year;
        for (var y = c.ReceivedOn.Year; y <= Math.Max(last, c.ReceivedOn.Year); y++) yield return y;
    }

    public async Task<string?> FileAsync(int agencyId, int year, AnnualReport report, Actor actor, CancellationToken ct)
    {
        if (!(actor.IsIn(Roles.Manager) || actor.IsIn(Roles.Admin))) return "只有负责人或管理员可以标记年度报告已报送";
        if ((await LockedYearsAsync(agencyId, ct)).Contains(year)) return $"{year}年度报告已经标记为已报送";
        if (report.Problems.Count > 0) return "报表数字对不上（见“需要核对”），请先核对相关案件，再标记为已报送";
        db.ReportFilings.Add(new ReportFiling
        {
            AgencyId = agencyId, Year = year, Action = ReportFiling.Filed, At = time.GetUtcNow(),
            ActorId = actor.UserId, ActorName = actor.Name, Snapshot = AnnualReportExport.Json(report),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> UnlockAsync(int agencyId, int year, string? reason, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.Admin)) return "只有管理员可以解锁已报送的年度";
        if (string.IsNullOrWhiteSpace(reason)) return "请填写解锁理由";
        if (!(await LockedYearsAsync(agencyId, ct)).Contains(year)) return $"{year}年度没有锁定";
        db.ReportFilings.Add(new ReportFiling
        {
            AgencyId = agencyId, Year = year, Action = ReportFiling.Unlocked, At = time.GetUtcNow(),
            ActorId = actor.UserId, ActorName = actor.Name, Note = reason.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
