using System.CommandLine;
using System.Globalization;
using DisclosureCases.Domain.Calendar;
using DisclosureCases.Domain.Periods;
using static DisclosureCases.Domain.Calendar.ChineseDates;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure calendar …</c>: due dates on the statutory calendar and the holiday data behind them.
/// <code>
/// disclosure calendar due --from 2026-11-02 --working-days 20 [--explain]   → 2026-11-30
/// disclosure calendar due --from 2026-09-16 --days 15 | --months 6
/// disclosure calendar due --batch &lt; lines of "YYYY-MM-DD PERIOD"            → one date a line
/// disclosure calendar show 2026
/// </code>
/// Exit codes: 0 done; 1 the calendar cannot answer (its data has errors, printed as file:line, or the year asked
/// for is not loaded); 2 a value or an input line is wrong. Errors System.CommandLine finds itself (an unknown
/// option, an option without its value) keep its own exit code, 1.
/// </summary>
public static class CalendarVerbs
{
    public const int Done = 0;
    public const int CalendarCannotAnswer = 1;
    public const int WrongInput = 2;

    /// <summary>The batch answer is all or nothing; this many bad lines are listed before the rest are only counted.</summary>
    const int BadLinesListed = 20;

    public static Command Build(CliConsole console)
    {
        var calendarDirectory = new Option<string?>("--calendar-dir")
        {
            Description = "节假日数据目录（默认为 workflows/calendar，可用环境变量 Paths__Root 指定根目录）；可用于检查新一年的通知文件",
            HelpName = "DIR",
            Recursive = true,
        };
        var calendar = new Command("calendar", "法定节假日与调休日历，期限计算");
        calendar.Options.Add(calendarDirectory);
        calendar.Subcommands.Add(DueCommand(console, calendarDirectory));
        calendar.Subcommands.Add(ShowCommand(console, calendarDirectory));
        calendar.Subcommands.Add(CalendarBench.Command(console, options => LoadCalculator(options, calendarDirectory, console)));
        return calendar;
    }

