using System.Text;
using DisclosureCases.Cli;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Tests.Support;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Cli;

/// <summary>`disclosure calendar …` run in-process on the checkout's calendar.</summary>
public class CalendarVerbsTests
{
    sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    static async Task<Outcome> RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await CommandLine.RunAsync(args, new StringReader(stdin), output, error);
        return new(code, output.ToString(), error.ToString());
    }

    static Task<Outcome> Run(params string[] args) => RunWithInput("", args);

    [Fact]
    public void Calendar_is_a_verb_of_the_command_line() =>
        CommandLine.Handles(["calendar", "show", "2026"]).ShouldBeTrue();

    [Fact]
    public async Task Due_with_working_days_prints_the_due_date()
    {
        var result = await Run("calendar", "due", "--from", "2026-11-02", "--working-days", "20");
        result.ShouldBe(new Outcome(0, "2026-11-30\n", ""));
    }

    [Fact]
    public async Task Due_with_days_moves_a_holiday_end_to_the_next_working_day() =>
        (await Run("calendar", "due", "--from", "2026-09-16", "--days", "15")).Out.ShouldBe("2026-10-08\n");

    [Fact]
    public async Task Due_with_months_takes_the_last_day_of_a_shorter_month() =>
        (await Run("calendar", "due", "--from", "2025-03-31", "--months", "6")).Out.ShouldBe("2025-09-30\n");

    [Fact]
    public async Task Explain_adds_the_explanation_after_the_date()
    {
        var result = await Run("calendar", "due", "--from", "2026-11-02", "--working-days", "20", "--explain");
        result.ExitCode.ShouldBe(0);
        result.OutLines.ShouldBe([
            "2026-11-30",
            "起算日：2026-11-02（当日不计入）",
            "规则：按工作日计算，开始的当日不计入 20个工作日（《民法典》第二百零一条）",
            "跳过：2026-11-07 周六、2026-11-08 周日、2026-11-14 周六、2026-11-15 周日、2026-11-21 周六、2026-11-22 周日、2026-11-28 周六、2026-11-29 周日",
            "到期日：2026-11-30",
        ]);
    }

    [Fact]
    public async Task A_due_date_past_the_loaded_years_is_marked_provisional() =>
        (await Run("calendar", "due", "--from", "2026-12-15", "--working-days", "20")).Out.ShouldBe("2027-01-12 provisional\n");

    [Theory]
    [InlineData(new[] { "calendar", "due", "--from", "2026-11-02" }, "须给出 --working-days、--days、--months 三者之一，且只能给出一个")]
    [InlineData(new[] { "calendar", "due", "--from", "2026-11-02", "--days", "5", "--months", "1" }, "须给出 --working-days、--days、--months 三者之一，且只能给出一个")]
    [InlineData(new[] { "calendar", "due", "--working-days", "5" }, "缺少 --from：起算日，YYYY-MM-DD")]
    [InlineData(new[] { "calendar", "due", "--from", "2026-02-30", "--days", "5" }, "--from 的日期“2026-02-30”无效：应为存在的日期，写作 YYYY-MM-DD")]
    [InlineData(new[] { "calendar", "due", "--from", "2026-11-02", "--days", "-5" }, "--days 应为非负整数（收到“-5”）")]
    [InlineData(new[] { "calendar", "due", "--batch", "--from", "2026-11-02" }, "--batch 从标准输入读取起算日和期间，不能与 --from、--working-days、--days、--months、--explain 同用")]
    public async Task A_wrong_combination_or_value_is_explained_and_exits_with_2(string[] args, string message)
    {
        var result = await Run(args);
        result.ShouldBe(new Outcome(2, "", message + "\n"));
    }

    [Fact]
    public async Task Batch_prints_one_date_per_line_in_input_order_marking_provisional_results()
    {
        var result = await RunWithInput("2026-12-15 20wd\n2026-11-02 20wd\n2025-03-31 6m\n 2026-09-16\t15d \n", "calendar", "due", "--batch");
        result.ShouldBe(new Outcome(0, "2027-01-12 provisional\n2026-11-30\n2025-09-30\n2026-10-08\n", ""));
    }

    [Fact]
    public async Task Batch_with_a_bad_line_prints_nothing_names_the_line_and_exits_with_2()
    {
        var result = await RunWithInput("2026-11-02 20wd\n2026-11-02 20 wd\n\n2026-11-31 5d\n2026-11-02 20wd\n", "calendar", "due", "--batch");
        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldBe([
            "stdin:2: 期间“20 wd”无效：应写作 20wd（工作日）、15d（日）或 6m（月）",
            "stdin:3: 空行：每行应为“YYYY-MM-DD 期间”，如“2026-11-02 20wd”",
            "stdin:4: 日期“2026-11-31”无效：应为存在的日期，写作 YYYY-MM-DD",
            "共 3 行有误，未输出任何结果",
        ]);
    }

    [Fact]
    public async Task Batch_agrees_line_by_line_with_the_calculator_over_many_lines()
    {
        var random = new Random(7);
        string[] periods = ["20wd", "7wd", "15wd", "15d", "60d", "6m", "0wd"];
        var input = new StringBuilder();
        var expected = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            var start = DateOnly.FromDayNumber(random.Next(D("2018-01-01").DayNumber, D("2027-12-31").DayNumber));
            var period = Period.Parse(periods[random.Next(periods.Length)]);
            input.Append($"{start:yyyy-MM-dd} {period}\n");
            var due = RealCalculator.Due(start, period, Statutes.CountingRule(period.Unit));
            expected.Append($"{due.Date:yyyy-MM-dd}{(due.Provisional ? " provisional" : "")}\n");
        }
        var result = await RunWithInput(input.ToString(), "calendar", "due", "--batch");
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldBe(expected.ToString());
    }

    [Fact]
    public async Task Show_lists_a_years_holidays_and_working_weekend_days_with_Chinese_weekdays()
    {
        var result = await Run("calendar", "show", "2026");
        result.ExitCode.ShouldBe(0);
        result.OutLines[0].ShouldBe("# 国务院办公厅关于2026年部分节假日安排的通知");
        result.OutLines.ShouldContain("2026-02-14 周六 调休上班 春节");
        result.OutLines.ShouldContain("2026-02-16 周一 放假 春节");
        result.OutLines.ShouldContain("2026-10-10 周六 调休上班 国庆节");
        result.OutLines.Length.ShouldBe(1 + Real.EntriesOf(2026).Count);
    }

    [Fact]
    public async Task Show_of_a_year_not_loaded_says_so_and_exits_with_1()
    {
        var result = await Run("calendar", "show", "2027");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("2027年的节假日安排尚未载入（已载入 2019—2026 年）");
    }

    [Fact]
    public async Task Broken_calendar_data_is_reported_as_file_and_line_and_exits_with_1()
    {
        using var folder = new TempCalendarFolder(("2026.yaml", "year: 2026\nnotice: 通知\nholidays:\n  - name: 春节\n    off: 2026-02-16\n    work: [2026-02-17]\n"));
        var result = await Run("calendar", "due", "--from", "2026-11-02", "--working-days", "20", "--calendar-dir", folder.Path);
        result.ShouldBe(new Outcome(1, "", "workflows/calendar/2026.yaml:6: 2026-02-17（周二）不是周末，不能列为调休上班日\n"));
    }

    [Fact]
    public async Task A_calendar_folder_can_be_named_to_check_a_new_notice()
    {
        using var folder = new TempCalendarFolder(("2027.yaml", "year: 2027\nnotice: 测试通知\nholidays:\n  - name: 元旦\n    off: 2027-01-01\n"));
        (await Run("calendar", "show", "2027", "--calendar-dir", folder.Path)).OutLines
            .ShouldBe(["# 测试通知", "2027-01-01 周五 放假 元旦"]);
    }
}
