using System.Globalization;
using System.Text.Json;
using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// Writes the run history (<see cref="JobRun"/>) of every job and applies each job type's <see cref="JobRetryPolicy"/>:
/// after a failed attempt worth retrying it schedules a one-shot retry trigger for the same job with the same data and
/// the next attempt number, at a growing, jittered delay measured on the injected <see cref="TimeProvider"/>; after
/// the last attempt, or an error not worth retrying, it marks the run failed and raises a <see cref="JobIncident"/>.
/// A listener must never throw into the scheduler: its own failures are logged.
/// </summary>
public sealed class JobRunListener(Database database, JobCatalog catalog, TimeProvider time, ILogger<JobRunListener> log) : IJobListener
{
    public string Name => nameof(JobRunListener);

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = database.CreateContext(AgencyScope.All);
            if (await db.JobRuns.AnyAsync(r => r.FireInstanceId == context.FireInstanceId, cancellationToken)) return;
            var data = Data(context);
            db.JobRuns.Add(new JobRun
            {
                FireInstanceId = context.FireInstanceId,
                JobName = context.JobDetail.Key.Name,
                JobGroup = context.JobDetail.Key.Group,
                TriggerName = context.Trigger.Key.Name,
                TriggerGroup = context.Trigger.Key.Group,
                Node = context.Scheduler.SchedulerInstanceId,
                Origin = context.Recovering ? JobRunOrigin.Recovery : OriginOf(data),
                Attempt = AttemptOf(data),
                StartedAt = time.GetUtcNow(),
                Outcome = JobRunOutcome.Running,
                Data = JsonSerializer.Serialize(data),
                RequestedBy = data.GetValueOrDefault(JobDataKeys.RequestedBy),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not record the start of job {JobKey} ({FireInstanceId})", context.JobDetail.Key, context.FireInstanceId);
        }
    }

    public async ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await FinishAsync(context, r => r.Outcome = JobRunOutcome.Vetoed, cancellationToken);

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        if (jobException is null)
        {
            await FinishAsync(context, r => r.Outcome = JobRunOutcome.Succeeded, cancellationToken);
            return;
        }
        var error = Unwrap(jobException);
        var data = Data(context);
        var attempt = AttemptOf(data);
        var policy = catalog.PolicyFor(context.JobDetail.Key);
        DateTimeOffset? retryAt = null;
        try
        {
            if (policy.Retries(error, attempt))
                retryAt = await ScheduleRetryAsync(context, data, attempt, policy, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not schedule the retry of job {JobKey} after attempt {Attempt}", context.JobDetail.Key, attempt);
        }

        var message = Describe(error);
        await FinishAsync(context, r =>
        {
            r.Error = message;
            r.Outcome = retryAt is null ? JobRunOutcome.Failed : JobRunOutcome.RetryScheduled;
            r.RetryAt = retryAt;
        }, cancellationToken, raiseIncident: retryAt is null);
        if (retryAt is null)
            log.LogWarning("Job {JobKey} failed for good on attempt {Attempt} of {MaxAttempts} with {ErrorType}: incident raised",
                context.JobDetail.Key, attempt, policy.MaxAttempts, error.GetType().Name);
        else
            log.LogInformation("Job {JobKey} failed on attempt {Attempt} with {ErrorType}; retry at {RetryAt:O}",
                context.JobDetail.Key, attempt, error.GetType().Name, retryAt);
    }

    async Task<DateTimeOffset> ScheduleRetryAsync(IJobExecutionContext context, Dictionary<string, string> data, int attempt,
        JobRetryPolicy policy, CancellationToken ct)
    {
        var retryAt = time.GetUtcNow() + policy.DelayAfter(attempt, Random.Shared);
        var builder = TriggerBuilder.Create(time)
            // Named after the failed firing, so that being told about one failure twice schedules one retry.
            .WithIdentity("retry-" + context.FireInstanceId, JobCatalog.RetryGroup)
            .ForJob(context.JobDetail.Key)
            .WithDescription($"第{attempt + 1}次尝试")
            .StartAt(retryAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        foreach (var (key, value) in data.Where(kv => !JobDataKeys.Bookkeeping.Contains(kv.Key)))
            builder.UsingJobData(key, value);
        builder.UsingJobData(JobDataKeys.Attempt, (attempt + 1).ToString(CultureInfo.InvariantCulture))
            .UsingJobData(JobDataKeys.Origin, nameof(JobRunOrigin.Retry))
            .UsingJobData(JobDataKeys.RetryOf, context.FireInstanceId);
        try
        {
            await context.Scheduler.ScheduleJob(builder.Build(), default, ct);
        }
        catch (ObjectAlreadyExistsException)
        {
        }
        return retryAt;
    }

    async Task FinishAsync(IJobExecutionContext context, Action<JobRun> complete, CancellationToken ct, bool raiseIncident = false)
    {
        try
        {
            await using var db = database.CreateContext(AgencyScope.All);
            var run = await db.JobRuns.FirstOrDefaultAsync(r => r.FireInstanceId == context.FireInstanceId, ct);
            if (run is null)
            {
                // The start was not recorded (the database was unavailable then): record the run now.
                await JobToBeExecuted(context, ct);
                run = await db.JobRuns.FirstOrDefaultAsync(r => r.FireInstanceId == context.FireInstanceId, ct);
                if (run is null) return;
            }
            run.EndedAt = time.GetUtcNow();
            complete(run);
            if (raiseIncident && !await db.JobIncidents.AnyAsync(i => i.RunId == run.Id, ct))
                db.JobIncidents.Add(new JobIncident
                {
                    JobName = run.JobName,
                    JobGroup = run.JobGroup,
                    RunId = run.Id,
                    Attempts = run.Attempt,
                    Error = run.Error ?? "",
                    RaisedAt = run.EndedAt.Value,
                });
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not record the end of job {JobKey} ({FireInstanceId})", context.JobDetail.Key, context.FireInstanceId);
        }
    }

    /// <summary>The firing's job data: the job's and the trigger's, as strings.</summary>
    static Dictionary<string, string> Data(IJobExecutionContext context) =>
        context.MergedJobDataMap.ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture) ?? "");

    static int AttemptOf(Dictionary<string, string> data) =>
        data.TryGetValue(JobDataKeys.Attempt, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    static JobRunOrigin OriginOf(Dictionary<string, string> data) =>
        data.TryGetValue(JobDataKeys.Origin, out var text) && Enum.TryParse<JobRunOrigin>(text, out var origin) ? origin : JobRunOrigin.Scheduled;

    /// <summary>The exception the job threw, out of Quartz's wrapping.</summary>
    public static Exception Unwrap(Exception e)
    {
        while (e is SchedulerException { InnerException: { } inner })
            e = inner;
        return e;
    }

    /// <summary>Type and message of the error, as stored for the dashboard (administrators only).</summary>
    static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length <= 2000 ? text : text[..1999] + "…";
    }
}
