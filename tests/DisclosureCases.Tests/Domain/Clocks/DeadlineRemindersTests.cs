using DisclosureCases.Domain.Clocks;
using static DisclosureCases.Domain.Clocks.ReminderThreshold;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Clocks;

/// <summary>When a deadline is brought to its handler's attention, on the real 2026 calendar.</summary>
public class DeadlineRemindersTests
{
    static CaseDeadline Running(string due, string key = DeadlineKeys.Reply) =>
        new(key, "答复期限", D(due), ClockStatus.Running, false, null, 0);

    static ReminderThreshold? On(CaseDeadline d, string today) => DeadlineReminders.On(d, D(today), RealCalculator);

    [Fact]
    public void Four_working_days_before_there_is_no_reminder_yet() =>
        On(Running("2026-11-27"), "2026-11-23").ShouldBeNull();

    [Fact]
    public void Three_working_days_before_the_handler_is_reminded() =>
        On(Running("2026-11-26"), "2026-11-23").ShouldBe(DueSoon);

    [Fact]
    public void The_weekend_before_a_Monday_due_date_has_one_working_day_left() =>
        On(Running("2026-11-30"), "2026-11-28").ShouldBe(DueSoon);

    [Fact]
    public void A_holiday_week_does_not_count_towards_the_three_days()
    {
        // 国庆节 2026-10-01…07: on 2026-09-30 a deadline of 2026-10-10 (a Saturday made a working day) is 3 working days
        // away (10-08, 10-09, 10-10), one of 2026-10-12 is 4.
        On(Running("2026-10-10"), "2026-09-30").ShouldBe(DueSoon);
        On(Running("2026-10-12"), "2026-09-30").ShouldBeNull();
    }

    [Fact]
    public void On_the_due_date_it_is_due_today() =>
        On(Running("2026-11-23"), "2026-11-23").ShouldBe(DueToday);

    [Fact]
    public void The_day_after_it_is_overdue() =>
        On(Running("2026-11-23"), "2026-11-24").ShouldBe(Overdue);

    [Fact]
    public void A_missed_reminder_day_is_caught_up_by_the_next_sweep() =>
        On(Running("2026-11-25"), "2026-11-24").ShouldBe(DueSoon);

    [Fact]
    public void A_paused_stopped_or_met_deadline_has_no_reminder()
    {
        On(Running("2026-11-23") with { Status = ClockStatus.Paused }, "2026-11-24").ShouldBeNull();
        On(Running("2026-11-23") with { Status = ClockStatus.Stopped }, "2026-11-24").ShouldBeNull();
        On(Running("2026-11-23") with { Status = ClockStatus.Met, MetOn = D("2026-11-20") }, "2026-11-24").ShouldBeNull();
        On(Running("2026-11-23") with { Due = null }, "2026-11-24").ShouldBeNull();
    }

    [Fact]
    public void The_correction_notice_period_is_reminded_of_but_never_overdue()
    {
        On(Running("2026-11-25", DeadlineKeys.CorrectionNotice), "2026-11-23").ShouldBe(DueSoon);
        On(Running("2026-11-25", DeadlineKeys.CorrectionNotice), "2026-11-25").ShouldBe(DueToday);
        On(Running("2026-11-25", DeadlineKeys.CorrectionNotice), "2026-11-26").ShouldBeNull();
    }

    [Fact]
    public void Only_an_overdue_reply_is_the_agencys_own_delay()
    {
        DeadlineReminders.IsAgencys(DeadlineKeys.Reply).ShouldBeTrue();
        DeadlineReminders.IsAgencys(DeadlineKeys.CorrectionAnswer).ShouldBeFalse();
        DeadlineReminders.IsAgencys(DeadlineKeys.ConsultationAnswer).ShouldBeFalse();
    }
}
