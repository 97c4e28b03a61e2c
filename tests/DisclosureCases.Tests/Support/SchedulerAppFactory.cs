using System.Collections.Concurrent;
using DisclosureCases.Data;
using DisclosureCases.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// The application with its scheduler running (Quartz:Enabled=true) on a <see cref="TestClock"/>, with a one-second
/// idle wait so that a trigger made due by moving the clock fires within a second, and the test jobs of
/// <see cref="SchedulerTesting.TestJobs"/>. The host shuts the scheduler down (waiting for running jobs) when the factory is
/// disposed.
/// </summary>
public class SchedulerAppFactory : AppFactory, IScheduledApp
{
    readonly string _instanceName;
    readonly string? _root;

    public SchedulerAppFactory() : this(SchedulerTesting.DefaultClock())
    {
    }

    /// <param name="clock">The application's and the scheduler's clock.</param>
    /// <param name="directory">The data folder; another factory started on the same folder (and instance name) is a restart.</param>
    /// <param name="keepDirectory">Keep the folder when this factory is disposed.</param>
    /// <param name="root">The folder holding workflows/ and templates/ (default: the checkout).</param>
    /// <param name="instanceName">The scheduler's name; unique per factory unless given.</param>
    public SchedulerAppFactory(TestClock clock, string? directory = null, bool keepDirectory = false, string? root = null, string? instanceName = null)
        : base(directory ?? NewDirectory(), keepDirectory)
    {
        Clock = clock;
        _root = root;
        _instanceName = instanceName ?? "test-" + Guid.NewGuid().ToString("N")[..12];
    }

    public TestClock Clock { get; }
    public JobScripts Scripts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_root is not null) builder.UseSetting("Paths:Root", _root);
        SchedulerTesting.Configure(builder, Clock, Scripts, _instanceName);
    }

}

/// <summary>An application under test whose scheduler runs on a test clock with scripted test jobs.</summary>
public interface IScheduledApp
{
    TestClock Clock { get; }
    JobScripts Scripts { get; }
}

/// <summary>The same settings for a factory on another database (<see cref="PostgresSchedulerAppFactory"/>).</summary>
public static class SchedulerTesting
{
    /// <summary>A Monday morning, so that working-day arithmetic in scheduler tests is plain.</summary>
    public static TestClock DefaultClock() => TestClock.AtBeijing(new DateOnly(2026, 11, 23), 9);

    /// <summary>Test job definitions: each runs <see cref="ScriptedJob"/>, which does what its script says.</summary>
    public static readonly IReadOnlyList<JobDefinition> TestJobs =
    [
        // Fails twice, then succeeds: retried 10 and 20 minutes after each failure, no jitter.
        new("test-flaky", typeof(ScriptedJob), "测试：不稳定任务", "测试用",
            new JobRetryPolicy(3, TimeSpan.FromMinutes(10), 2, TimeSpan.FromHours(1), 0, [typeof(InvalidDataException)])),
        // One attempt only: any failure is an incident at once.
        new("test-fragile", typeof(ScriptedJob), "测试：不重试的任务", "测试用", JobRetryPolicy.Never),
        // Holds until the test releases it, to be seen running.
        new("test-slow", typeof(ScriptedJob), "测试：慢任务", "测试用", JobRetryPolicy.Never),
    ];

    public static void Configure(IWebHostBuilder builder, TestClock clock, JobScripts scripts, string instanceName)
    {
        builder.UseSetting("Quartz:Enabled", "true");
        builder.UseSetting("Quartz:IdleWaitSeconds", "1");
        builder.UseSetting("Quartz:InstanceName", instanceName);
        builder.UseSetting("Quartz:ClusterCheckinSeconds", "2");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(scripts);
            foreach (var d in TestJobs)
                services.AddSingleton(d);
        });
    }

    public static async Task<IScheduler> SchedulerAsync(this AppFactory factory) =>
        await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>The runs of a job, oldest first.</summary>
    public static async Task<List<JobRun>> RunsAsync(this AppFactory factory, string jobName)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Waits until the job has <paramref name="count"/> finished runs and returns all its runs.</summary>
    public static Task<List<JobRun>> FinishedRunsAsync(this AppFactory factory, string jobName, int count) =>
        Eventually.Async(async () =>
        {
            var runs = await factory.RunsAsync(jobName);
            return runs.Count(r => r.EndedAt is not null) >= count ? runs : null;
        }, $"{count} finished run(s) of {jobName}");
}

/// <summary>
/// What each test job does on its next runs: "fail", "fail-hard" (not worth retrying), "hold" (until
/// <see cref="Release"/>) or "ok", in order; "ok" once used up.
/// </summary>
public sealed class JobScripts
{
    readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _scripts = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();

    public void Set(string jobName, params string[] steps) => _scripts[jobName] = new ConcurrentQueue<string>(steps);

    public string Next(string jobName) => _scripts.TryGetValue(jobName, out var q) && q.TryDequeue(out var step) ? step : "ok";

    public Task HoldAsync(string jobName, CancellationToken ct) =>
        _holds.GetOrAdd(jobName, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(ct);

    /// <summary>Lets a held run of the job finish (and any later one not wait).</summary>
    public void Release(string jobName) =>
        _holds.GetOrAdd(jobName, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

public sealed class ScriptedJob(JobScripts scripts) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        switch (scripts.Next(context.JobDetail.Key.Name))
        {
            case "fail": throw new IOException("模拟的暂时故障：上游服务无响应");
            case "fail-hard": throw new InvalidDataException("模拟的数据错误：重试无济于事");
            case "hold": await scripts.HoldAsync(context.JobDetail.Key.Name, cancellationToken); break;
        }
    }
}

/// <summary><see cref="SchedulerAppFactory"/> on PostgreSQL: clustered, with a generated instance id.</summary>
public class PostgresSchedulerAppFactory : PostgresAppFactory, IScheduledApp
{
    public TestClock Clock { get; } = SchedulerTesting.DefaultClock();
    public JobScripts Scripts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SchedulerTesting.Configure(builder, Clock, Scripts, "test-" + Guid.NewGuid().ToString("N")[..12]);
    }
}
