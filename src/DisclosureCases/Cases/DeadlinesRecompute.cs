using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Notifications;
using Microsoft.EntityFrameworkCore;
using static DisclosureCases.Domain.Calendar.ChineseDates;

namespace DisclosureCases.Cases;

/// <summary>
/// After a <see cref="CalendarChange"/>: every case not yet archived has its deadlines computed from its clock events
/// under the old and the new calendar. A case on which any due date differs gets, in one transaction, a
/// <c>deadlines-moved</c> event on its record (each moved deadline with its date before and after), its derived due
/// dates rewritten, a notice for its handler for each running deadline that moved, and a <see cref="CalendarChangeCase"/>
/// mark — so the job, run twice or resumed after a crash, moves each case once. Cases whose dates did not move are
/// not touched.
/// </summary>
public sealed class DeadlinesRecompute(Database database, WorkflowRegistry workflows, TimeProvider time, ILogger<DeadlinesRecompute> log)
{
    const int BatchSize = 200;
    const int ConflictRetries = 3;

    public sealed record Result(int CasesChecked, int CasesMoved);

    /// <summary>One deadline whose due date the change moved.</summary>
    public sealed record MovedDeadline(string Key, string Title, DateOnly? Before, DateOnly? After, ClockStatus Status);

    public async Task<Result> RunAsync(int changeId, CancellationToken ct)
    {
        PeriodCalculator before, after;
        await using (var db = database.CreateContext(AgencyScope.All))
        {
            var change = await db.CalendarChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeId, ct)
                ?? throw new JobInputException($"没有编号为 {changeId} 的节假日安排变更记录");
            var versions = await db.CalendarVersions.AsNoTracking()
                .Where(v => v.ContentHash == change.FromHash || v.ContentHash == change.ToHash).ToDictionaryAsync(v => v.ContentHash, ct);
            before = new PeriodCalculator(versions[change.FromHash].ToCalendar());
            after = new PeriodCalculator(versions[change.ToHash].ToCalendar());
        }

        AgencyStaff staff;
        await using (var db = database.CreateContext(AgencyScope.All))
            staff = await AgencyStaff.LoadAsync(db, ct);
        var checkedCount = 0;
        var lastId = 0;
        while (true)
        {
            List<Case> batch;
            HashSet<int> done;
            await using (var db = database.CreateContext(AgencyScope.All))
            {
                batch = await db.Cases.AsNoTracking().Include(c => c.ClockEvents).AsSplitQuery()
                    .Where(c => !c.Archived && c.Id > lastId).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
                if (batch.Count == 0) break;
                var ids = batch.Select(c => c.Id).ToList();
                done = (await db.CalendarChangeCases.Where(m => m.CalendarChangeId == changeId && ids.Contains(m.CaseId))
                    .Select(m => m.CaseId).ToListAsync(ct)).ToHashSet();
            }
            lastId = batch[^1].Id;
            foreach (var c in batch)
            {
                checkedCount++;
                if (done.Contains(c.Id) || Diff(c, before, after).Count == 0) continue;
                await MoveAsync(c.Id, changeId, before, after, staff, ct);
            }
        }

        await using (var db = database.CreateContext(AgencyScope.All))
        {
            var change = await db.CalendarChanges.SingleAsync(c => c.Id == changeId, ct);
            change.CasesMoved = await db.CalendarChangeCases.CountAsync(m => m.CalendarChangeId == changeId, ct);
            change.CompletedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            log.LogInformation("Calendar change {ChangeId}: {Checked} open cases checked, {Moved} moved", changeId, checkedCount, change.CasesMoved);
            return new Result(checkedCount, change.CasesMoved.Value);
        }
    }

    /// <summary>The deadlines of <paramref name="c"/> whose due date differs between the two calendars, in the order computed.</summary>
    public static IReadOnlyList<MovedDeadline> Diff(Case c, PeriodCalculator before, PeriodCalculator after)
    {
        var old = CaseDeadlines.Compute(c, before).Deadlines.ToDictionary(d => d.Key);
        return CaseDeadlines.Compute(c, after).Deadlines
            .Where(d => old.TryGetValue(d.Key, out var o) && o.Due != d.Due)
            .Select(d => new MovedDeadline(d.Key, d.Title, old[d.Key].Due, d.Due, d.Status))
            .ToList();
    }

    async Task MoveAsync(int caseId, int changeId, PeriodCalculator before, PeriodCalculator after, AgencyStaff staff, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = database.CreateContext(AgencyScope.All);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var c = await db.Cases.Include(x => x.ClockEvents).SingleAsync(x => x.Id == caseId, ct);
            if (await db.CalendarChangeCases.AnyAsync(m => m.CalendarChangeId == changeId && m.CaseId == caseId, ct))
                return;
            // Read again inside the transaction: a transition since the batch was read may have changed the events.
            var moved = Diff(c, before, after);
            if (moved.Count == 0) return;

            var now = time.GetUtcNow();
            CaseDeadlines.Project(c, workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash), after);
            CaseRecord.Touch(c, "系统", now);
            CaseRecord.Append(db, c, new CaseEvent
            {
                At = now,
                ActorId = "system",
                ActorName = "系统",
                Kind = CaseEventKinds.DeadlinesMoved,
                Summary = "法定节假日安排调整，期限变更：" + string.Join("；", moved.Select(m => $"{m.Title} {Text(m.Before)} → {Text(m.After)}")),
                Data = JsonSerializer.Serialize(new
                {
                    calendarChange = changeId,
                    changes = moved.Select(m => new FieldChange(m.Key, Text(m.Before), Text(m.After))),
                }, AuditJson.Options),
            });
            db.CalendarChangeCases.Add(new CalendarChangeCase { CalendarChangeId = changeId, CaseId = caseId });
            await NotificationWriter.AddMissingAsync(db, moved
                .Where(m => m is { Status: ClockStatus.Running, After: not null })
                .SelectMany(m => staff.HandlersOf(c).Select(r => DeadlineNotices.Moved(c, m.Key, m.Title, m.Before, m.After!.Value, r, now)))
                .ToList(), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < ConflictRetries)
            {
                // Someone changed the case (or another node marked it) in between: read it again.
                await tx.RollbackAsync(ct);
            }
        }
    }

    static string Text(DateOnly? d) => d is { } date ? Iso(date) : "无";
}

/// <summary>A job's input names something that does not exist (or no longer does): retrying cannot help.</summary>
public sealed class JobInputException(string message) : Exception(message);
