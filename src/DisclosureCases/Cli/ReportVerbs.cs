using System.CommandLine;
using DisclosureCases.Data;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Cases;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Reports;
using DisclosureCases.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure report annual --year 2025 [--agency CODE] [--format csv|json|xlsx] [--out FILE]</c>: 表三 and 表四 of
/// the 政府信息公开工作年度报告 (<see cref="AnnualReportQuery"/>), for one agency or, without <c>--agency</c>, every agency
/// of the installation. Exit codes: 0 written; 1 written, but the tables do not add up (the problems and their cases
/// are in the output and on standard error); 2 wrong input.
/// </summary>
public static class ReportVerbs
{
    public const int Done = 0;
    public const int Problems = 1;
    public const int WrongInput = 2;

    public static Command Build(CliConsole console, CliHost host)
    {
        var year = new Option<int>("--year") { Description = "报告年度", Required = true, HelpName = "YYYY" };
        var agency = new Option<string?>("--agency") { Description = "机关代码；不指定则统计本系统全部机关", HelpName = "CODE" };
        var format = new Option<string>("--format") { Description = "csv、json 或 xlsx", DefaultValueFactory = _ => "csv", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("csv", "json", "xlsx");
        var output = new Option<string?>("--out") { Description = "输出文件（csv、json 默认写到标准输出；xlsx 必须指定）", HelpName = "FILE" };
        var annual = new Command("annual", "政府信息公开工作年度报告 表三（收到和处理政府信息公开申请情况）和表四") { year, agency, format, output };
        annual.SetAction(async (parse, ct) =>
        {
            var y = parse.GetValue(year);
            if (y is < 2008 or > 9999)
            {
                await console.Error.WriteLineAsync($"--year {y}: 年度应为四位数字（2008 年以后）");
                return WrongInput;
            }
            var chosenFormat = parse.GetValue(format)!;
            var path = parse.GetValue(output);
            if (chosenFormat == "xlsx" && path is null)
            {
                await console.Error.WriteLineAsync("--format xlsx 需要用 --out 指定文件");
                return WrongInput;
            }
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            int? agencyId = null;
            var scope = "全部机关";
            if (parse.GetValue(agency) is { } code)
            {
                if (await AgencyChoice.FindAsync(database, code, console, ct) is not { } found) return WrongInput;
                agencyId = found.Id;
                scope = found.Name;
            }
            await using var db = database.CreateContext(AgencyScope.All);
            var report = await new AnnualReportQuery(db, services.GetRequiredService<OutcomeCatalog>(), services.GetRequiredService<Domain.Reviews.ReviewResultCatalog>()).RunAsync(y, agencyId, scope, ct);
            byte[] bytes = chosenFormat switch
            {
                "json" => System.Text.Encoding.UTF8.GetBytes(AnnualReportExport.Json(report) + "\n"),
                "xlsx" => AnnualReportExport.Xlsx(report),
                _ => AnnualReportExport.Csv(report),
            };
            if (!await WriteAsync(console, path, bytes, $"{scope}，{y} 年", ct))
                return WrongInput;
            foreach (var problem in report.Problems)
                await console.Error.WriteLineAsync($"注意：{problem.Message}（{problem.CaseCount} 件）");
            return report.Problems.Count > 0 ? Problems : Done;
        });
        var command = new Command("report", "统计报表");
        command.Subcommands.Add(annual);
        command.Subcommands.Add(Deadlines(console, host));
        command.Subcommands.Add(Bench(console, host));
        return command;
    }

    /// <summary>
    /// <c>disclosure report deadlines [--agency CODE] [--from D] [--to D] [--format csv|xlsx] [--out FILE]</c>: the
    /// 时限报表 of one agency (default: the first), as of today in Beijing.
    /// </summary>
    static Command Deadlines(CliConsole console, CliHost host)
    {
        var agency = new Option<string?>("--agency") { Description = "机关代码（默认为第一个机关）", HelpName = "CODE" };
        var from = new Option<DateOnly?>("--from") { Description = "答复日期自（默认为今年1月1日）", HelpName = "YYYY-MM-DD" };
        var to = new Option<DateOnly?>("--to") { Description = "答复日期至（默认为今天）", HelpName = "YYYY-MM-DD" };
        var format = new Option<string>("--format") { Description = "csv 或 xlsx", DefaultValueFactory = _ => "csv", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "输出文件（csv 默认写到标准输出；xlsx 必须指定）", HelpName = "FILE" };
        var command = new Command("deadlines", "时限报表：在办案件的期限情况、答复及时率、办理用时、延期和计时中止") { agency, from, to, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var chosenFormat = parse.GetValue(format)!;
            var path = parse.GetValue(output);
            if (chosenFormat == "xlsx" && path is null)
            {
                await console.Error.WriteLineAsync("--format xlsx 需要用 --out 指定文件");
                return WrongInput;
            }
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            if (await AgencyChoice.FindAsync(database, parse.GetValue(agency), console, ct) is not { } found) return WrongInput;
            var today = ShanghaiTime.Today(TimeProvider.System);
            var filter = new DeadlineFilter(parse.GetValue(from) ?? new DateOnly(today.Year, 1, 1), parse.GetValue(to) ?? today);
            await using var db = database.CreateContext(AgencyScope.For(found.Id));
            var query = new DeadlineReportQuery(db, services.GetRequiredService<WorkflowRegistry>().Newest("application"),
                services.GetRequiredService<CalendarHolder>().Calculator);
            var report = await query.RunAsync(found.Id, filter, today, ct);
            var reviews = await new ReviewDeadlineList(db, services.GetRequiredService<CalendarHolder>(),
                services.GetRequiredService<IOptions<ReviewSettings>>(), TimeProvider.System).OpenAsync(ct);
            var bytes = chosenFormat == "xlsx" ? DeadlineReportExport.Xlsx(report, reviews) : DeadlineReportExport.Csv(report, reviews);
            return await WriteAsync(console, path, bytes, found.Name, ct) ? Done : WrongInput;
        });
        return command;
    }

