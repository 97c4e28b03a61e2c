using DisclosureCases.Domain.Calendar;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Calendar;

/// <summary>The calendar's answers, on small hand-made calendars (the real data is checked in CalendarDataTests).</summary>
public class StatutoryCalendarTests
{
    const string Notice = "国务院办公厅关于2026年部分节假日安排的通知";

    static CalendarEntry Off(string date, string name = "春节") =>
        new(D(date), CalendarEntryKind.Holiday, name, Notice, "test:1");

    static CalendarEntry Work(string date, string name = "春节") =>
        new(D(date), CalendarEntryKind.AdjustedWorkday, name, Notice, "test:2");

    static StatutoryCalendar SpringFestival2026() =>
        StatutoryCalendar.FromEntries(
            [Work("2026-02-14"), .. Enumerable.Range(15, 9).Select(day => Off($"2026-02-{day}")), Work("2026-02-28")],
            2026, 2026);

    [Fact]
    public void A_weekday_with_no_entry_is_a_workday()
    {
        var calendar = SpringFestival2026();
        calendar.KindOf(D("2026-02-12")).ShouldBe(DayKind.Workday);
        calendar.IsWorkingDay(D("2026-02-12")).ShouldBeTrue();
        calendar.EntryFor(D("2026-02-12")).ShouldBeNull();
    }

    [Fact]
    public void A_weekend_day_with_no_entry_is_not_a_working_day()
    {
        var calendar = SpringFestival2026();
        calendar.KindOf(D("2026-02-08")).ShouldBe(DayKind.Weekend);
        calendar.IsWorkingDay(D("2026-02-08")).ShouldBeFalse();
    }

    [Fact]
    public void A_holiday_on_a_weekday_is_not_a_working_day()
    {
        var calendar = SpringFestival2026();
        calendar.KindOf(D("2026-02-16")).ShouldBe(DayKind.Holiday);
        calendar.IsWorkingDay(D("2026-02-16")).ShouldBeFalse();
        calendar.EntryFor(D("2026-02-16"))!.Name.ShouldBe("春节");
    }

    [Fact]
    public void A_Saturday_declared_a_working_day_is_a_working_day()
    {
        var calendar = SpringFestival2026();
        calendar.KindOf(D("2026-02-14")).ShouldBe(DayKind.AdjustedWorkday);
        calendar.IsWorkingDay(D("2026-02-14")).ShouldBeTrue();
    }

    [Fact]
    public void Only_the_loaded_years_are_covered_and_other_years_follow_the_weekend_rule()
    {
        var calendar = SpringFestival2026();
        calendar.FirstYear.ShouldBe(2026);
        calendar.LastYear.ShouldBe(2026);
        calendar.Covers(D("2026-01-01")).ShouldBeTrue();
        calendar.Covers(D("2026-12-31")).ShouldBeTrue();
        calendar.Covers(D("2025-12-31")).ShouldBeFalse();
        calendar.Covers(D("2027-01-01")).ShouldBeFalse();
        // 2027-02-08 is a Monday, inside a future Spring Festival the calendar cannot know about.
        calendar.KindOf(D("2027-02-08")).ShouldBe(DayKind.Workday);
        calendar.KindOf(D("2027-02-06")).ShouldBe(DayKind.Weekend);
    }

    [Fact]
    public void A_notice_may_arrange_the_last_days_of_the_preceding_December()
    {
        // The 2019 notice: 2018-12-29 (Saturday) worked, 2018-12-30 to 2019-01-01 off.
        var calendar = StatutoryCalendar.FromEntries(
            [Work("2018-12-29", "元旦"), Off("2018-12-30", "元旦"), Off("2018-12-31", "元旦"), Off("2019-01-01", "元旦")],
            2019, 2019);
        calendar.Covers(D("2018-12-31")).ShouldBeFalse();
        calendar.KindOf(D("2018-12-31")).ShouldBe(DayKind.Holiday);
        calendar.KindOf(D("2018-12-29")).ShouldBe(DayKind.AdjustedWorkday);
    }

    [Fact]
    public void EntriesOf_lists_the_entries_dated_in_that_year_in_date_order()
    {
        var calendar = StatutoryCalendar.FromEntries(
            [Off("2019-01-01", "元旦"), Work("2018-12-29", "元旦"), Off("2018-12-30", "元旦")], 2019, 2019);
        calendar.EntriesOf(2019).Select(e => e.Date).ShouldBe([D("2019-01-01")]);
        calendar.EntriesOf(2018).Select(e => e.Date).ShouldBe([D("2018-12-29"), D("2018-12-30")]);
        calendar.Entries.Select(e => e.Date).ShouldBeInOrder();
    }

    [Fact]
    public void The_content_hash_ignores_entry_order_and_source_lines()
    {
        var a = StatutoryCalendar.FromEntries([Off("2026-02-16"), Work("2026-02-14")], 2026, 2026);
        var b = StatutoryCalendar.FromEntries(
            [Work("2026-02-14") with { Source = "elsewhere:9" }, Off("2026-02-16")], 2026, 2026);
        b.ContentHash.ShouldBe(a.ContentHash);
        a.ContentHash.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void The_content_hash_changes_when_a_day_or_the_covered_years_change()
    {
        var original = StatutoryCalendar.FromEntries([Off("2026-02-16")], 2026, 2026);
        StatutoryCalendar.FromEntries([Off("2026-02-17")], 2026, 2026).ContentHash.ShouldNotBe(original.ContentHash);
        StatutoryCalendar.FromEntries([Work("2026-02-14")], 2026, 2026).ContentHash.ShouldNotBe(original.ContentHash);
        StatutoryCalendar.FromEntries([Off("2026-02-16")], 2026, 2027).ContentHash.ShouldNotBe(original.ContentHash);
    }

    [Fact]
    public void FromEntries_rejects_a_date_given_twice_naming_both_sources()
    {
        var error = Should.Throw<CalendarDataException>(() => StatutoryCalendar.FromEntries(
            [Off("2026-02-16") with { Source = "db:7" }, Off("2026-02-16") with { Source = "db:8" }], 2026, 2026));
        error.Message.ShouldBe("db:8: 2026-02-16 重复列出（另见 db:7）");
    }

    [Fact]
    public void FromEntries_rejects_a_weekday_given_as_an_adjusted_workday()
    {
        var error = Should.Throw<CalendarDataException>(() =>
            StatutoryCalendar.FromEntries([Work("2026-02-16") with { Source = "db:3" }], 2026, 2026));
        error.Message.ShouldBe("db:3: 2026-02-16（周一）不是周末，不能列为调休上班日");
    }

    [Fact]
    public void FromEntries_rejects_an_entry_outside_the_years_it_claims_to_cover()
    {
        var error = Should.Throw<CalendarDataException>(() =>
            StatutoryCalendar.FromEntries([Off("2027-02-08") with { Source = "db:4" }], 2026, 2026));
        error.Problems.ShouldHaveSingleItem().ShouldStartWith("db:4: 2027-02-08 不在");
    }

    [Fact]
    public void FromEntries_rejects_a_year_range_that_runs_backwards() =>
        Should.Throw<ArgumentOutOfRangeException>(() => StatutoryCalendar.FromEntries([], 2026, 2025));
}
