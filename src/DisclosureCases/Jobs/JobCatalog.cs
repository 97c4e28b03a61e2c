using DisclosureCases.Cases;
using DisclosureCases.Domain.Calendar;
using DisclosureCases.Domain.Cases;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// A recurring schedule: a cron expression read in <see cref="TimeZone"/> and what to do about occurrences missed
/// while no node was running (<see cref="Misfire"/>, said in <see cref="MisfireText"/>).
/// </summary>
public sealed record RecurringSchedule(string Cron, TimeZoneInfo TimeZone, CronTriggerMisfireInstruction Misfire, string MisfireText);

/// <summary>
/// A job type the application runs: its key, its class, what it is called on the dashboard, its retry policy and,
/// for a recurring job, its schedule. Every job is stored durably and requests recovery, and its data holds ids only.
/// </summary>
public sealed record JobDefinition(string Name, Type JobType, string Title, string Description, JobRetryPolicy Retry,
    RecurringSchedule? Schedule = null)
{
    public JobKey Key => new(Name, JobCatalog.Group);

    /// <summary>The trigger of a recurring job.</summary>
    public TriggerKey RecurringTrigger => new(Name, JobCatalog.RecurringGroup);
}

/// <summary>The job definitions registered in the container: the application's (<see cref="Standard"/>) and any a test adds.</summary>
public sealed class JobCatalog(IEnumerable<JobDefinition> definitions)
{
    /// <summary>The group of every job; the groups of triggers say how they came to be.</summary>
    public const string Group = "disclosure";
    public const string RecurringGroup = "recurring";
    public const string RetryGroup = "retries";
    public const string ManualGroup = "manual";
    public const string OnceGroup = "once";

    public const string DeadlineSweep = "deadline-sweep";
    public const string DeadlinesRecompute = "deadlines-recompute";
    public const string HistoryCleanup = "job-history-cleanup";
    public const string ProactiveSuggestions = "proactive-suggestions";
    public const string SimilarCandidates = "similar-candidates";

    readonly Dictionary<string, JobDefinition> _byName = definitions.ToDictionary(d => d.Name);

    public IReadOnlyCollection<JobDefinition> All => _byName.Values;

    public JobDefinition? Find(JobKey key) => key.Group == Group ? _byName.GetValueOrDefault(key.Name) : null;

    public JobDefinition Get(string name) => _byName.TryGetValue(name, out var d) ? d : throw new KeyNotFoundException($"No job named '{name}'.");

    /// <summary>The policy of the job, or <see cref="JobRetryPolicy.Never"/> for one the catalog does not know.</summary>
    public JobRetryPolicy PolicyFor(JobKey key) => Find(key)?.Retry ?? JobRetryPolicy.Never;

