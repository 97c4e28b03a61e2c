using System.CommandLine;
using DisclosureCases.Data;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Reports;

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
            var report = await new AnnualReportQuery(db, services.GetRequiredService<OutcomeCatalog>()).RunAsync(y, agencyId, scope, ct);
            byte[] bytes = chosenFormat switch
            {
                "json" => System.Text.Encoding.UTF8.GetBytes(AnnualReportExport.Json(report) + "\n"),
                "xlsx" => AnnualReportExport.Xlsx(report),
                _ => AnnualReportExport.Csv(report),
            };
            if (path is null)
                await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
            else
            {
                try
                {
                    await File.WriteAllBytesAsync(path, bytes, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await console.Error.WriteLineAsync($"{path}: 无法写入：{e.Message}");
                    return WrongInput;
                }
                await console.Out.WriteLineAsync($"已写入 {path}（{scope}，{y} 年）");
            }
            foreach (var problem in report.Problems)
                await console.Error.WriteLineAsync($"注意：{problem.Message}（{problem.CaseCount} 件）");
            return report.Problems.Count > 0 ? Problems : Done;
        });
        var command = new Command("report", "统计报表");
        command.Subcommands.Add(annual);
        return command;
    }
}
