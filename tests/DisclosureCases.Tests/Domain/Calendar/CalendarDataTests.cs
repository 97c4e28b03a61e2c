using DisclosureCases.Domain.Calendar;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Calendar;

/// <summary>
/// The real <c>workflows/calendar/</c> files: they load, and they say exactly what DOMAIN.md §4's table of
/// 国务院办公厅 notices says (the table is transcribed here a second time, as double entry).
/// </summary>
public class CalendarDataTests
{
    /// <summary>DOMAIN.md §4, column by column: days off (inclusive ranges), weekend working days.</summary>
    public static TheoryData<int, string, string> NoticeTable => new()
    {
        { 2019, "2018-12-30–01-01, 02-04–02-10, 04-05, 05-01–05-04, 06-07, 09-13, 10-01–10-07", "2018-12-29, 02-02, 02-03, 04-28, 05-05, 09-29, 10-12" },
        // 01-24–02-02: the Spring Festival as extended on 2020-01-27; the 02-01 working day was cancelled.
        { 2020, "01-01, 01-24–02-02, 04-04–04-06, 05-01–05-05, 06-25–06-27, 10-01–10-08", "01-19, 04-26, 05-09, 06-28, 09-27, 10-10" },
        { 2021, "01-01–01-03, 02-11–02-17, 04-03–04-05, 05-01–05-05, 06-12–06-14, 09-19–09-21, 10-01–10-07", "02-07, 02-20, 04-25, 05-08, 09-18, 09-26, 10-09" },
        { 2022, "01-01–01-03, 01-31–02-06, 04-03–04-05, 04-30–05-04, 06-03–06-05, 09-10–09-12, 10-01–10-07", "01-29, 01-30, 04-02, 04-24, 05-07, 10-08, 10-09" },
        { 2023, "2022-12-31–01-02, 01-21–01-27, 04-05, 04-29–05-03, 06-22–06-24, 09-29–10-06", "01-28, 01-29, 04-23, 05-06, 06-25, 10-07, 10-08" },
        { 2024, "01-01, 02-10–02-17, 04-04–04-06, 05-01–05-05, 06-10, 09-15–09-17, 10-01–10-07", "02-04, 02-18, 04-07, 04-28, 05-11, 09-14, 09-29, 10-12" },
        { 2025, "01-01, 01-28–02-04, 04-04–04-06, 05-01–05-05, 05-31–06-02, 10-01–10-08", "01-26, 02-08, 04-27, 09-28, 10-11" },
        { 2026, "01-01–01-03, 02-15–02-23, 04-04–04-06, 05-01–05-05, 06-19–06-21, 09-25–09-27, 10-01–10-07", "01-04, 02-14, 02-28, 05-09, 09-20, 10-10" },
    };

    [Fact]
    public void The_real_calendar_loads_and_covers_2019_through_2026()
    {
        Real.FirstYear.ShouldBe(2019);
        Real.LastYear.ShouldBe(2026);
    }

    [Theory]
    [MemberData(nameof(NoticeTable))]
    public void Each_year_file_holds_exactly_the_days_of_its_notice(int year, string daysOff, string workingWeekendDays)
    {
        var ofThisNotice = Real.Entries.Where(e => e.Source.StartsWith($"workflows/calendar/{year}.yaml:", StringComparison.Ordinal)).ToList();
        ofThisNotice.Where(e => e.Kind == CalendarEntryKind.Holiday).Select(e => e.Date).Order()
            .ShouldBe(Expand(year, daysOff));
        ofThisNotice.Where(e => e.Kind == CalendarEntryKind.AdjustedWorkday).Select(e => e.Date).Order()
            .ShouldBe(Expand(year, workingWeekendDays));
    }

    [Fact]
    public void The_2026_Spring_Festival_is_nine_days_off_between_two_working_Saturdays()
    {
        Real.KindOf(D("2026-02-14")).ShouldBe(DayKind.AdjustedWorkday);
        Enumerable.Range(15, 9).ShouldAllBe(day => Real.KindOf(new DateOnly(2026, 2, day)) == DayKind.Holiday);
        Real.KindOf(D("2026-02-28")).ShouldBe(DayKind.AdjustedWorkday);
        Real.EntryFor(D("2026-02-28"))!.Name.ShouldBe("春节");
    }

    [Fact]
    public void The_2020_extension_gave_31_January_off_and_cancelled_the_working_Saturday_1_February()
    {
        Real.KindOf(D("2020-01-31")).ShouldBe(DayKind.Holiday);
        Real.EntryFor(D("2020-01-31"))!.Name.ShouldBe("春节延长");
        Real.EntryFor(D("2020-01-31"))!.Notice.ShouldBe("国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）");
        D("2020-02-01").DayOfWeek.ShouldBe(DayOfWeek.Saturday);
        Real.IsWorkingDay(D("2020-02-01")).ShouldBeFalse();
        Real.IsWorkingDay(D("2020-02-03")).ShouldBeTrue();
    }

    [Fact]
    public void The_2019_notice_begins_with_a_working_Saturday_and_New_Year_holidays_in_December_2018()
    {
        Real.KindOf(D("2018-12-29")).ShouldBe(DayKind.AdjustedWorkday);
        Real.KindOf(D("2018-12-31")).ShouldBe(DayKind.Holiday);
        Real.EntryFor(D("2018-12-31"))!.Source.ShouldStartWith("workflows/calendar/2019.yaml:");
        Real.EntryFor(D("2018-12-31"))!.Notice.ShouldBe("国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）");
    }

    [Fact]
    public void The_2019_Labour_Day_comes_from_the_adjustment_notice_of_March_2019()
    {
        Real.EntryFor(D("2019-05-03"))!.Notice.ShouldBe("国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）");
        Real.KindOf(D("2019-05-05")).ShouldBe(DayKind.AdjustedWorkday);
    }

    [Fact]
    public void The_2023_notice_begins_on_31_December_2022()
    {
        Real.EntryFor(D("2022-12-31"))!.Source.ShouldStartWith("workflows/calendar/2023.yaml:");
        Real.EntryFor(D("2022-12-30")).ShouldBeNull();
    }

    [Fact]
    public void Every_entry_names_a_statutory_holiday_and_the_notice_of_its_year()
    {
        string[] holidays = ["元旦", "春节", "春节延长", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "国庆节、中秋节", "中秋节、国庆节"];
        Real.Entries.ShouldAllBe(e => holidays.Contains(e.Name));
        foreach (var entry in Real.Entries)
        {
            var noticeYear = int.Parse(entry.Source["workflows/calendar/".Length..][..4]);
            entry.Notice.ShouldStartWith("国务院办公厅关于");
            entry.Notice.ShouldContain($"{noticeYear}年", customMessage: entry.Source);
        }
    }

    /// <summary>"2018-12-30–01-01, 02-04" → the dates, a missing year meaning the notice's year.</summary>
    static IEnumerable<DateOnly> Expand(int year, string items)
    {
        DateOnly Parse(string text) => D(text.Length == 5 ? $"{year}-{text}" : text);
        var days = new List<DateOnly>();
        foreach (var item in items.Split(", "))
        {
            var ends = item.Split('–');
            for (var day = Parse(ends[0]); day <= Parse(ends[^1]); day = day.AddDays(1))
                days.Add(day);
        }
        return days.Order();
    }
}