    /// <summary>The application's jobs with their schedules, policies and misfire instructions.</summary>
    public static IEnumerable<JobDefinition> Standard(SchedulerSettings settings)
    {
        yield return new JobDefinition(DeadlineSweep, typeof(DeadlineSweepJob), "期限检查与提醒",
            "检查所有未归档案件当前状态关注的期限：届满前3个工作日、届满当日、超期时提醒承办人，超期的本机关期限同时提醒负责人；补正期限、征求意见期限届满时生成待办。同一提醒只发一次。",
            new JobRetryPolicy(4, TimeSpan.FromMinutes(1), 5, TimeSpan.FromHours(1), 0.2, [typeof(SweepIncompleteException)])
            {
                NotWorthRetryingText = "案件的期限事件有误、无法计算",
            },
            // After downtime the missed mornings are caught up by one sweep, not one per missed day: the sweep looks at
            // today's standing of every deadline, so once is complete.
            new RecurringSchedule(settings.DeadlineSweepCron, ShanghaiTime.Zone, CronTriggerMisfireInstruction.FireAndProceed,
                "停机期间错过的执行在恢复后立即补执行一次，之后按计划执行"));
        yield return new JobDefinition(DeadlinesRecompute, typeof(DeadlinesRecomputeJob), "节假日安排变更后重算期限",
            "节假日安排变更后，按新旧两版日历重算每件未归档案件的期限；到期日有变化的案件记入全程记录（变更前后日期）并通知承办人。",
            new JobRetryPolicy(5, TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(30), 0.2, [typeof(JobInputException), typeof(CalendarDataException)])
            {
                NotWorthRetryingText = "变更记录不存在、节假日数据有误",
            });
        yield return new JobDefinition(HistoryCleanup, typeof(JobHistoryCleanupJob), "清理运行记录",
            $"删除{settings.HistoryRetentionDays}天前结束的任务运行记录（未处理的失败记录保留）。",
            new JobRetryPolicy(3, TimeSpan.FromMinutes(10), 2, TimeSpan.FromHours(1), 0.2, []),
            // Trimming can wait for its next night.
            new RecurringSchedule(settings.HistoryCleanupCron, ShanghaiTime.Zone, CronTriggerMisfireInstruction.DoNothing,
                "停机期间错过的执行不补，等下一次计划时间"));
        yield return new JobDefinition(ProactiveSuggestions, typeof(ProactiveSuggestionsJob), "依申请转主动公开建议",
            "按各机关予以公开、部分公开的申请重新计算依申请转主动公开建议（条例第44条）：申请内容相同或相近、申请人达到设定人数的列入建议，已处理的不再重复提出。",
            new JobRetryPolicy(3, TimeSpan.FromMinutes(5), 2, TimeSpan.FromHours(1), 0.2, []),
            // Suggestions wait for a reviewer anyway; the page can recompute at once.
            new RecurringSchedule(settings.ProactiveSuggestionsCron, ShanghaiTime.Zone, CronTriggerMisfireInstruction.DoNothing,
                "停机期间错过的执行不补，等下一次计划时间（页面上可立即重新计算）"));
        yield return new JobDefinition(SimilarCandidates, typeof(SimilarCandidatesJob), "相似申请候选",
            $"为新登记和修改了申请内容的案件计算并保存相似申请候选（每次每个机关至多 {SimilarCandidatesJob.Batch} 件，最新的先算），案件页面的“相似申请与典型案例”据此列出，不必每次检索全部案件；尚无候选的案件仍当场检索。案件页面发现其候选已落后于其后登记的 {Similarity.SimilarCandidatesFill.RefreshBehind} 件以上时，下次运行补入其后登记的相似申请。",
            new JobRetryPolicy(3, TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30), 0.2, []),
            // The next run picks up whatever this one missed.
            new RecurringSchedule(settings.SimilarCandidatesCron, ShanghaiTime.Zone, CronTriggerMisfireInstruction.DoNothing,
                "停机期间错过的执行不补，下一次执行时一并计算"));
    }
}

/// <summary>The keys of job data. Values are strings (the store keeps job data as strings) and name things by id only.</summary>
public static class JobDataKeys
{
    /// <summary>1-based attempt of the occurrence; absent means 1.</summary>
    public const string Attempt = "attempt";
    /// <summary>The <see cref="JobRun"/> whose failure this attempt retries.</summary>
    public const string RetryOf = "retryOf";
    /// <summary>A <see cref="JobRunOrigin"/> name; absent means <see cref="JobRunOrigin.Scheduled"/>.</summary>
    public const string Origin = "origin";
    /// <summary>The user id of whoever asked for a manual run or retry.</summary>
    public const string RequestedBy = "requestedBy";
    /// <summary>For <c>deadlines-recompute</c>: the <see cref="CalendarChange"/> id.</summary>
    public const string CalendarChange = "calendarChange";

    /// <summary>Keys that describe the firing rather than the job's input; not carried over to a retry.</summary>
    public static readonly IReadOnlySet<string> Bookkeeping = new HashSet<string> { Attempt, RetryOf, Origin, RequestedBy };
}