    /// <summary>
    /// <c>disclosure report bench [--agency CODE] [--year YYYY] [--runs N]</c> (hidden from help): times the annual
    /// report and the 时限报表 on the configured database, each run separately, and prints the figures recorded in
    /// docs/benchmarks.md. Run it from a Release build on a seeded database (<c>disclosure seed --cases 200000</c>).
    /// </summary>
    static Command Bench(CliConsole console, CliHost host)
    {
        var agency = new Option<string?>("--agency") { Description = "机关代码（默认为第一个机关）", HelpName = "CODE" };
        var year = new Option<int?>("--year") { Description = "年度（默认为今年）", HelpName = "YYYY" };
        var runs = new Option<int>("--runs") { Description = "每项运行次数", DefaultValueFactory = _ => 5, HelpName = "N" };
        var command = new Command("bench", "性能基准：年度报告和时限报表的耗时") { agency, year, runs };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            if (await AgencyChoice.FindAsync(database, parse.GetValue(agency), console, ct) is not { } found) return WrongInput;
            var today = ShanghaiTime.Today(TimeProvider.System);
            var y = parse.GetValue(year) ?? today.Year;
            var n = Math.Max(1, parse.GetValue(runs));
            var outcomes = services.GetRequiredService<OutcomeCatalog>();
            var workflow = services.GetRequiredService<WorkflowRegistry>().Newest("application");
            var calendar = services.GetRequiredService<CalendarHolder>().Calculator;
            await using (var db = database.CreateContext(AgencyScope.For(found.Id)))
            {
                var start = new DateOnly(y, 1, 1);
                var end = new DateOnly(y, 12, 31);
                var all = await db.Cases.CountAsync(ct);
                var inYear = await db.Cases.CountAsync(c => c.ReceivedOn >= start && c.ReceivedOn <= end, ct);
                await console.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{found.Code}: {all:N0} cases, {inYear:N0} received in {y}; {Environment.ProcessorCount} cores, .NET {Environment.Version}, {database.GetType().Name}"));
            }
            async Task Time(string what, Func<DisclosureDbContext, Task<string>> run)
            {
                var times = new List<double>();
                string summary = "";
                for (var i = 0; i < n; i++)
                {
                    await using var db = database.CreateContext(AgencyScope.For(found.Id));
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    summary = await run(db);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                var sorted = times.Order().ToList();
                await console.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{what}: runs {string.Join(" ", times.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms; median {sorted[sorted.Count / 2]:0} ms (first run includes warm-up) — {summary}"));
            }
            await Time($"annual report {y}", async db =>
            {
                var r = await new AnnualReportQuery(db, outcomes, services.GetRequiredService<Domain.Reviews.ReviewResultCatalog>()).RunAsync(y, found.Id, found.Name, ct);
                return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"一 {r.Received.Total}, 二 {r.CarriedOver.Total}, 三（七） {r.ResultsTotal.Total}, 四 {r.CarriedForward.Total}, problems {r.Problems.Count}");
            });
            await Time($"deadline dashboard {y}-01-01..{today:yyyy-MM-dd}", async db =>
            {
                var r = await new DeadlineReportQuery(db, workflow, calendar).RunAsync(found.Id, new DeadlineFilter(new DateOnly(y, 1, 1), today), today, ct);
                return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"open {r.OpenByStatus.Sum(s => s.Count)}, replies {r.OnTimeTotal.Replies}, on time {r.OnTimeTotal.Rate}%");
            });
            return Done;
        });
        return command;
    }

    /// <summary>
    /// A report to standard output (as text, without the byte-order mark that spreadsheets want in files) or to a file,
    /// with a Chinese line saying where it went. False when the file cannot be written, after saying why.
    /// </summary>
    static async Task<bool> WriteAsync(CliConsole console, string? path, byte[] bytes, string what, CancellationToken ct)
    {
        if (path is null)
        {
            await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
            return true;
        }
        try
        {
            await File.WriteAllBytesAsync(path, bytes, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{path}: 无法写入：{e.Message}");
            return false;
        }
        await console.Out.WriteLineAsync($"已写入 {path}（{what}）");
        return true;
    }
}
