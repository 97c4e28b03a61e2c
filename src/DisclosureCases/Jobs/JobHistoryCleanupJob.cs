using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// Deletes the runs that ended more than <see cref="SchedulerSettings.HistoryRetentionDays"/> days ago, except those an
/// unresolved incident points at (an administrator has yet to look at them).
/// </summary>
[DisallowConcurrentExecution]
public sealed class JobHistoryCleanupJob(Database database, SchedulerSettings settings, TimeProvider time, ILogger<JobHistoryCleanupJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-settings.HistoryRetentionDays);
        await using var db = database.CreateContext(AgencyScope.All);
        var kept = db.JobIncidents.Where(i => i.ResolvedAt == null).Select(i => i.RunId);
        // Compared in memory as well: SQLite stores DateTimeOffset as text, where a range comparison is not reliable.
        var candidates = await db.JobRuns.Where(r => r.EndedAt != null && !kept.Contains(r.Id))
            .Select(r => new { r.Id, r.EndedAt }).ToListAsync(cancellationToken);
        var old = candidates.Where(r => r.EndedAt < cutoff).Select(r => r.Id).ToList();
        var deleted = 0;
        foreach (var chunk in old.Chunk(500))
            deleted += await db.JobRuns.Where(r => chunk.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        log.LogInformation("Job history cleanup: {Deleted} runs ended before {Cutoff:O} deleted", deleted, cutoff);
        context.Result = deleted;
    }
}
