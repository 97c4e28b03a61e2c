namespace DisclosureCases.Jobs;

/// <summary>
/// One execution of a job on one node, as the jobs dashboard lists it: written when the job starts and completed
/// when it ends by <see cref="JobRunListener"/>. Kept for <c>Quartz:HistoryRetentionDays</c>.
/// </summary>
public class JobRun
{
    public long Id { get; set; }
    /// <summary>Quartz's id of the firing; unique, so a listener notified twice writes one row.</summary>
    public string FireInstanceId { get; set; } = "";
    public string JobName { get; set; } = "";
    public string JobGroup { get; set; } = "";
    public string TriggerName { get; set; } = "";
    public string TriggerGroup { get; set; } = "";
    /// <summary>The scheduler instance (node) that ran it.</summary>
    public string Node { get; set; } = "";
    public JobRunOrigin Origin { get; set; }
    /// <summary>1 for the first attempt of an occurrence, n for its (n−1)-th retry.</summary>
    public int Attempt { get; set; } = 1;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public JobRunOutcome Outcome { get; set; }
    /// <summary>Exception type and message of a failed attempt (never the job's data).</summary>
    public string? Error { get; set; }
    /// <summary>When the next attempt is due, for <see cref="JobRunOutcome.RetryScheduled"/>.</summary>
    public DateTimeOffset? RetryAt { get; set; }
    /// <summary>The job data of the firing (ids only), so that a failed run can be retried with the same input.</summary>
    public string Data { get; set; } = "{}";
    /// <summary>The user who asked for a manual run or retry, if any.</summary>
    public string? RequestedBy { get; set; }
}

public enum JobRunOrigin
{
    /// <summary>Its recurring schedule, or a one-shot trigger the application scheduled.</summary>
    Scheduled,
    /// <summary>立即执行 on the dashboard.</summary>
    Manual,
    /// <summary>An automatic retry after a failed attempt.</summary>
    Retry,
    /// <summary>重试 on the dashboard, after the automatic retries were exhausted.</summary>
    ManualRetry,
    /// <summary>Re-run after the node that ran it stopped mid-execution (the job requests recovery).</summary>
    Recovery,
}

public enum JobRunOutcome
{
    Running,
    Succeeded,
    /// <summary>Failed; another attempt is scheduled for <see cref="JobRun.RetryAt"/>.</summary>
    RetryScheduled,
    /// <summary>Failed with no attempt left, or with an error not worth retrying: an incident was raised.</summary>
    Failed,
    /// <summary>A trigger listener vetoed it.</summary>
    Vetoed,
    /// <summary>The node stopped while it ran; if the job requested recovery it ran again as a new run.</summary>
    Interrupted,
}
