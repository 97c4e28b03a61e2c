using DisclosureCases.Data;
using DisclosureCases.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Web;

/// <summary>
/// <c>/health</c>, for a load balancer and a monitor: whether the database answers (and has no migration pending) and
/// whether this node's scheduler runs — its state, whether it is clustered, its instance id and job store, when the
/// deadline sweep last succeeded and how many job failures wait for an administrator. 200 when healthy; 503 when the
/// database cannot be reached or the scheduler is enabled but not running. Anonymous, so it names no person, case or
/// setting value: nothing here is worth more than the fact that the node is up.
/// </summary>
public static class HealthEndpoint
{
    public sealed record DatabaseHealth(string Provider, bool Connected, int? PendingMigrations, string? Error);

    public sealed record SchedulerHealth(bool Enabled, string State, bool? Clustered, string? InstanceId, string? JobStore,
        DateTimeOffset? LastSweepSucceededAt, int? OpenIncidents, string? Error);

    public sealed record Health(string Status, DatabaseHealth Database, SchedulerHealth Scheduler);

    public static async Task<IResult> Report(Database database, JobControl jobs, CancellationToken ct)
    {
        var db = await DatabaseAsync(database, ct);
        var scheduler = await SchedulerAsync(jobs, database, db.Connected, ct);
        var healthy = db.Connected && (!scheduler.Enabled || scheduler.State == "started");
        return Results.Json(new Health(healthy ? "ok" : "unavailable", db, scheduler), statusCode: healthy ? 200 : 503);
    }

    static async Task<DatabaseHealth> DatabaseAsync(Database database, CancellationToken ct)
    {
        var provider = database.Provider.ToString();
        try
        {
            await using var db = database.CreateContext(AgencyScope.Nothing);
            if (!await db.Database.CanConnectAsync(ct))
                return new DatabaseHealth(provider, false, null, "cannot connect");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return new DatabaseHealth(provider, true, pending, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's type only: its message may carry a host name or a path.
            return new DatabaseHealth(provider, false, null, e.GetType().Name);
        }
    }

    /// <summary>"Quartz.Impl.AdoJobStore.JobStoreTX, Quartz" → "JobStoreTX".</summary>
    static string? ShortTypeName(string? assemblyQualified) =>
        assemblyQualified?.Split(',')[0].Split('.')[^1];

    static async Task<SchedulerHealth> SchedulerAsync(JobControl jobs, Database database, bool connected, CancellationToken ct)
    {
        if (!jobs.Enabled)
            return new SchedulerHealth(false, "disabled", null, null, null, null, null, null);
        try
        {
            var scheduler = await jobs.SchedulerAsync(ct);
            var meta = await scheduler.GetMetadata(ct);
            var state = meta.Status switch
            {
                Quartz.SchedulerStatus.Running => "started",
                Quartz.SchedulerStatus.Shutdown or Quartz.SchedulerStatus.ShuttingDown => "shutdown",
                _ => "standby",
            };
            DateTimeOffset? lastSweep = null;
            int? incidents = null;
            if (connected)
            {
                await using var db = database.CreateContext(AgencyScope.All);
                lastSweep = await db.JobRuns.AsNoTracking()
                    .Where(r => r.JobName == JobCatalog.DeadlineSweep && r.Outcome == JobRunOutcome.Succeeded)
                    .OrderByDescending(r => r.Id).Select(r => r.EndedAt).FirstOrDefaultAsync(ct);
                incidents = await db.JobIncidents.CountAsync(i => i.ResolvedAt == null, ct);
            }
            return new SchedulerHealth(true, state, meta.JobStoreClustered, meta.SchedulerInstanceId, ShortTypeName(meta.JobStoreTypeName),
                lastSweep, incidents, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new SchedulerHealth(true, "unavailable", null, null, null, null, null, e.GetType().Name);
        }
    }
}
