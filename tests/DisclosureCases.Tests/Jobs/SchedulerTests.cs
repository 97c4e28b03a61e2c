using System.Net;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using DisclosureCases.Jobs;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DisclosureCases.Tests.Jobs;

/// <summary>The scheduler on SQLite: one node.</summary>
public sealed class SqliteSchedulerTests(SqliteSchedulerTests.Factory factory) : SchedulerTests<SqliteSchedulerTests.Factory>(factory)
{
    public sealed class Factory : SchedulerAppFactory;
}

/// <summary>The same on PostgreSQL: the job store clustered, the node with a generated instance id.</summary>
public sealed class PostgresSchedulerTests(PostgresSchedulerTests.Factory factory) : SchedulerTests<PostgresSchedulerTests.Factory>(factory)
{
    public sealed class Factory : PostgresSchedulerAppFactory;

    [SkippableFact]
    public async Task The_job_store_is_clustered_and_the_node_has_a_generated_instance_id()
    {
        var meta = await (await App.SchedulerAsync()).GetMetadata();
        meta.JobStorePersistent.ShouldBeTrue();
        meta.JobStoreClustered.ShouldBeTrue();
        meta.SchedulerInstanceId.ShouldNotBe(SchedulerStartup.NonClusteredInstanceId);
        (await (await App.SchedulerAsync()).QueryClusterNodes()).ShouldContain(n => n.IsCurrentNode);
    }
}

/// <summary>
/// Jobs through the real scheduler and its persistent job store: recurring triggers as declared, runs recorded, failed
/// attempts retried on the configured delays, exhausted ones raised as incidents and retried from the dashboard.
/// </summary>
public abstract partial class SchedulerTests<TFactory> : IClassFixture<TFactory> where TFactory : AppFactory, IScheduledApp
{
    protected readonly TFactory App;

    protected SchedulerTests(TFactory factory)
    {
        App = factory;
        factory.SkipUnlessAvailable();
    }

    JobControl Control => App.Services.GetRequiredService<JobControl>();
    static Actor System => Actor.System(1);

