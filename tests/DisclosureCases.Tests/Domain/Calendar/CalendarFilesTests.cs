using DisclosureCases.Domain.Calendar;
using DisclosureCases.Tests.Support;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Calendar;

/// <summary>
/// Loading <c>workflows/calendar/*.yaml</c>: what a valid file turns into, and for each mistake an administrator can
/// make, a message naming the file and line. Each fixture is written to a temporary folder.
/// </summary>
public class CalendarFilesTests
{
    const string Valid2026 = """
        year: 2026
        notice: 国务院办公厅关于2026年部分节假日安排的通知
        holidays:
          - name: 春节
            off: {from: 2026-02-15, to: 2026-02-23}
            work: [2026-02-14, 2026-02-28]
          - name: 清明节
            notice: 某调整通知
            off: 2026-04-06
        """;

    /// <summary>A valid file for another year: just its National Day.</summary>
    static string NationalDay(int year) => $$"""
        year: {{year}}
        notice: 国务院办公厅关于{{year}}年部分节假日安排的通知
        holidays:
          - name: 国庆节
            off: {from: {{year}}-10-01, to: {{year}}-10-07}
        """;

    static CalendarDataException LoadFails(params (string, string)[] files)
    {
        using var folder = new TempCalendarFolder(files);
        return Should.Throw<CalendarDataException>(() => StatutoryCalendar.Load(folder.Path));
    }

    [Fact]
    public void A_valid_file_gives_one_entry_per_day_with_its_file_and_line()
    {
        using var folder = new TempCalendarFolder(("2026.yaml", Valid2026));
        var calendar = StatutoryCalendar.Load(folder.Path);

        calendar.FirstYear.ShouldBe(2026);
        calendar.LastYear.ShouldBe(2026);
        calendar.Entries.Count.ShouldBe(9 + 2 + 1);
        calendar.EntryFor(D("2026-02-17")).ShouldBe(new CalendarEntry(D("2026-02-17"), CalendarEntryKind.Holiday, "春节",
            "国务院办公厅关于2026年部分节假日安排的通知", "workflows/calendar/2026.yaml:5"));
        calendar.EntryFor(D("2026-02-28"))!.Kind.ShouldBe(CalendarEntryKind.AdjustedWorkday);
        calendar.EntryFor(D("2026-02-28"))!.Source.ShouldBe("workflows/calendar/2026.yaml:6");
    }

    [Fact]
    public void A_holiday_can_name_its_own_notice()
    {
        using var folder = new TempCalendarFolder(("2026.yaml", Valid2026));
        StatutoryCalendar.Load(folder.Path).EntryFor(D("2026-04-06"))!.Notice.ShouldBe("某调整通知");
    }

    [Fact]
    public void A_date_listed_twice_in_one_file_is_reported_at_its_second_line()
    {
        var error = LoadFails(("2026.yaml", Valid2026 + "\n  - name: 重复\n    off: 2026-02-16\n"));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:11: 2026-02-16 重复列出（另见第 5 行）");
    }

