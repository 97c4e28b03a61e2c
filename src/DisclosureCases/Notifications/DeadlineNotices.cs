using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Periods;
using static DisclosureCases.Domain.Calendar.ChineseDates;

namespace DisclosureCases.Notifications;

/// <summary>The wording and link of each notification about a case's deadline, in Chinese.</summary>
public static class DeadlineNotices
{
    /// <summary>How a case is named in a notification: its 文号, or its date of receipt before it has one.</summary>
    public static string CaseLabel(Case c) => c.CaseNumber ?? $"{Iso(c.ReceivedOn)}收到的申请（未登记）";

    /// <summary>The case page; with <paramref name="action"/>, that action's form is opened.</summary>
    public static string Link(int caseId, string? action = null) =>
        action is null ? $"/Cases/{caseId}#deadlines" : $"/Cases/{caseId}?act={action}#actions";

    /// <summary>
    /// A reminder for a running deadline at <paramref name="threshold"/>. When the applicant's 补正期限 has run out
    /// this is the clerk's task to close the case as 其他处理 1 (条例第30条); when the consulted party's period has, the
    /// task to record the result and decide (第32、34条).
    /// </summary>
    public static Notification For(Case c, CaseDeadline d, ReminderThreshold threshold, string recipientId, DateOnly today,
        PeriodCalculator calc, DateTimeOffset now)
    {
        var due = d.Due!.Value;
        var label = CaseLabel(c);
        var n = new Notification
        {
            AgencyId = c.AgencyId,
            RecipientId = recipientId,
            CaseId = c.Id,
            DeadlineKey = d.Key,
            DueDate = due,
            CreatedAt = now,
            Link = Link(c.Id),
        };
        switch (threshold)
        {
            case ReminderThreshold.DueSoon:
                var left = calc.WorkingDaysBetween(today, due);
                n.Threshold = NotificationThreshold.DueSoon;
                n.Kind = NotificationKind.Reminder;
                n.Title = $"{d.Title}将至";
                n.Message = $"{label}的{d.Title}将于{Iso(due)}届满，剩余{left}个工作日。";
                break;
            case ReminderThreshold.DueToday:
                n.Threshold = NotificationThreshold.DueToday;
                n.Kind = NotificationKind.Warning;
                n.Title = $"{d.Title}今日届满";
                n.Message = $"{label}的{d.Title}今日（{Iso(due)}）届满。";
                break;
            case ReminderThreshold.Overdue when d.Key == DeadlineKeys.CorrectionAnswer:
                n.Threshold = NotificationThreshold.CorrectionExpired;
                n.Kind = NotificationKind.Task;
                n.Title = "待办：逾期未补正";
                n.Message = $"{label}的补正期限已于{Iso(due)}届满，未收到补正。申请人无正当理由逾期不补正的，视为放弃申请" +
                            "（《政府信息公开条例》第三十条）：请在案件页按“逾期未补正，不再处理”办结（其他处理 1）；如已收到补正，请登记收到补正。";
                n.Link = Link(c.Id, "close-no-correction");
                break;
            case ReminderThreshold.Overdue when d.Key == DeadlineKeys.ConsultationAnswer:
                n.Threshold = NotificationThreshold.ConsultationExpired;
                n.Kind = NotificationKind.Task;
                n.Title = "待办：征求意见期限届满";
                n.Message = $"{label}的征求意见答复期限已于{Iso(due)}届满。请登记征求意见结果并决定是否公开：第三方逾期未提出意见的，" +
                            "由本机关依照条例规定决定是否公开（第三十二条）；其他机关逾期未提出意见的，视为同意公开（第三十四条）。";
                n.Link = Link(c.Id, "end-consultation");
                break;
            default:
                var overdue = calc.WorkingDaysBetween(due, today);
                n.Threshold = NotificationThreshold.Overdue;
                n.Kind = NotificationKind.Warning;
                n.Title = $"{d.Title}已超期";
                n.Message = overdue > 0
                    ? $"{label}的{d.Title}已于{Iso(due)}届满，现已超期{overdue}个工作日。"
                    : $"{label}的{d.Title}已于{Iso(due)}届满。";
                break;
        }
        return n;
    }

    /// <summary>A calendar change moved <paramref name="title"/> from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static Notification Moved(Case c, string key, string title, DateOnly? before, DateOnly after, string recipientId, DateTimeOffset now) => new()
    {
        AgencyId = c.AgencyId,
        RecipientId = recipientId,
        CaseId = c.Id,
        DeadlineKey = key,
        Threshold = NotificationThreshold.DeadlineMoved,
        DueDate = after,
        Kind = NotificationKind.Notice,
        Title = $"{title}已调整",
        Message = $"因法定节假日安排调整，{CaseLabel(c)}的{title}由{(before is { } b ? Iso(b) : "（无）")}调整为{Iso(after)}。",
        Link = Link(c.Id),
        CreatedAt = now,
    };
}