    [SkippableFact]
    public async Task Recurring_jobs_are_stored_durably_with_the_Beijing_time_zone_and_an_explicit_misfire_instruction()
    {
        var scheduler = await App.SchedulerAsync();
        var sweep = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey(JobCatalog.DeadlineSweep, JobCatalog.RecurringGroup)))!;
        sweep.TimeZone.Id.ShouldBe("Asia/Shanghai");
        sweep.CronExpressionString.ShouldBe("0 0 7 * * ?");
        sweep.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.FireAndProceed);
        // 07:00 Beijing time the morning after the clock's 09:00.
        sweep.NextFireTimeUtc.ShouldBe(TestClock.Beijing(App.Clock.Today.AddDays(1), 7));

        var cleanup = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey(JobCatalog.HistoryCleanup, JobCatalog.RecurringGroup)))!;
        cleanup.TimeZone.Id.ShouldBe("Asia/Shanghai");
        cleanup.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.DoNothing);

        foreach (var name in new[] { JobCatalog.DeadlineSweep, JobCatalog.DeadlinesRecompute, JobCatalog.HistoryCleanup })
        {
            var job = (await scheduler.GetJobDetail(new JobKey(name, JobCatalog.Group)))!;
            job.Durable.ShouldBeTrue(name);
            job.RequestsRecovery.ShouldBeTrue(name);
        }
    }

    [SkippableFact]
    public async Task A_job_run_now_is_recorded_with_its_node_attempt_and_outcome()
    {
        var before = (await App.RunsAsync(JobCatalog.DeadlineSweep)).Count;
        await Control.RunNowAsync(JobCatalog.DeadlineSweep, System, default);

        var run = (await App.FinishedRunsAsync(JobCatalog.DeadlineSweep, before + 1))[^1];
        run.Outcome.ShouldBe(JobRunOutcome.Succeeded);
        run.Origin.ShouldBe(JobRunOrigin.Manual);
        run.Attempt.ShouldBe(1);
        run.Node.ShouldBe((await App.SchedulerAsync()).SchedulerInstanceId);
        run.StartedAt.ShouldBe(App.Clock.GetUtcNow());
    }

    [SkippableFact]
    public async Task The_similar_candidates_job_keeps_the_candidates_of_a_new_case()
    {
        var c = await new CaseMaker(App).ReceiveAsync("clerk", "任一", i => i.Description = "申请公开真华路彩虹湾地块的国有土地使用权出让合同");
        var before = (await App.RunsAsync(JobCatalog.SimilarCandidates)).Count;
        await Control.RunNowAsync(JobCatalog.SimilarCandidates, System, default);

        (await App.FinishedRunsAsync(JobCatalog.SimilarCandidates, before + 1))[^1].Outcome.ShouldBe(JobRunOutcome.Succeeded);
        await using var db = App.Database.CreateContext(AgencyScope.All);
        (await db.SimilarCandidates.SingleAsync(s => s.CaseId == c.Id)).TextHash
            .ShouldBe(DisclosureCases.Similarity.SimilarCases.TextHash(c.Description));
    }

    [SkippableFact]
    public async Task A_job_failing_twice_then_succeeding_is_retried_after_the_configured_growing_delays()
    {
        App.Scripts.Set("test-flaky", "fail", "fail", "ok");
        var clock = App.Clock;
        var scheduler = await App.SchedulerAsync();
        var before = (await App.RunsAsync("test-flaky")).Count;
        await Control.RunNowAsync("test-flaky", System, default);

        var first = (await App.FinishedRunsAsync("test-flaky", before + 1))[before];
        first.Attempt.ShouldBe(1);
        first.Outcome.ShouldBe(JobRunOutcome.RetryScheduled);
        first.Error.ShouldBe("IOException: 模拟的暂时故障：上游服务无响应");
        first.RetryAt.ShouldBe(clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        var retry = (await scheduler.GetTrigger(new TriggerKey("retry-" + first.FireInstanceId, JobCatalog.RetryGroup)))!;
        retry.StartTimeUtc.ShouldBe(first.RetryAt!.Value);
        retry.JobDataMap.GetString(JobDataKeys.Attempt).ShouldBe("2");

        clock.Advance(TimeSpan.FromMinutes(10));
        var second = (await App.FinishedRunsAsync("test-flaky", before + 2))[before + 1];
        second.Attempt.ShouldBe(2);
        second.Origin.ShouldBe(JobRunOrigin.Retry);
        second.Outcome.ShouldBe(JobRunOutcome.RetryScheduled);
        second.StartedAt.ShouldBe(first.RetryAt.Value);
        second.RetryAt.ShouldBe(clock.GetUtcNow() + TimeSpan.FromMinutes(20));

        clock.Advance(TimeSpan.FromMinutes(20));
        var runs = (await App.FinishedRunsAsync("test-flaky", before + 3)).Skip(before).ToList();
        runs.Count.ShouldBe(3);
        runs[2].Attempt.ShouldBe(3);
        runs[2].Outcome.ShouldBe(JobRunOutcome.Succeeded);
        runs[2].StartedAt.ShouldBe(second.RetryAt!.Value);
        await using var db = App.Database.CreateContext(AgencyScope.All);
        var ids = runs.Select(r => r.Id).ToList();
        (await db.JobIncidents.CountAsync(i => ids.Contains(i.RunId))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task An_error_not_worth_retrying_fails_at_once_and_raises_an_incident()
    {
        App.Scripts.Set("test-flaky", "fail-hard");
        var before = (await App.RunsAsync("test-flaky")).Count;
        await Control.RunNowAsync("test-flaky", System, default);

        var run = (await App.FinishedRunsAsync("test-flaky", before + 1))[^1];
        run.Outcome.ShouldBe(JobRunOutcome.Failed);
        run.RetryAt.ShouldBeNull();
        await using var db = App.Database.CreateContext(AgencyScope.All);
        var incident = await db.JobIncidents.SingleAsync(i => i.RunId == run.Id);
        incident.Attempts.ShouldBe(1);
        incident.Error.ShouldContain("InvalidDataException");
        (await (await App.SchedulerAsync()).GetTriggersOfJob(new JobKey("test-flaky", JobCatalog.Group)))
            .ShouldNotContain(t => t.Key.Group == JobCatalog.RetryGroup && t.Key.Name == "retry-" + run.FireInstanceId);
    }

    [SkippableFact]
    public async Task The_dashboard_lists_a_failed_run_and_its_retry_runs_the_job_again_with_the_same_input()
    {
        App.Scripts.Set("test-fragile", "fail", "ok");
        var admin = await App.SignInAsync("admin");
        await Control.RunNowAsync("test-fragile", System, default);
        var failed = (await App.FinishedRunsAsync("test-fragile", 1))[0];
        // (This test is the only one running test-fragile.)
        failed.Outcome.ShouldBe(JobRunOutcome.Failed);

        var html = await admin.GetStringAsync("/Admin/Jobs");
        var row = IncidentRow().Match(html);
        row.Success.ShouldBeTrue("the dashboard should list the failed run among the failures");
        row.Value.ShouldContain("测试：不重试的任务");
        row.Value.ShouldContain("模拟的暂时故障：上游服务无响应");
        row.Value.ShouldContain("重试");
        var incidentId = row.Groups[1].Value;

        var response = await admin.PostFormAsync($"/Admin/Jobs?handler=Retry&incident={incidentId}", [], formPageUrl: "/Admin/Jobs");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = (await App.FinishedRunsAsync("test-fragile", 2))[1];
        again.Origin.ShouldBe(JobRunOrigin.ManualRetry);
        again.Outcome.ShouldBe(JobRunOutcome.Succeeded);
        again.RequestedBy.ShouldBe(await App.UserIdAsync("admin"));
        await using var db = App.Database.CreateContext(AgencyScope.All);
        var incident = await db.JobIncidents.SingleAsync(i => i.RunId == failed.Id);
        incident.ResolvedAt.ShouldNotBeNull();
        incident.ResolvedBy.ShouldBe("李文静");
        (await admin.GetStringAsync("/Admin/Jobs")).ShouldNotContain($"data-incident=\"{incidentId}\"");
    }

    [SkippableFact]
    public async Task The_dashboard_shows_each_job_with_its_next_fire_time_and_runs_pauses_and_resumes_it()
    {
        var admin = await App.SignInAsync("admin");
        var html = await admin.GetStringAsync("/Admin/Jobs");
        var row = JobRow(JobCatalog.DeadlineSweep).Match(html);
        row.Success.ShouldBeTrue();
        row.Value.ShouldContain("期限检查与提醒");
        row.Value.ShouldContain("0 0 7 * * ?");
        row.Value.ShouldContain("Asia/Shanghai");
        row.Value.ShouldContain("补执行一次");
        var scheduler = await App.SchedulerAsync();
        var sweep = new TriggerKey(JobCatalog.DeadlineSweep, JobCatalog.RecurringGroup);
        var next = (await scheduler.GetTrigger(sweep))!.NextFireTimeUtc!.Value;
        row.Value.ShouldContain(DisclosureCases.Pages.Admin.Jobs.IndexModel.Local(next));

        var before = (await App.RunsAsync(JobCatalog.DeadlineSweep)).Count;
        (await admin.PostFormAsync($"/Admin/Jobs?handler=RunNow&job={JobCatalog.DeadlineSweep}", [], formPageUrl: "/Admin/Jobs"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var run = (await App.FinishedRunsAsync(JobCatalog.DeadlineSweep, before + 1))[^1];
        run.Origin.ShouldBe(JobRunOrigin.Manual);
        run.RequestedBy.ShouldBe(await App.UserIdAsync("admin"));

        (await admin.PostFormAsync($"/Admin/Jobs?handler=Pause&job={JobCatalog.DeadlineSweep}", [], formPageUrl: "/Admin/Jobs"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await scheduler.GetTriggerState(sweep)).ShouldBe(TriggerState.Paused);
        var paused = JobRow(JobCatalog.DeadlineSweep).Match(await admin.GetStringAsync("/Admin/Jobs")).Value;
        paused.ShouldContain("已暂停");
        paused.ShouldContain("handler=Resume");

        (await admin.PostFormAsync($"/Admin/Jobs?handler=Resume&job={JobCatalog.DeadlineSweep}", [], formPageUrl: "/Admin/Jobs"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await scheduler.GetTriggerState(sweep)).ShouldBe(TriggerState.Normal);
        (await scheduler.GetTrigger(sweep))!.NextFireTimeUtc.ShouldBe(next);
    }

    [SkippableFact]
    public async Task The_dashboard_shows_a_job_while_it_runs()
    {
        App.Scripts.Set("test-slow", "hold");
        var admin = await App.SignInAsync("admin");
        await Control.RunNowAsync("test-slow", System, default);
        try
        {
            var running = await Eventually.Async(async () =>
            {
                var html = await admin.GetStringAsync("/Admin/Jobs");
                var table = RunningTable().Match(html);
                return table.Success && table.Value.Contains("测试：慢任务") ? table.Value : null;
            }, "the dashboard to list the held job as running");
            running.ShouldContain((await App.SchedulerAsync()).SchedulerInstanceId);
        }
        finally
        {
            App.Scripts.Release("test-slow");
        }
        (await App.FinishedRunsAsync("test-slow", 1))[0].Outcome.ShouldBe(JobRunOutcome.Succeeded);
        // The run is recorded as finished by a job listener, just before the scheduler lets go of the firing: the
        // dashboard may list it as running for that moment longer.
        await Eventually.Async(async () => !RunningTable().Match(await admin.GetStringAsync("/Admin/Jobs")).Value.Contains("测试：慢任务"),
            "the dashboard to stop listing the finished job as running");
    }

    static Regex JobRow(string job) => new($@"<tr data-job=""{Regex.Escape(job)}"">.*?</tr>", RegexOptions.Singleline);

    [GeneratedRegex(@"<table class=""list"" id=""running"">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex RunningTable();

    [GeneratedRegex(@"<tr data-incident=""(\d+)"">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex IncidentRow();
}