    static Command DueCommand(CliConsole console, Option<string?> calendarDirectory)
    {
        var from = new Option<string?>("--from") { Description = "起算日（当日不计入），YYYY-MM-DD", HelpName = "YYYY-MM-DD" };
        var workingDays = new Option<string?>("--working-days") { Description = "期间为N个工作日", HelpName = "N" };
        var days = new Option<string?>("--days") { Description = "期间为N日（届满日非工作日的，顺延至其后第一个工作日）", HelpName = "N" };
        var months = new Option<string?>("--months") { Description = "期间为N个月（无对应日的以月末日为届满日，再按需顺延）", HelpName = "N" };
        var explain = new Option<bool>("--explain") { Description = "在日期后逐行说明计算过程" };
        var batch = new Option<bool>("--batch")
        {
            Description = "从标准输入逐行读取“YYYY-MM-DD 期间”（期间如 20wd、15d、6m），按原顺序每行输出一个到期日；"
                + "依赖未载入年度的结果后加“ provisional”。任何一行有误（含空行）则不输出结果，在标准错误列出行号，退出码 2",
        };
        var command = new Command("due", "计算到期日：起算日后的第N个工作日、N日或N个月") { from, workingDays, days, months, explain, batch };
        command.SetAction(parse =>
        {
            if (parse.GetValue(batch))
            {
                if (parse.GetValue(from) is not null || parse.GetValue(workingDays) is not null || parse.GetValue(days) is not null
                    || parse.GetValue(months) is not null || parse.GetValue(explain))
                    return Refuse(console, "--batch 从标准输入读取起算日和期间，不能与 --from、--working-days、--days、--months、--explain 同用");
                return LoadCalculator(parse, calendarDirectory, console) is { } batchCalc ? RunBatch(console, batchCalc) : CalendarCannotAnswer;
            }

            var given = new[] { (workingDays, PeriodUnit.WorkingDays), (days, PeriodUnit.Days), (months, PeriodUnit.Months) }
                .Select(o => (Text: parse.GetValue(o.Item1), Name: o.Item1.Name, Unit: o.Item2))
                .Where(o => o.Text is not null).ToArray();
            if (given.Length != 1)
                return Refuse(console, "须给出 --working-days、--days、--months 三者之一，且只能给出一个");
            if (parse.GetValue(from) is not { } fromText)
                return Refuse(console, "缺少 --from：起算日，YYYY-MM-DD");
            if (!TryParseIso(fromText, out var start))
                return Refuse(console, $"--from 的日期“{fromText}”无效：应为存在的日期，写作 YYYY-MM-DD");
            var (amountText, name, unit) = given[0];
            if (!int.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
                return Refuse(console, $"{name} 应为非负整数（收到“{amountText}”）");

            if (LoadCalculator(parse, calendarDirectory, console) is not { } calc)
                return CalendarCannotAnswer;
            DueDate due;
            try
            {
                due = calc.Due(start, new Period(amount, unit), Statutes.CountingRule(unit));
            }
            catch (ArgumentOutOfRangeException)
            {
                return Refuse(console, "到期日超出可表示的日期范围（9999-12-31 之后）");
            }
            console.Out.WriteLine(Iso(due.Date) + (due.Provisional ? " provisional" : ""));
            if (parse.GetValue(explain))
                foreach (var line in due.Explanation.Lines)
                    console.Out.WriteLine(line);
            return Done;
        });
        return command;
    }

    /// <summary>
    /// Reads every line before writing anything: a pipeline gets either one answer per line, in order, or nothing and
    /// the bad lines on stderr. Results are kept as one int each (day number and provisional flag), not as text.
    /// </summary>
    static int RunBatch(CliConsole console, PeriodCalculator calc)
    {
        var results = new List<int>();
        var bad = 0;
        var lineNumber = 0;
        while (console.In.ReadLine() is { } line)
        {
            lineNumber++;
            var problem = TryComputeLine(line, calc, out var due, out var provisional);
            if (problem is not null)
            {
                if (++bad <= BadLinesListed)
                    console.Error.WriteLine($"stdin:{lineNumber}: {problem}");
                continue;
            }
            if (bad == 0)
                results.Add(due.DayNumber << 1 | (provisional ? 1 : 0));
        }
        if (bad > 0)
        {
            if (bad > BadLinesListed)
                console.Error.WriteLine($"stdin: 另有 {bad - BadLinesListed} 行有误，未逐一列出");
            console.Error.WriteLine($"共 {bad} 行有误，未输出任何结果");
            return WrongInput;
        }

        var newline = console.Out.NewLine;
        var buffer = new char[1 << 16];
        var used = 0;
        foreach (var result in results)
        {
            if (used > buffer.Length - 64)
            {
                console.Out.Write(buffer, 0, used);
                used = 0;
            }
            DateOnly.FromDayNumber(result >> 1).TryFormat(buffer.AsSpan(used), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            used += written;
            if ((result & 1) != 0)
            {
                " provisional".CopyTo(buffer.AsSpan(used));
                used += " provisional".Length;
            }
            newline.CopyTo(buffer.AsSpan(used));
            used += newline.Length;
        }
        console.Out.Write(buffer, 0, used);
        console.Out.Flush();
        return Done;
    }

    /// <summary>One batch line: <c>YYYY-MM-DD PERIOD</c>, spaces or tabs between, surrounding blanks ignored.</summary>
    static string? TryComputeLine(string line, PeriodCalculator calc, out DateOnly due, out bool provisional)
    {
        due = default;
        provisional = false;
        var text = line.AsSpan().Trim();
        if (text.IsEmpty)
            return "空行：每行应为“YYYY-MM-DD 期间”，如“2026-11-02 20wd”";
        var gap = text.IndexOfAny(' ', '\t');
        if (gap < 0)
            return $"“{line.Trim()}”应为“YYYY-MM-DD 期间”，如“2026-11-02 20wd”";
        var dateText = text[..gap];
        var periodText = text[gap..].TrimStart();
        if (!TryParseIso(dateText, out var start))
            return $"日期“{dateText}”无效：应为存在的日期，写作 YYYY-MM-DD";
        if (!Period.TryParse(periodText, out var period))
            return $"期间“{periodText}”无效：应写作 20wd（工作日）、15d（日）或 6m（月）";
        try
        {
            var result = calc.Due(start, period, Statutes.CountingRule(period.Unit));
            (due, provisional) = (result.Date, result.Provisional);
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return "到期日超出可表示的日期范围（9999-12-31 之后）";
        }
    }

    static Command ShowCommand(CliConsole console, Option<string?> calendarDirectory)
    {
        var year = new Argument<int>("year") { Description = "年份，如 2026" };
        var command = new Command("show", "列出某一年的放假日和调休上班日（日期、星期、类别、假日）") { year };
        command.SetAction(parse =>
        {
            if (LoadCalculator(parse, calendarDirectory, console) is not { Calendar: var calendar })
                return CalendarCannotAnswer;
            var wanted = parse.GetValue(year);
            if (wanted < calendar.FirstYear || wanted > calendar.LastYear)
            {
                console.Error.WriteLine($"{wanted}年的节假日安排尚未载入（已载入 {calendar.FirstYear}—{calendar.LastYear} 年）；"
                    + "该年度的日期只按周末推算，据此计算的期限标为暂定");
                return CalendarCannotAnswer;
            }
            var entries = calendar.EntriesOf(wanted);
            foreach (var notice in entries.Select(e => e.Notice).Distinct())
                console.Out.WriteLine($"# {notice}");
            foreach (var e in entries)
                console.Out.WriteLine($"{Iso(e.Date)} {Weekday(e.Date)} {Describe(e.Kind)} {e.Name}");
            return Done;
        });
        return command;
    }

    /// <summary>Loads the calendar; on a data error prints every problem as file:line and returns null.</summary>
    static PeriodCalculator? LoadCalculator(ParseResult parse, Option<string?> calendarDirectory, CliConsole console)
    {
        try
        {
            var directory = parse.GetValue(calendarDirectory)
                ?? AppPaths.Discover(Environment.GetEnvironmentVariable("Paths__Root")).Calendar;
            return new PeriodCalculator(StatutoryCalendar.Load(directory));
        }
        catch (CalendarDataException e)
        {
            foreach (var problem in e.Problems)
                console.Error.WriteLine(problem);
            return null;
        }
        catch (DirectoryNotFoundException e)
        {
            console.Error.WriteLine(e.Message);
            return null;
        }
    }

    static int Refuse(CliConsole console, string message)
    {
        console.Error.WriteLine(message);
        return WrongInput;
    }
}
