using System.CommandLine;
using System.Globalization;
using DisclosureCases.Data;
using DisclosureCases.Evidence;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure evidence &lt;case-number-or-id&gt;… [--out FILE] [--agency CODE]</c>: the evidence package (证据清单) of one
/// or several applications of one agency, for a 行政复议 or 行政诉讼 answer (<see cref="EvidencePackage"/>). The build is
/// recorded on each case's record as done by the system on behalf of the operating-system user.
/// Exit codes: 0 done; 2 no such case, an ambiguous number, cases of different agencies, or a file that cannot be written.
/// </summary>
public static class EvidenceVerbs
{
    public const int Done = 0;
    public const int WrongInput = 2;

    public static Command Build(CliConsole console, CliHost host)
    {
        var which = new Argument<string[]>("CASE") { Description = "案件文号（如 静规资信〔2026〕第0017号）或案件编号（数字），可给多件", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "输出的 ZIP 文件（默认为“文号-证据.zip”，在当前目录）", HelpName = "FILE" };
        var agency = new Option<string?>("--agency") { Description = "文号在多个机关重复时，指定机关代码", HelpName = "CODE" };
        var command = new Command("evidence", "生成证据清单 ZIP：申请、登记、各文书（含文号）、送达凭证、期限说明和办理记录摘录，带目录和 SHA256SUMS")
        {
            which, output, agency,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            await using var db = database.CreateContext(AgencyScope.All);
            var chosen = new List<CaseChoice>();
            foreach (var key in parse.GetValue(which)!)
            {
                if (await CaseChoice.FindAsync(database, db, key, parse.GetValue(agency), console, ct) is not { } match) return WrongInput;
                chosen.Add(match);
            }
            if (chosen.Select(c => c.AgencyId).Distinct().Count() > 1)
            {
                await console.Error.WriteLineAsync("这些案件属于不同机关：证据清单只能由一个机关提交，请分别生成");
                return WrongInput;
            }
            var path = parse.GetValue(output);
            if (path is null)
            {
                var first = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == chosen[0].Id, ct);
                path = Cases.CaseFiles.FileName(first, chosen.Count == 1 ? "-证据" : $"等{chosen.Count}件-证据");
            }
            // The file is opened before the build is recorded, so the record never names a package that could not be saved.
            FileStream target;
            try
            {
                target = File.Create(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"{path}: 无法写入：{e.Message}");
                return WrongInput;
            }
            await using (target)
            {
                var actor = new Actor("system", $"系统（命令行，{Environment.UserName}）", chosen[0].AgencyId, ["System"]);
                using var scope = services.CreateScope();
                var package = ActivatorUtilities.CreateInstance<EvidencePackage>(scope.ServiceProvider, db);
                var file = await package.BuildAsync(chosen.Select(c => c.Id).ToList(), actor, ct);
                await target.WriteAsync(file!.Content, ct);
                await console.Out.WriteLineAsync(
                    $"已生成证据清单 {path}（{file.Content.Length.ToString("N0", CultureInfo.InvariantCulture)} 字节，SHA-256 {Cases.CaseFiles.Sha256(file.Content)}；目录见其中的 index.html）");
            }
            return Done;
        });
        return command;
    }
}
