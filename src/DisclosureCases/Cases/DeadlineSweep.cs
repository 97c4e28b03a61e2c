using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// The daily deadline sweep: every deadline a not-yet-archived case's state watches (<see cref="CaseDeadlines.Watched"/>)
/// is checked against today (Beijing time) and its handler told at 3 working days before, on the due day and once it
/// is overdue (<see cref="DeadlineReminders"/>); an overdue deadline of the agency's own also reaches its 负责人. An
/// expired 补正期限 or 征求意见期限 becomes a task (<see cref="DeadlineNotices"/>). Each notification is written once per
/// (recipient, case, deadline, threshold, due date), so the sweep can run any number of times a day.
/// </summary>
public sealed class DeadlineSweep(Database database, WorkflowRegistry workflows, CalendarHolder calendar, NotificationWriter writer,
    TimeProvider time, ILogger<DeadlineSweep> log)
{
    const int BatchSize = 200;

    public sealed record Result(int CasesSwept, int NotificationsAdded, IReadOnlyList<int> CasesFailed);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var today = ShanghaiTime.Today(time);
        var now = time.GetUtcNow();
        var calc = calendar.Calculator;
        await using var db = database.CreateContext(AgencyScope.All);
        var staff = await AgencyStaff.LoadAsync(db, ct);
        var swept = 0;
        var added = 0;
        var failed = new List<int>();
        var lastId = 0;
        while (true)
        {
            var batch = await db.Cases.AsNoTracking().Include(c => c.ClockEvents).AsSplitQuery()
                .Where(c => !c.Archived && c.Id > lastId).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            lastId = batch[^1].Id;
            var notices = new List<Notification>();
            foreach (var c in batch)
            {
                try
                {
                    var definition = workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash);
                    foreach (var d in CaseDeadlines.Watched(c, definition, CaseDeadlines.Compute(c, calc)))
                    {
                        if (DeadlineReminders.On(d, today, calc) is not { } threshold) continue;
                        var recipients = staff.HandlersOf(c).AsEnumerable();
                        if (threshold == ReminderThreshold.Overdue && DeadlineReminders.IsAgencys(d.Key))
                            recipients = recipients.Concat(staff.ManagersOf(c.AgencyId));
                        notices.AddRange(recipients.Distinct().Select(r => DeadlineNotices.For(c, d, threshold, r, today, calc, now)));
                    }
                    swept++;
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // One case whose record cannot be computed must not keep the others' reminders back.
                    log.LogError(e, "Deadline sweep could not compute case {CaseId}", c.Id);
                    failed.Add(c.Id);
                }
            }
            added += await writer.AddMissingAsync(notices, ct);
        }
        log.LogInformation("Deadline sweep for {Today}: {Cases} cases, {Added} notifications added, {Failed} failed",
            today, swept, added, failed.Count);
        if (failed.Count > 0)
            throw new SweepIncompleteException(failed);
        return new Result(swept, added, failed);
    }
}

/// <summary>
/// Some cases could not be swept (their clock events are inconsistent). The others were; retrying cannot repair the
/// data, so the run fails at once and raises an incident naming the cases.
/// </summary>
public sealed class SweepIncompleteException(IReadOnlyList<int> caseIds)
    : Exception($"{caseIds.Count}件案件的期限无法计算，未能提醒：案件ID {string.Join("、", caseIds.Take(20))}{(caseIds.Count > 20 ? " 等" : "")}")
{
    public IReadOnlyList<int> CaseIds { get; } = caseIds;
}
