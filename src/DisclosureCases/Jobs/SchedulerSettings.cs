using System.Globalization;
using DisclosureCases.Data;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// The scheduler's settings, section <c>Quartz</c> (env <c>Quartz__Enabled</c> …). SQLite runs one node only
/// (docs/decisions/0002); PostgreSQL runs clustered by default, every node with its own generated instance id.
/// </summary>
public sealed class SchedulerSettings
{
    /// <summary><c>Quartz:Enabled</c>: start the scheduler with the application (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>Quartz:Clustered</c>: several nodes share the job store (default: true on PostgreSQL, false on SQLite;
    /// refused on SQLite).</summary>
    public bool Clustered { get; init; }

    /// <summary><c>Quartz:InstanceName</c>: the scheduler's name, the partition of the qrtz_ tables (<c>SCHED_NAME</c>).
    /// Every node of one installation uses the same.</summary>
    public string InstanceName { get; init; } = "DisclosureCases";

    /// <summary><c>Quartz:MaxConcurrency</c>: jobs run at the same time on one node (default 2).</summary>
    public int MaxConcurrency { get; init; } = 2;

    /// <summary><c>Quartz:IdleWaitSeconds</c>: how long an idle scheduler waits before looking for due triggers again.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Quartz:MisfireThresholdSeconds</c>: how late a trigger may fire before it counts as misfired and its
    /// misfire instruction decides (default 60).</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>Quartz:ClusterCheckinSeconds</c>: how often a clustered node reports in; a node silent for longer is
    /// taken as dead and its recoverable jobs re-run elsewhere (default 15).</summary>
    public TimeSpan ClusterCheckin { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>Quartz:DeadlineSweepCron</c>: when the daily deadline sweep runs, Beijing time (default 07:00).</summary>
    public string DeadlineSweepCron { get; init; } = "0 0 7 * * ?";

    /// <summary><c>Quartz:HistoryCleanupCron</c>: when the run history is trimmed, Beijing time (default 03:30).</summary>
    public string HistoryCleanupCron { get; init; } = "0 30 3 * * ?";

    /// <summary><c>Quartz:ProactiveSuggestionsCron</c>: when the 依申请转主动公开 suggestions are recomputed, Beijing time (default 02:00).</summary>
    public string ProactiveSuggestionsCron { get; init; } = "0 0 2 * * ?";

    /// <summary><c>Quartz:SimilarCandidatesCron</c>: when new and edited cases get their similar-case candidates kept
    /// (default every 5 minutes).</summary>
    public string SimilarCandidatesCron { get; init; } = "0 0/5 * * * ?";

    /// <summary><c>Quartz:HistoryRetentionDays</c>: how long finished runs are kept (default 90).</summary>
    public int HistoryRetentionDays { get; init; } = 90;

    /// <summary>
    /// Reads the <c>Quartz</c> section for the given database.
    /// </summary>
    /// <exception cref="InvalidOperationException">A clustered scheduler on SQLite, a cron expression that does not parse,
    /// or a number out of range; the message names the setting.</exception>
    public static SchedulerSettings From(IConfiguration configuration, DatabaseProvider provider)
    {
        var section = configuration.GetSection("Quartz");
        var clustered = Bool(section, "Clustered", provider == DatabaseProvider.PostgreSQL);
        if (clustered && provider == DatabaseProvider.Sqlite)
            throw new InvalidOperationException(
                "Quartz:Clustered=true 不能与 SQLite 一起使用：SQLite 数据库只能由一个节点使用（见 docs/decisions/0002-sqlite-one-node-postgresql-several.md）。" +
                "请设 Quartz:Clustered=false 单节点运行，或改用 PostgreSQL（Database:Provider=PostgreSQL）以多节点集群运行。" +
                " (Quartz:Clustered=true is refused on SQLite: SQLite serves one node only.)");
        var settings = new SchedulerSettings
        {
            Enabled = Bool(section, "Enabled", true),
            Clustered = clustered,
            InstanceName = section["InstanceName"] is { Length: > 0 } name ? name : "DisclosureCases",
            MaxConcurrency = Int(section, "MaxConcurrency", 2, 1, 50),
            IdleWait = TimeSpan.FromSeconds(Int(section, "IdleWaitSeconds", 30, 1, 3600)),
            MisfireThreshold = TimeSpan.FromSeconds(Int(section, "MisfireThresholdSeconds", 60, 1, 86400)),
            ClusterCheckin = TimeSpan.FromSeconds(Int(section, "ClusterCheckinSeconds", 15, 1, 3600)),
            DeadlineSweepCron = Cron(section, "DeadlineSweepCron", "0 0 7 * * ?"),
            HistoryCleanupCron = Cron(section, "HistoryCleanupCron", "0 30 3 * * ?"),
            ProactiveSuggestionsCron = Cron(section, "ProactiveSuggestionsCron", "0 0 2 * * ?"),
            SimilarCandidatesCron = Cron(section, "SimilarCandidatesCron", "0 0/5 * * * ?"),
            HistoryRetentionDays = Int(section, "HistoryRetentionDays", 90, 1, 3650),
        };
        return settings;
    }

    static bool Bool(IConfigurationSection section, string key, bool fallback) =>
        section[key] is { Length: > 0 } text
            ? bool.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Quartz:{key} 应为 true 或 false，而不是“{text}”。")
            : fallback;

    static int Int(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        if (section[key] is not { Length: > 0 } text) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new InvalidOperationException($"Quartz:{key} 应为 {min} 到 {max} 之间的整数，而不是“{text}”。");
        return value;
    }

    static string Cron(IConfigurationSection section, string key, string fallback)
    {
        var text = section[key] is { Length: > 0 } t ? t : fallback;
        if (!CronExpression.TryParse(text, out _))
            throw new InvalidOperationException($"Quartz:{key} 不是有效的 Quartz cron 表达式（秒 分 时 日 月 周）：“{text}”。");
        return text;
    }
}