    [Fact]
    public void A_weekday_listed_as_an_adjusted_workday_is_reported_with_its_weekday()
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("2026-02-28]", "2026-02-27]")));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:6: 2026-02-27（周五）不是周末，不能列为调休上班日");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-2-28")]
    [InlineData("2026/02/28")]
    public void A_malformed_date_is_reported_with_the_text_found(string bad)
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("2026-02-28]", bad + "]")));
        error.Message.ShouldBe($"workflows/calendar/2026.yaml:6: work 的日期“{bad}”无效：应为存在的日期，写作 YYYY-MM-DD");
    }

    [Fact]
    public void A_range_that_runs_backwards_is_reported()
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("{from: 2026-02-15, to: 2026-02-23}", "{from: 2026-02-23, to: 2026-02-15}")));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:5: from 2026-02-23 晚于 to 2026-02-15");
    }

    [Fact]
    public void A_day_outside_the_notices_year_and_the_December_before_is_reported()
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("off: 2026-04-06", "off: 2025-10-01")));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:9: 2025-10-01 不在 2026 年通知的范围内（2025-12-01 至 2026-12-31）");
    }

    [Fact]
    public void The_same_day_claimed_by_two_year_files_is_reported_in_the_later_file_citing_the_earlier()
    {
        const string valid2025 = """
            year: 2025
            notice: 国务院办公厅关于2025年部分节假日安排的通知
            holidays:
              - name: 国庆节、中秋节
                off: {from: 2025-10-01, to: 2025-10-08}
              - name: 假想的年末假日
                off: 2025-12-31
            """;
        var error = LoadFails(("2025.yaml", valid2025),
            ("2026.yaml", Valid2026 + "\n  - name: 元旦\n    off: {from: 2025-12-31, to: 2026-01-01}\n"));
        error.Message.ShouldBe(
            "workflows/calendar/2026.yaml:11: 2025-12-31 已由 workflows/calendar/2025.yaml:7 列出：同一天不能由两个年度的通知安排");
    }

    [Fact]
    public void An_unknown_key_is_reported_with_the_keys_allowed_there()
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("    work:", "    works:")));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:6: 未知的键“works”（此处可用：name、notice、off、work）");
    }

    [Fact]
    public void A_missing_key_is_reported()
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("notice: 国务院办公厅关于2026年部分节假日安排的通知\n", "")));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:1: 缺少键“notice”");
    }

    [Fact]
    public void A_list_left_open_is_reported_at_its_line()
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("work: [2026-02-14, 2026-02-28]", "work: [2026-02-14, 2026-02-28")));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:6: YAML 格式错误：此处之后无法解析（方括号、花括号或引号未闭合？）");
    }

    [Fact]
    public void A_key_given_twice_is_reported()
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("    off: 2026-04-06", "    off: 2026-04-06\n    off: 2026-04-06")));
        error.Problems.ShouldHaveSingleItem().ShouldStartWith("workflows/calendar/2026.yaml:");
        error.Message.ShouldContain("YAML 格式错误");
    }

    [Fact]
    public void A_list_left_open_at_the_end_of_the_file_is_reported_where_the_parser_gave_up()
    {
        var error = LoadFails(("2026.yaml", "year: 2026\nnotice: 通知\nholidays:\n  - name: 春节\n    work: [2026-02-14, 2026-02-28\n"));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:6: YAML 格式错误：While parsing a flow sequence, did not find expected ',' or ']'.");
    }

    [Fact]
    public void A_year_header_that_contradicts_the_file_name_is_reported()
    {
        var error = LoadFails(("2026.yaml", Valid2026.Replace("year: 2026", "year: 2025")));
        error.Problems.ShouldContain("workflows/calendar/2026.yaml:1: year: 2025 与文件名 2026.yaml 不一致");
    }

    [Fact]
    public void A_gap_between_loaded_years_is_reported()
    {
        var error = LoadFails(("2024.yaml", NationalDay(2024)), ("2026.yaml", Valid2026));
        error.Message.ShouldBe("workflows/calendar/2026.yaml:1: 缺少 2025—2025 年的文件：已载入的年份必须连续");
    }

    [Fact]
    public void Every_problem_in_every_file_is_listed_in_file_and_line_order()
    {
        var error = LoadFails(
            ("2025.yaml", NationalDay(2025) + "\n    work: [2025-09-28, 2025-10-10]\n"),
            ("2026.yaml", Valid2026.Replace("off: 2026-04-06", "off: 2026-04-31").Replace("    work:", "    works:")));
        error.Problems.ShouldBe([
            "workflows/calendar/2025.yaml:6: 2025-10-10（周五）不是周末，不能列为调休上班日",
            "workflows/calendar/2026.yaml:6: 未知的键“works”（此处可用：name、notice、off、work）",
            "workflows/calendar/2026.yaml:9: off 的日期“2026-04-31”无效：应为存在的日期，写作 YYYY-MM-DD",
        ]);
    }

    [Fact]
    public void A_folder_without_year_files_is_rejected()
    {
        var error = LoadFails();
        error.Message.ShouldBe("workflows/calendar: 没有节假日数据文件（每年一个 <年份>.yaml）");
    }
}
