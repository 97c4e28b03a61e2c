using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// What the jobs dashboard shows, read from the scheduler (jobs, triggers, running firings, cluster nodes) and from
/// our own tables (run history, incidents): in place of Hangfire's dashboard.
/// </summary>
public sealed class JobDashboard(JobControl control, JobCatalog catalog, Database database)
{
    public const int HistoryPageSize = 50;

    public sealed record SchedulerView(string Name, string InstanceId, string Status, DateTimeOffset? RunningSince, bool Clustered,
        bool Persistent, int ThreadPoolSize, string Version, IReadOnlyList<ClusterNode> Nodes);

    /// <summary>A job with its recurring trigger, if it has one.</summary>
    public sealed record JobView(JobDefinition Definition, bool Paused, DateTimeOffset? Next, DateTimeOffset? Previous, string State);

    /// <summary>A one-shot trigger waiting to fire: a retry, a manual run, an enqueued job.</summary>
    public sealed record OnceView(TriggerKey Key, JobDefinition? Definition, string JobName, DateTimeOffset? FireAt, string Kind, string? Attempt,
        string State);

    public sealed record RunningView(JobRun? Run, string JobName, string Node, DateTimeOffset FiredAt);

    public sealed record IncidentView(JobIncident Incident, JobRun Run, JobDefinition? Definition);

    public sealed record View(SchedulerView? Scheduler, IReadOnlyList<JobView> Jobs, IReadOnlyList<OnceView> Scheduled,
        IReadOnlyList<RunningView> Running, IReadOnlyList<IncidentView> Incidents, IReadOnlyList<JobRun> History, int HistoryTotal);

    public async Task<View> LoadAsync(int historyPage, CancellationToken ct)
    {
        SchedulerView? schedulerView = null;
        var jobs = new List<JobView>();
        var once = new List<OnceView>();
        var running = new List<RunningView>();
        await using var db = database.CreateContext(AgencyScope.All);
        var runningRuns = await db.JobRuns.AsNoTracking().Where(r => r.Outcome == JobRunOutcome.Running).ToListAsync(ct);

        if (control.Enabled)
        {
            var scheduler = await control.SchedulerAsync(ct);
            var meta = await scheduler.GetMetadata(ct);
            schedulerView = new SchedulerView(meta.SchedulerName, meta.SchedulerInstanceId, meta.Status.ToString(), meta.RunningSince,
                meta.JobStoreClustered, meta.JobStorePersistent, meta.ThreadPoolSize, meta.Version,
                meta.JobStoreClustered ? await scheduler.QueryClusterNodes(ct) : []);

            foreach (var d in catalog.All.OrderBy(d => d.Schedule is null).ThenBy(d => d.Name, StringComparer.Ordinal))
            {
                ITrigger? trigger = d.Schedule is null ? null : await scheduler.GetTrigger(d.RecurringTrigger, ct);
                var state = trigger is null ? TriggerState.None : await scheduler.GetTriggerState(trigger.Key, ct);
                var paused = await JobPausedAsync(scheduler, d.Key, ct);
                jobs.Add(new JobView(d, paused, trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc, StateText(state, paused)));
            }

            var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, ct);
            foreach (var t in triggers.Items.Where(t => t.Key.Group != JobCatalog.RecurringGroup).OrderBy(t => t.NextFireTimeUtc))
            {
                var full = await scheduler.GetTrigger(t.Key, ct);
                string? attempt = full?.JobDataMap.TryGetString(JobDataKeys.Attempt, out var a) == true ? a : null;
                once.Add(new OnceView(t.Key, catalog.Find(t.JobKey), t.JobKey.Name, t.NextFireTimeUtc, KindText(t.Key.Group), attempt,
                    StateText(t.State, t.State == TriggerState.Paused)));
            }

            var firing = await scheduler.QueryFireInstances(new FireInstanceQuery { State = FireInstanceState.Executing, Take = PagedQuery.All }, ct);
            foreach (var f in firing.Items)
                running.Add(new RunningView(runningRuns.FirstOrDefault(r => r.FireInstanceId == f.FireInstanceId), f.JobKey?.Name ?? "", f.SchedulerInstanceId, f.FireTimeUtc));
        }
        // Runs still marked running that the scheduler does not list (between the listener's write and the firing's record).
        running.AddRange(runningRuns.Where(r => running.All(x => x.Run?.Id != r.Id)).Select(r => new RunningView(r, r.JobName, r.Node, r.StartedAt)));

        var incidents = await db.JobIncidents.AsNoTracking().Where(i => i.ResolvedAt == null).OrderByDescending(i => i.Id).ToListAsync(ct);
        var incidentRuns = await db.JobRuns.AsNoTracking().Where(r => incidents.Select(i => i.RunId).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var historyTotal = await db.JobRuns.CountAsync(ct);
        var history = await db.JobRuns.AsNoTracking().OrderByDescending(r => r.Id)
            .Skip((Math.Max(historyPage, 1) - 1) * HistoryPageSize).Take(HistoryPageSize).ToListAsync(ct);
        return new View(schedulerView, jobs, once, running,
            incidents.Select(i => new IncidentView(i, incidentRuns[i.RunId], catalog.Find(new JobKey(i.JobName, i.JobGroup)))).ToList(),
            history, historyTotal);
    }

    static async Task<bool> JobPausedAsync(IScheduler scheduler, JobKey key, CancellationToken ct)
    {
        var triggers = await scheduler.GetTriggersOfJob(key, ct);
        foreach (var t in triggers)
            if (await scheduler.GetTriggerState(t.Key, ct) == TriggerState.Paused)
                return true;
        return false;
    }

    public static string KindText(string triggerGroup) => triggerGroup switch
    {
        JobCatalog.RetryGroup => "自动重试",
        JobCatalog.ManualGroup => "手动执行",
        JobCatalog.OnceGroup => "一次性任务",
        _ => triggerGroup,
    };

    static string StateText(TriggerState state, bool paused) => paused ? "已暂停" : state switch
    {
        TriggerState.Normal => "等待中",
        TriggerState.Executing => "执行中",
        TriggerState.Blocked => "等待上一次执行结束",
        TriggerState.Error => "出错",
        TriggerState.Complete => "已完成",
        TriggerState.Paused => "已暂停",
        TriggerState.None => "—",
        _ => state.ToString(),
    };

    public static string OutcomeText(JobRunOutcome outcome) => outcome switch
    {
        JobRunOutcome.Running => "执行中",
        JobRunOutcome.Succeeded => "成功",
        JobRunOutcome.RetryScheduled => "失败，已安排重试",
        JobRunOutcome.Failed => "失败",
        JobRunOutcome.Vetoed => "被否决",
        JobRunOutcome.Interrupted => "中断",
        _ => outcome.ToString(),
    };

    public static string OriginText(JobRunOrigin origin) => origin switch
    {
        JobRunOrigin.Scheduled => "计划",
        JobRunOrigin.Manual => "手动",
        JobRunOrigin.Retry => "自动重试",
        JobRunOrigin.ManualRetry => "手动重试",
        JobRunOrigin.Recovery => "恢复执行",
        _ => origin.ToString(),
    };

    public static string MisfireText(CronTriggerMisfireInstruction m) => m switch
    {
        CronTriggerMisfireInstruction.FireAndProceed => "补执行一次",
        CronTriggerMisfireInstruction.DoNothing => "不补执行",
        CronTriggerMisfireInstruction.IgnoreMisfires => "逐次补执行",
        _ => "默认策略",
    };
}
