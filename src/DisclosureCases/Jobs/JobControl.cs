using System.Globalization;
using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// What the application and the jobs dashboard ask of the scheduler: run a job now, enqueue a one-shot job with its
/// input, retry a failed run, pause and resume a job. Every trigger it schedules fires once, as soon as possible, and
/// fires even if the scheduler was down at that moment (misfire: fire now).
/// </summary>
public sealed class JobControl(SchedulerSettings settings, IServiceProvider services, Database database, JobCatalog catalog,
    TimeProvider time, ILogger<JobControl> log)
{
    /// <summary>False when <c>Quartz:Enabled</c> is false: nothing can be scheduled.</summary>
    public bool Enabled => settings.Enabled;

    public async Task<IScheduler> SchedulerAsync(CancellationToken ct)
    {
        if (!Enabled) throw new InvalidOperationException("The scheduler is disabled (Quartz:Enabled=false).");
        return await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
    }

    /// <summary>立即执行: one extra run of the job, with no input, on behalf of <paramref name="actor"/>.</summary>
    public async Task RunNowAsync(string jobName, Actor actor, CancellationToken ct)
    {
        var definition = catalog.Get(jobName);
        await ScheduleOnceAsync(definition, new TriggerKey($"manual-{definition.Name}-{Guid.NewGuid():N}", JobCatalog.ManualGroup),
            new() { [JobDataKeys.Origin] = nameof(JobRunOrigin.Manual), [JobDataKeys.RequestedBy] = actor.UserId }, ct);
        log.LogInformation("Job {JobName} run on request of user {UserId}", jobName, actor.UserId);
    }

    /// <summary>
    /// Schedules the job to run once, now, with <paramref name="input"/> (ids only). The trigger is named after the input,
    /// so asking twice for the same work (two nodes noticing the same calendar change) enqueues it once.
    /// </summary>
    public async Task EnqueueAsync(string jobName, IReadOnlyDictionary<string, string> input, CancellationToken ct)
    {
        var definition = catalog.Get(jobName);
        var name = string.Join("-", [definition.Name, .. input.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)]);
        await ScheduleOnceAsync(definition, new TriggerKey(name, JobCatalog.OnceGroup), new(input), ct);
    }

    /// <summary>
    /// 重试: runs a failed job again with the same input as the failed run, a fresh set of attempts, and closes the
    /// incident. False when there is no such open incident.
    /// </summary>
    public async Task<bool> RetryAsync(long incidentId, Actor actor, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.All);
        var incident = await db.JobIncidents.FirstOrDefaultAsync(i => i.Id == incidentId && i.ResolvedAt == null, ct);
        if (incident is null) return false;
        var run = await db.JobRuns.AsNoTracking().FirstAsync(r => r.Id == incident.RunId, ct);
        var definition = catalog.Find(new JobKey(run.JobName, run.JobGroup))
            ?? throw new InvalidOperationException($"The job {run.JobGroup}.{run.JobName} is no longer defined.");
        var data = (JsonSerializer.Deserialize<Dictionary<string, string>>(run.Data) ?? [])
            .Where(kv => !JobDataKeys.Bookkeeping.Contains(kv.Key)).ToDictionary();
        data[JobDataKeys.Origin] = nameof(JobRunOrigin.ManualRetry);
        data[JobDataKeys.RequestedBy] = actor.UserId;
        await ScheduleOnceAsync(definition, new TriggerKey($"manual-retry-{incident.Id}", JobCatalog.ManualGroup), data, ct);
        incident.ResolvedAt = time.GetUtcNow();
        incident.ResolvedBy = actor.Name;
        incident.Resolution = "已重新执行";
        await db.SaveChangesAsync(ct);
        log.LogInformation("Incident {IncidentId} of job {JobName} retried on request of user {UserId}", incident.Id, run.JobName, actor.UserId);
        return true;
    }

    /// <summary>标记已处理: closes an incident without running the job again. False when there is no such open incident.</summary>
    public async Task<bool> DismissAsync(long incidentId, Actor actor, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.All);
        var incident = await db.JobIncidents.FirstOrDefaultAsync(i => i.Id == incidentId && i.ResolvedAt == null, ct);
        if (incident is null) return false;
        incident.ResolvedAt = time.GetUtcNow();
        incident.ResolvedBy = actor.Name;
        incident.Resolution = "已标记为处理完毕（未重新执行）";
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>暂停: none of the job's triggers fires until it is resumed (retries included).</summary>
    public async Task PauseAsync(string jobName, CancellationToken ct) =>
        await (await SchedulerAsync(ct)).PauseJob(catalog.Get(jobName).Key, ct);

    /// <summary>恢复: a recurring trigger resumes its schedule; occurrences missed meanwhile follow its misfire instruction.</summary>
    public async Task ResumeAsync(string jobName, CancellationToken ct) =>
        await (await SchedulerAsync(ct)).ResumeJob(catalog.Get(jobName).Key, ct);

    async Task ScheduleOnceAsync(JobDefinition definition, TriggerKey key, Dictionary<string, string> data, CancellationToken ct)
    {
        var scheduler = await SchedulerAsync(ct);
        var builder = TriggerBuilder.Create(time)
            .WithIdentity(key)
            .ForJob(definition.Key)
            .StartAt(time.GetUtcNow())
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        foreach (var (k, v) in data)
            builder.UsingJobData(k, v);
        try
        {
            await scheduler.ScheduleJob(builder.Build(), default, ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Already enqueued and not yet fired.
        }
    }

    /// <summary>The number as job data stores it.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
