using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure calendar bench [--count N]</c> (hidden from help): working-day due dates per second on one thread,
/// recorded in docs/benchmarks.md. Run it from a Release build:
/// <c>dotnet run -c Release --project src/DisclosureCases -- calendar bench</c>.
/// </summary>
static class CalendarBench
{
    public static Command Command(CliConsole console, Func<ParseResult, PeriodCalculator?> load)
    {
        var count = new Option<int>("--count")
        {
            Description = "计算次数",
            DefaultValueFactory = _ => 20_000_000,
        };
        var command = new Command("bench", "性能基准：单线程每秒可计算的工作日到期日数") { count };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            if (n <= 0)
            {
                console.Error.WriteLine("--count 应为正整数");
                return CalendarVerbs.WrongInput;
            }
            if (load(parse) is not { } calc)
                return CalendarVerbs.CalendarCannotAnswer;
            Run(console, calc, n);
            return CalendarVerbs.Done;
        });
        return command;
    }

    static void Run(CliConsole console, PeriodCalculator calc, int n)
    {
        var indexTime = Stopwatch.StartNew();
        const int builds = 20;
        for (var i = 0; i < builds; i++)
            _ = new PeriodCalculator(calc.Calendar);
        indexTime.Stop();

        // Start dates spread over the loaded years; a power-of-two table so that picking one costs a mask.
        var random = new Random(20261121);
        var first = calc.Calendar.FirstCoveredDay.DayNumber;
        var last = calc.Calendar.LastCoveredDay.DayNumber;
        var starts = Enumerable.Range(0, 4096).Select(_ => DateOnly.FromDayNumber(random.Next(first, last + 1))).ToArray();

        long checksum = 0;
        for (var i = 0; i < 1_000_000; i++) // warm-up, lets the JIT reach its final tier
            checksum += calc.AddWorkingDays(starts[i & 4095], 20).DayNumber;

        var addTime = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
            checksum += calc.AddWorkingDays(starts[i & 4095], 20).DayNumber;
        addTime.Stop();

        var dueCount = Math.Max(1, n / 4);
        var reply = Statutes.Reply;
        var dueTime = Stopwatch.StartNew();
        for (var i = 0; i < dueCount; i++)
        {
            var due = calc.Due(starts[i & 4095], reply);
            checksum += due.Date.DayNumber + (due.Provisional ? 1 : 0);
        }
        dueTime.Stop();

        var culture = CultureInfo.InvariantCulture;
        console.Out.WriteLine($"节假日数据：{calc.Calendar.FirstYear}—{calc.Calendar.LastYear} 年；建立索引平均 {indexTime.Elapsed.TotalMilliseconds / builds:F2} 毫秒");
        console.Out.WriteLine(string.Format(culture, "AddWorkingDays(起算日, 20)：{0:N0} 次，{1:F3} 秒，每秒 {2:N0} 次（单线程）",
            n, addTime.Elapsed.TotalSeconds, n / addTime.Elapsed.TotalSeconds));
        console.Out.WriteLine(string.Format(culture, "Due(起算日, 答复期限)（含暂定判断，说明按需生成）：{0:N0} 次，{1:F3} 秒，每秒 {2:N0} 次（单线程）",
            dueCount, dueTime.Elapsed.TotalSeconds, dueCount / dueTime.Elapsed.TotalSeconds));
        console.Out.WriteLine($"校验和：{checksum}");
    }
}
