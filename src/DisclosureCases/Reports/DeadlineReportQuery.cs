using System.Globalization;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Reports;

/// <summary>
/// The 时限报表 for the 负责人: open cases by state and by deadline status as of today, 答复及时率 by month, department and
/// handler, handling time, extensions and clock stops, the longest-open cases. Everything is counted in the database
/// (grouped), so that it stays fast on a large agency; only distinct (received, replied) date pairs come back to be
/// turned into working days by the statutory calendar.
/// <para>
/// "Open" is a case not yet archived; its deadline status comes from <see cref="Case.NextDue"/>, the earliest running
/// deadline the case's state watches. The period filter applies to replies (<see cref="Case.RepliedOn"/>) and to the
/// clock events; the other filters to every figure.
/// </para>
/// </summary>
public sealed class DeadlineReportQuery(DisclosureDbContext db, WorkflowDefinition workflow, PeriodCalculator calendar)
{
    public const int LongestOpenCount = 10;
    public const int ListLimit = 500;

    /// <summary>Clock events shown as used: extensions and the stops of DOMAIN.md §4.</summary>
    public static readonly IReadOnlyList<(string Kind, string Title)> CountedClockEvents =
    [
        ("extension-approved", "延期答复（第33条）"),
        ("consultation-started", "征求意见，计时中止（第32、34条）"),
        ("correction-requested", "补正，重新计时（第30条）"),
    ];

    IQueryable<Case> Filtered(int agencyId, DeadlineFilter f)
    {
        var q = db.Cases.AsNoTracking().Where(c => c.AgencyId == agencyId);
        if (f.DepartmentId is { } d) q = q.Where(c => c.DepartmentId == d);
        if (!string.IsNullOrEmpty(f.HandlerId)) q = q.Where(c => c.HandlerId == f.HandlerId);
        if (f.Channel is { } ch) q = q.Where(c => c.Channel == ch);
        if (f.ApplicantKind is { } k) q = q.Where(c => c.Applicant.Kind == k);
        if (!string.IsNullOrEmpty(f.Outcome)) q = q.Where(c => c.Outcome == f.Outcome);
        return q;
    }

    /// <summary>The open cases (not archived) whose deadline status, or state, is the one asked for.</summary>
    public IQueryable<Case> Open(int agencyId, DeadlineFilter f, DateOnly today, DeadlineStatus? status = null, string? state = null)
    {
        var q = Filtered(agencyId, f).Where(c => !c.Archived);
        if (state is not null) q = q.Where(c => c.State == state);
        var soon = calendar.AddWorkingDays(today, 3);
        return status switch
        {
            DeadlineStatus.Overdue => q.Where(c => c.NextDue < today),
            DeadlineStatus.DueToday => q.Where(c => c.NextDue == today),
            DeadlineStatus.DueSoon => q.Where(c => c.NextDue > today && c.NextDue <= soon),
            DeadlineStatus.OnTrack => q.Where(c => c.NextDue == null || c.NextDue > soon),
            _ => q,
        };
    }

    public DeadlineStatus StatusOf(DateOnly? nextDue, DateOnly today) =>
        nextDue is not { } due ? DeadlineStatus.OnTrack
        : due < today ? DeadlineStatus.Overdue
        : due == today ? DeadlineStatus.DueToday
        : due <= calendar.AddWorkingDays(today, 3) ? DeadlineStatus.DueSoon
        : DeadlineStatus.OnTrack;

