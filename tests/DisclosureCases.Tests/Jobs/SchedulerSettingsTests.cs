using DisclosureCases.Data;
using DisclosureCases.Jobs;
using DisclosureCases.Tests.Support;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace DisclosureCases.Tests.Jobs;

/// <summary>The Quartz section of the settings, and the jobs it schedules.</summary>
public class SchedulerSettingsTests
{
    static SchedulerSettings Read(DatabaseProvider provider, params (string Key, string Value)[] settings) =>
        SchedulerSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), provider);

    [Fact]
    public void SQLite_runs_one_node_and_PostgreSQL_a_cluster_by_default()
    {
        Read(DatabaseProvider.Sqlite).Clustered.ShouldBeFalse();
        Read(DatabaseProvider.PostgreSQL).Clustered.ShouldBeTrue();
        Read(DatabaseProvider.PostgreSQL, ("Quartz:Clustered", "false")).Clustered.ShouldBeFalse();
    }

    [Fact]
    public void A_clustered_scheduler_on_SQLite_is_refused_with_a_message_naming_the_setting_and_the_way_out()
    {
        var e = Should.Throw<InvalidOperationException>(() => Read(DatabaseProvider.Sqlite, ("Quartz:Clustered", "true")));
        e.Message.ShouldContain("Quartz:Clustered=true 不能与 SQLite 一起使用");
        e.Message.ShouldContain("Database:Provider=PostgreSQL");
    }

    [Fact]
    public void The_application_refuses_to_start_clustered_on_SQLite()
    {
        using var factory = new ClusteredSqliteFactory();
        var e = Should.Throw<InvalidOperationException>(() => factory.CreateClient());
        e.Message.ShouldContain("Quartz:Clustered=true 不能与 SQLite 一起使用");
    }

    sealed class ClusteredSqliteFactory : SqliteAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Quartz:Enabled", "true");
            builder.UseSetting("Quartz:Clustered", "true");
        }
    }

    [Fact]
    public void A_bad_cron_expression_or_number_names_its_setting()
    {
        Should.Throw<InvalidOperationException>(() => Read(DatabaseProvider.Sqlite, ("Quartz:DeadlineSweepCron", "every morning")))
            .Message.ShouldContain("Quartz:DeadlineSweepCron 不是有效的 Quartz cron 表达式");
        Should.Throw<InvalidOperationException>(() => Read(DatabaseProvider.Sqlite, ("Quartz:HistoryRetentionDays", "0")))
            .Message.ShouldContain("Quartz:HistoryRetentionDays 应为 1 到 3650 之间的整数");
    }

    [Fact]
    public void Every_recurring_job_declares_the_Beijing_time_zone_and_an_explicit_misfire_instruction()
    {
        var recurring = JobCatalog.Standard(Read(DatabaseProvider.Sqlite)).Where(d => d.Schedule is not null).ToList();
        recurring.Count.ShouldBe(4);
        recurring.ShouldAllBe(d => d.Schedule!.TimeZone.Id == "Asia/Shanghai");
        recurring.ShouldAllBe(d => d.Schedule!.Misfire != CronTriggerMisfireInstruction.SmartPolicy);
        recurring.ShouldAllBe(d => d.Schedule!.MisfireText.Length > 0);
    }

    [Fact]
    public void Every_job_has_a_Chinese_title_and_a_retry_policy()
    {
        var jobs = JobCatalog.Standard(Read(DatabaseProvider.Sqlite)).ToList();
        jobs.Select(d => d.Name).ShouldBe([JobCatalog.DeadlineSweep, JobCatalog.DeadlinesRecompute, JobCatalog.HistoryCleanup, JobCatalog.ProactiveSuggestions,
            JobCatalog.SimilarCandidates]);
        jobs.ShouldAllBe(d => d.Title.Length > 0 && d.Retry.MaxAttempts >= 1 && typeof(IJob).IsAssignableFrom(d.JobType));
    }
}
