namespace DisclosureCases.Notifications;

/// <summary>
/// One message to one user about one case: a deadline reminder, a task (补正期满、征求意见期满) or a notice that a
/// deadline moved. Written by background jobs, at most once per (recipient, case, deadline, threshold, due date) — a
/// unique index makes a second sweep of the same day, or a job run twice after a crash, add nothing.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The user it is for (<c>AspNetUsers.Id</c>).</summary>
    public string RecipientId { get; set; } = "";
    public int CaseId { get; set; }
    /// <summary>The deadline it is about (<c>DeadlineKeys</c>).</summary>
    public string DeadlineKey { get; set; } = "";
    public NotificationThreshold Threshold { get; set; }
    /// <summary>The due date it was written for: a deadline that moves gets fresh reminders for its new date.</summary>
    public DateOnly DueDate { get; set; }
    public NotificationKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    /// <summary>Where the recipient acts on it, a path inside the application (<c>/Cases/12?act=…#actions</c>).</summary>
    public string Link { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>Why a notification was written; part of its identity.</summary>
public enum NotificationThreshold
{
    /// <summary>3 working days or fewer before the due date.</summary>
    DueSoon,
    /// <summary>On the due date.</summary>
    DueToday,
    /// <summary>After the due date.</summary>
    Overdue,
    /// <summary>The applicant's 补正期限 ran out without a correction (条例第30条): close as 其他处理 1.</summary>
    CorrectionExpired,
    /// <summary>The consulted party's 15 working days ran out (条例第32、34条): record the result and decide.</summary>
    ConsultationExpired,
    /// <summary>A calendar change moved the due date.</summary>
    DeadlineMoved,
}

/// <summary>How the bell and the list show it.</summary>
public enum NotificationKind
{
    Reminder,
    Warning,
    Task,
    Notice,
}