    public async Task<DeadlineReport> RunAsync(int agencyId, DeadlineFilter f, DateOnly today, CancellationToken ct)
    {
        var open = Open(agencyId, f, today);
        var soon = calendar.AddWorkingDays(today, 3);
        // One pass over the open cases: by state and deadline status together (0 on track, 1 due soon, 2 today, 3 overdue).
        var openGroups = await open
            .GroupBy(c => new { c.State, Status = c.NextDue == null ? 0 : c.NextDue < today ? 3 : c.NextDue == today ? 2 : c.NextDue <= soon ? 1 : 0 })
            .Select(g => new { g.Key.State, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        var byState = openGroups.GroupBy(x => x.State).Select(g => new { State = g.Key, N = g.Sum(x => x.N) }).ToList();
        var states = workflow.States.Where(s => !s.IsFinal)
            .Select(s => new StateCount(s.Name, s.Title, byState.FirstOrDefault(x => x.State == s.Name)?.N ?? 0))
            .Concat(byState.Where(x => workflow.States.All(s => s.Name != x.State || s.IsFinal)).Select(x => new StateCount(x.State, x.State, x.N)))
            .ToList();
        var statuses = Enum.GetValues<DeadlineStatus>()
            .Select(s => new StatusCount(s, DeadlineReport.StatusTitle(s), openGroups.Where(x => x.Status == (int)s).Sum(x => x.N))).ToList();

        var replies = Filtered(agencyId, f).Where(c => c.RepliedOn >= f.From && c.RepliedOn <= f.To);
        // Met: 2 = no reply deadline, 1 = on time, 0 = late. Two passes: by dates (months, handling time) and by who.
        var byDates = await replies
            .GroupBy(c => new { c.ReceivedOn, c.RepliedOn, Met = c.ReplyDue == null ? 2 : c.RepliedOn <= c.ReplyDue ? 1 : 0 })
            .Select(g => new { g.Key.ReceivedOn, g.Key.RepliedOn, g.Key.Met, N = g.Count() }).ToListAsync(ct);
        var byMonth = byDates.GroupBy(x => new DateOnly(x.RepliedOn!.Value.Year, x.RepliedOn.Value.Month, 1)).OrderBy(g => g.Key)
            .Select(g => Row(g.Key.ToString("yyyy年M月", CultureInfo.InvariantCulture), g.Select(x => (x.Met, x.N)))).ToList();
        var total = Row("合计", byDates.Select(x => (x.Met, x.N)));
        var handling = Handling(byDates.Select(p => (Days: calendar.WorkingDaysBetween(p.ReceivedOn, p.RepliedOn!.Value), p.N)).ToList());

        var byWho = await replies
            .GroupBy(c => new { c.DepartmentId, c.HandlerName, Met = c.ReplyDue == null ? 2 : c.RepliedOn <= c.ReplyDue ? 1 : 0 })
            .Select(g => new { g.Key.DepartmentId, g.Key.HandlerName, g.Key.Met, N = g.Count() }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == agencyId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var byDepartment = byWho.GroupBy(x => x.DepartmentId)
            .Select(g => Row(g.Key is { } id && departments.TryGetValue(id, out var name) ? name : "（未分配处室）", g.Select(x => (x.Met, x.N))))
            .OrderBy(r => r.Label, StringComparer.Ordinal).ToList();
        var byHandler = byWho.GroupBy(x => x.HandlerName ?? "（未指定承办人）")
            .Select(g => Row(g.Key, g.Select(x => (x.Met, x.N)))).OrderBy(r => r.Label, StringComparer.Ordinal).ToList();

        var kinds = CountedClockEvents.Select(k => k.Kind).ToList();
        var filtered = Filtered(agencyId, f);
        var events = await db.CaseClockEvents.AsNoTracking()
            .Where(e => kinds.Contains(e.Kind) && e.Date >= f.From && e.Date <= f.To)
            .Join(filtered, e => e.CaseId, c => c.Id, (e, c) => new { e.Kind, e.CaseId })
            .GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Events = g.Count(), Cases = g.Select(e => e.CaseId).Distinct().Count() })
            .ToListAsync(ct);
        var clockUses = CountedClockEvents.Select(k =>
        {
            var found = events.FirstOrDefault(e => e.Kind == k.Kind);
            return new ClockUse(k.Kind, k.Title, found?.Events ?? 0, found?.Cases ?? 0);
        }).ToList();

        var longest = await ListAsync(open.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id).Take(LongestOpenCount), today, ct);

        return new DeadlineReport(today, f, states, statuses, byMonth, byDepartment, byHandler, total, handling, clockUses, longest);
    }

    /// <summary>The cases of a query as list rows, with working days open and deadline status.</summary>
    public async Task<List<OpenCase>> ListAsync(IQueryable<Case> query, DateOnly today, CancellationToken ct)
    {
        var rows = await query.Select(c => new { c.Id, c.CaseNumber, c.Applicant.Name, c.State, c.HandlerName, c.ReceivedOn, c.NextDue }).ToListAsync(ct);
        return rows.Select(c => new OpenCase(c.Id, c.CaseNumber, c.Name, c.State, workflow.FindState(c.State)?.Title ?? c.State, c.HandlerName,
            c.ReceivedOn, Math.Max(0, calendar.WorkingDaysBetween(c.ReceivedOn, today)), c.NextDue, StatusOf(c.NextDue, today))).ToList();
    }

    static OnTimeRow Row(string label, IEnumerable<(int Met, int N)> counts)
    {
        int replies = 0, onTime = 0, without = 0;
        foreach (var (met, n) in counts)
        {
            replies += n;
            if (met == 1) onTime += n;
            if (met == 2) without += n;
        }
        return new OnTimeRow(label, replies, onTime, without);
    }

    /// <summary>Mean and median of a histogram of working days; the median of an even count is the mean of the middle two.</summary>
    public static HandlingTime Handling(IReadOnlyList<(int Days, int N)> histogram)
    {
        var count = histogram.Sum(h => h.N);
        if (count == 0) return new HandlingTime(0, null, null);
        var mean = Math.Round((decimal)histogram.Sum(h => (long)h.Days * h.N) / count, 1);
        var sorted = histogram.GroupBy(h => h.Days).Select(g => (Days: g.Key, N: g.Sum(x => x.N))).OrderBy(h => h.Days).ToList();
        int At(int index)
        {
            var seen = 0;
            foreach (var (days, n) in sorted)
            {
                seen += n;
                if (index < seen) return days;
            }
            return sorted[^1].Days;
        }
        var median = count % 2 == 1 ? At(count / 2) : (At(count / 2 - 1) + At(count / 2)) / 2m;
        return new HandlingTime(count, mean, median);
    }
}
