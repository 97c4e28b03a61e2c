using DisclosureCases.Cases;
using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// Start-up work for background jobs, after the database is migrated (<see cref="Web.Startup.StartupWork"/> runs
/// first) and before the scheduler starts firing (Quartz's hosted service starts it once the application has started):
/// stores every job durably, puts each recurring trigger in place without disturbing one whose schedule is unchanged
/// (its next fire time is what lets a missed occurrence be noticed after downtime), closes the runs this node left
/// unfinished when it stopped, and has the deadlines recomputed if the statutory calendar changed while the
/// application was stopped.
/// </summary>
public sealed class SchedulerStartup(IServiceProvider services, SchedulerSettings settings, JobCatalog catalog, JobControl control,
    Database database, TimeProvider time, ILogger<SchedulerStartup> log) : IHostedService
{
    /// <summary>Quartz's instance id of a node that is not clustered.</summary>
    public const string NonClusteredInstanceId = "NON_CLUSTERED";

    public async Task StartAsync(CancellationToken ct)
    {
        if (settings.Enabled)
        {
            var scheduler = await control.SchedulerAsync(ct);
            await EnsureJobsAsync(scheduler, ct);
            await CloseInterruptedRunsAsync(scheduler, ct);
        }

        var change = await services.GetRequiredService<CalendarReload>().RecordAtStartupAsync(ct);
        if (change is null) return;
        if (settings.Enabled)
            await control.EnqueueAsync(JobCatalog.DeadlinesRecompute, new Dictionary<string, string> { [JobDataKeys.CalendarChange] = JobControl.Id(change.Id) }, ct);
        else
            await services.GetRequiredService<DeadlinesRecompute>().RunAsync(change.Id, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    async Task EnsureJobsAsync(IScheduler scheduler, CancellationToken ct)
    {
        foreach (var definition in catalog.All)
        {
            var job = JobBuilder.Create()
                .OfType(definition.JobType)
                .WithIdentity(definition.Key)
                .WithDescription(definition.Title)
                .StoreDurably()
                .RequestRecovery()
                .Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
            if (definition.Schedule is not { } schedule) continue;

            var existing = await scheduler.GetTrigger(definition.RecurringTrigger, ct) as ICronTrigger;
            if (existing is not null && existing.CronExpressionString == schedule.Cron && existing.TimeZone.Id == schedule.TimeZone.Id
                && existing.MisfireInstruction == schedule.Misfire)
                continue;
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(definition.RecurringTrigger)
                .ForJob(definition.Key)
                .WithDescription(schedule.MisfireText)
                .StartAt(time.GetUtcNow())
                .WithCronSchedule(schedule.Cron, c => c.InTimeZone(schedule.TimeZone).WithMisfireInstruction(schedule.Misfire))
                .Build();
            if (existing is null)
                await scheduler.ScheduleJob(trigger, default, ct);
            else
                await scheduler.RescheduleJob(definition.RecurringTrigger, trigger, ct);
            log.LogInformation("Recurring job {JobName}: {Cron} ({TimeZone})", definition.Name, schedule.Cron, schedule.TimeZone.Id);
        }
    }

    /// <summary>
    /// Runs still marked running whose node is gone: this node before its restart, or (clustered) a node that no longer
    /// checks in. A job that requested recovery runs again as a run of its own.
    /// </summary>
    async Task CloseInterruptedRunsAsync(IScheduler scheduler, CancellationToken ct)
    {
        var alive = settings.Clustered
            ? (await scheduler.QueryClusterNodes(ct)).Where(n => n.State != ClusterNodeState.Failed).Select(n => n.InstanceId).ToHashSet()
            : [];
        await using var db = database.CreateContext(AgencyScope.All);
        var running = await db.JobRuns.Where(r => r.Outcome == JobRunOutcome.Running).ToListAsync(ct);
        foreach (var run in running.Where(r => settings.Clustered ? !alive.Contains(r.Node) : r.Node == NonClusteredInstanceId))
        {
            run.Outcome = JobRunOutcome.Interrupted;
            run.EndedAt = time.GetUtcNow();
            run.Error ??= "节点在任务执行期间停止";
        }
        await db.SaveChangesAsync(ct);
    }
}
