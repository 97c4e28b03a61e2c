namespace DisclosureCases.Domain.Clocks;

/// <summary>How a deadline stands on a given day, as shown next to it.</summary>
/// <param name="WorkingDaysLeft">Working days after today up to the due date (0 on the due date); for a paused clock,
/// the working days left when it resumes; null when overdue, stopped or met.</param>
/// <param name="WorkingDaysOverdue">Working days after the due date up to today (or up to the day it was met late);
/// null when not overdue.</param>
/// <param name="Text">剩余N个工作日 / 今日到期 / 已超期N个工作日 / 暂停计时… / 停止计时 / 已按期完成 …</param>
public sealed record DeadlineStanding(int? WorkingDaysLeft, int? WorkingDaysOverdue, string Text);
