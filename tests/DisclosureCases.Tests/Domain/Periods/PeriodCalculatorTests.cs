using DisclosureCases.Domain.Calendar;
using DisclosureCases.Domain.Periods;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Periods;

/// <summary>Due dates on the real calendar, one fact per rule of DOMAIN.md §4, with real dates.</summary>
public class PeriodCalculatorTests
{
    static PeriodCalculator Calc => RealCalculator;
    static DueDate Due(string start, string period, StatutoryPeriod? statute = null) =>
        Calc.Due(D(start), Period.Parse(period), (statute ?? Statutes.Reply).Basis);

    [Fact]
    public void A_reply_to_an_application_received_on_2_November_2026_is_due_on_30_November()
    {
        var due = Calc.Due(D("2026-11-02"), Statutes.Reply);
        due.Date.ShouldBe(D("2026-11-30"));
        due.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void The_explanation_states_start_rule_skipped_weekends_and_due_date()
    {
        Calc.Due(D("2026-11-02"), Statutes.Reply).Explanation.Lines.ShouldBe([
            "起算日：2026-11-02（当日不计入）",
            "规则：答复期限 20个工作日（《政府信息公开条例》第三十三条第二款）",
            "跳过：2026-11-07 周六、2026-11-08 周日、2026-11-14 周六、2026-11-15 周日、2026-11-21 周六、2026-11-22 周日、2026-11-28 周六、2026-11-29 周日",
            "到期日：2026-11-30",
        ]);
    }

    [Fact]
    public void Receipt_on_the_eve_of_National_Day_skips_the_holiday_and_counts_the_working_Saturday()
    {
        var due = Calc.Due(D("2026-09-30"), Statutes.Reply);
        due.Date.ShouldBe(D("2026-11-03"));
        due.Explanation.Skipped.Count(d => d.Reason == "国庆节").ShouldBe(7);
        due.Explanation.AdjustedWorkdaysCounted.Select(e => e.Date).ShouldBe([D("2026-10-10")]);
        due.Explanation.Lines.ShouldContain(l => l.StartsWith("跳过：2026-10-01至2026-10-07 国庆节（7天）、2026-10-11 周日"));
        due.Explanation.Lines.ShouldContain("调休上班（计入）：2026-10-10 周六（国庆节）");
    }

    [Fact]
    public void The_working_Saturday_before_the_2026_Spring_Festival_is_the_next_working_day_after_Friday_13_February() =>
        Calc.AddWorkingDays(D("2026-02-13"), 1).ShouldBe(D("2026-02-14"));

    [Fact]
    public void The_nine_days_of_the_2026_Spring_Festival_are_skipped() =>
        Calc.AddWorkingDays(D("2026-02-14"), 1).ShouldBe(D("2026-02-24"));

    [Fact]
    public void The_working_Saturday_28_February_2026_counts()
    {
        Calc.AddWorkingDays(D("2026-02-27"), 1).ShouldBe(D("2026-02-28"));
        Calc.WorkingDaysBetween(D("2026-02-27"), D("2026-03-02")).ShouldBe(2);
    }

    [Fact]
    public void The_extended_2020_Spring_Festival_runs_to_2_February()
    {
        // 2020-02-01 was to be a working Saturday until the extension notice of 2020-01-27 cancelled it.
        Calc.AddWorkingDays(D("2020-01-23"), 1).ShouldBe(D("2020-02-03"));
        Calc.IsWorkingDay(D("2020-02-01")).ShouldBeFalse();
    }

    [Fact]
    public void The_2019_notice_makes_Saturday_29_December_2018_a_working_day_and_31_December_a_holiday()
    {
        Calc.AddWorkingDays(D("2018-12-28"), 1).ShouldBe(D("2018-12-29"));
        Calc.AddWorkingDays(D("2018-12-29"), 1).ShouldBe(D("2019-01-02"));
    }

    [Fact]
    public void The_start_day_is_never_counted_even_when_it_is_a_holiday() =>
        Calc.AddWorkingDays(D("2026-10-03"), 1).ShouldBe(D("2026-10-08"));

    [Fact]
    public void Zero_working_days_is_the_start_day_itself()
    {
        Calc.AddWorkingDays(D("2026-10-03"), 0).ShouldBe(D("2026-10-03"));
        Calc.IsProvisional(D("2026-12-31"), Calc.AddWorkingDays(D("2026-12-31"), 0)).ShouldBeFalse();
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Calc.AddWorkingDays(D("2026-11-02"), -1));

    [Fact]
    public void Working_days_between_counts_the_end_but_not_the_start_and_is_negative_when_reversed()
    {
        Calc.WorkingDaysBetween(D("2026-11-02"), D("2026-11-30")).ShouldBe(20);
        Calc.WorkingDaysBetween(D("2026-11-30"), D("2026-11-02")).ShouldBe(-20);
        Calc.WorkingDaysBetween(D("2026-11-02"), D("2026-11-02")).ShouldBe(0);
        Calc.WorkingDaysBetween(D("2026-09-30"), D("2026-10-08")).ShouldBe(1);
    }

    [Fact]
    public void A_day_period_ending_on_a_holiday_moves_to_the_next_working_day()
    {
        var due = Calc.Due(D("2026-09-16"), Statutes.LawsuitAfterReview);
        due.Date.ShouldBe(D("2026-10-08"));
        due.Explanation.Nominal.ShouldBe(D("2026-10-01"));
        due.Explanation.MovedBecause.ShouldBe("国庆节");
        due.Explanation.Lines.ShouldBe([
            "起算日：2026-09-16（当日不计入）",
            "规则：复议后起诉期限 15日（《行政诉讼法》第四十五条）",
            "期间届满日：2026-10-01",
            "顺延：2026-10-01 是国庆节，不是工作日，期间届满日顺延至其后第一个工作日（《民事诉讼法》第八十五条）",
            "跳过：2026-10-01至2026-10-07 国庆节（7天）",
            "到期日：2026-10-08",
        ]);
    }

    [Fact]
    public void A_day_period_ending_on_a_Saturday_moves_to_Monday()
    {
        var due = Due("2026-11-02", "5d");
        due.Date.ShouldBe(D("2026-11-09"));
        due.Explanation.MovedBecause.ShouldBe("周六");
    }

    [Fact]
    public void A_day_period_ending_on_a_working_Saturday_ends_that_Saturday()
    {
        var due = Due("2026-02-13", "15d");
        due.Date.ShouldBe(D("2026-02-28"));
        due.Explanation.MovedBecause.ShouldBeNull();
        due.Explanation.Lines.ShouldContain("期间届满日：2026-02-28（周六，春节调休上班，按工作日对待）");
    }

    [Fact]
    public void Six_months_from_31_March_end_on_the_last_day_of_September()
    {
        var due = Calc.Due(D("2025-03-31"), Statutes.Lawsuit);
        due.Date.ShouldBe(D("2025-09-30"));
        due.Explanation.MonthEndClamped.ShouldBeTrue();
        due.Explanation.Lines.ShouldContain("月末：2025-09 没有第31日，以该月最后一日 2025-09-30 为期间届满日（《民法典》第二百零二条）");
    }

    [Fact]
    public void Six_months_from_31_August_2024_end_on_28_February_2025() =>
        Due("2024-08-31", "6m").Date.ShouldBe(D("2025-02-28"));

    [Fact]
    public void A_month_period_ending_in_the_National_Day_holiday_moves_past_it()
    {
        var due = Due("2025-04-05", "6m");
        due.Explanation.Nominal.ShouldBe(D("2025-10-05"));
        due.Date.ShouldBe(D("2025-10-09"));
        due.Explanation.MonthEndClamped.ShouldBeFalse();
        due.Explanation.Lines.ShouldContain(l => l.StartsWith("顺延：2025-10-05 是国庆节、中秋节") && l.EndsWith("（《民法典》第二百零三条）"));
    }

    [Fact]
    public void A_reply_period_reaching_into_2027_is_provisional_and_says_why()
    {
        var due = Calc.Due(D("2026-12-15"), Statutes.Reply);
        due.Date.ShouldBe(D("2027-01-12"));
        due.Provisional.ShouldBeTrue();
        due.Explanation.ProvisionalReason.ShouldBe(
            "暂定：2027-01-01至2027-01-12 所在年度的节假日安排尚未载入（已载入 2019—2026 年），这些日期只按周末推算；载入国务院办公厅相应年度的通知后须重新计算");
        due.Explanation.Lines[^1].ShouldBe(due.Explanation.ProvisionalReason);
    }

    [Fact]
    public void A_reply_period_ending_in_December_2026_is_not_provisional() =>
        Calc.Due(D("2026-12-01"), Statutes.Reply).ShouldSatisfyAllConditions(
            due => due.Date.ShouldBe(D("2026-12-29")),
            due => due.Provisional.ShouldBeFalse(),
            due => due.Explanation.ProvisionalReason.ShouldBeNull());

    [Fact]
    public void A_period_counted_before_2019_is_provisional()
    {
        var due = Due("2018-06-01", "20wd");
        due.Date.ShouldBe(D("2018-06-29"));
        due.Provisional.ShouldBeTrue();
    }

    [Fact]
    public void A_day_period_is_provisional_only_when_its_end_lies_past_the_loaded_years()
    {
        Due("2026-12-20", "15d").Provisional.ShouldBeTrue();   // nominal 2027-01-04
        Due("2026-12-01", "15d").Provisional.ShouldBeFalse();  // 2026-12-16
        Due("2026-10-01", "6m").Provisional.ShouldBeTrue();    // 2027-04-01
    }

    [Fact]
    public void Provisionality_looks_at_the_days_after_the_start_up_to_the_due_date()
    {
        Calc.IsProvisional(D("2026-12-31"), D("2027-01-04")).ShouldBeTrue();
        Calc.IsProvisional(D("2027-01-04"), D("2026-12-31")).ShouldBeTrue();
        Calc.IsProvisional(D("2018-12-31"), D("2019-01-02")).ShouldBeFalse();
        Calc.IsProvisional(D("2027-01-04"), D("2027-01-04")).ShouldBeFalse();
    }

    [Fact]
    public void Dates_far_beyond_the_index_follow_the_weekend_rule()
    {
        // 9000-01-01 is a Monday.
        Calc.AddWorkingDays(D("9000-01-01"), 5).ShouldBe(D("9000-01-08"));
        Calc.AddWorkingDays(D("0001-01-01"), 5).ShouldBe(D("0001-01-08"));
        Calc.WorkingDaysBetween(D("0001-01-01"), D("9999-12-31")).ShouldBe(
            Calc.WorkingDaysBetween(D("0001-01-01"), D("2020-01-01")) + Calc.WorkingDaysBetween(D("2020-01-01"), D("9999-12-31")));
    }

    [Fact]
    public void A_result_past_the_last_representable_date_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Calc.AddWorkingDays(D("9999-12-20"), 30));

    [Fact]
    public void The_same_deadline_computed_twice_is_equal_and_a_different_one_is_not()
    {
        var fresh = new PeriodCalculator(StatutoryCalendar.Load(Path.Combine(Support.RepoPaths.Workflows, "calendar")));
        fresh.Due(D("2026-11-02"), Statutes.Reply).ShouldBe(Calc.Due(D("2026-11-02"), Statutes.Reply));
        Calc.Due(D("2026-11-03"), Statutes.Reply).ShouldNotBe(Calc.Due(D("2026-11-02"), Statutes.Reply));
        Calc.Due(D("2026-11-02"), Statutes.Extension).ShouldNotBe(Calc.Due(D("2026-11-02"), Statutes.Reply));
    }

    [Fact]
    public void A_calculator_works_on_any_calendar_not_only_the_real_one()
    {
        var calendar = StatutoryCalendar.FromEntries(
            [new CalendarEntry(D("2026-11-03"), CalendarEntryKind.Holiday, "假想假日", "测试", "test:1")], 2026, 2026);
        new PeriodCalculator(calendar).AddWorkingDays(D("2026-11-02"), 1).ShouldBe(D("2026-11-04"));
    }
}
