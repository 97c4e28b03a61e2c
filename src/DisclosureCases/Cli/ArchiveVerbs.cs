using System.CommandLine;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure archive export &lt;case-number-or-id&gt; [--out FILE] [--agency CODE]</c>: the case file (案卷) as a ZIP
/// with a SHA-256 manifest (<see cref="ArchiveExport"/>). The export is recorded in the case's audit trail as done by
/// the system on behalf of the operating-system user.
/// Exit codes: 0 done; 2 no such case, an ambiguous number, or a file that cannot be written.
/// </summary>
public static class ArchiveVerbs
{
    public const int Done = 0;
    public const int WrongInput = 2;

    public static Command Build(CliConsole console, CliHost host)
    {
        var which = new Argument<string>("CASE") { Description = "案件文号（如 静规资信〔2026〕第0017号）或案件编号（数字）" };
        var output = new Option<string?>("--out") { Description = "输出的 ZIP 文件（默认为“文号.zip”，在当前目录）", HelpName = "FILE" };
        var agency = new Option<string?>("--agency") { Description = "文号在多个机关重复时，指定机关代码", HelpName = "CODE" };
        var export = new Command("export", "导出案卷 ZIP：案件数据、全部审计事件、文书清单、期限说明和带 SHA-256 的清单") { which, output, agency };
        export.SetAction(async (parse, ct) =>
        {
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            await using var db = database.CreateContext(AgencyScope.All);
            if (await CaseChoice.FindAsync(database, db, parse.GetValue(which)!, parse.GetValue(agency), console, ct) is not { } match)
                return WrongInput;
            var path = parse.GetValue(output)
                ?? ArchiveExport.FileName(await db.Cases.AsNoTracking().SingleAsync(c => c.Id == match.Id, ct));
            // The file is opened before the export is recorded, so the audit trail never names an export that could not be saved.
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
                var actor = new Actor("system", $"系统（命令行，{Environment.UserName}）", match.AgencyId, ["System"]);
                using var scope = services.CreateScope();
                var archive = ActivatorUtilities.CreateInstance<ArchiveExport>(scope.ServiceProvider, db);
                var file = await archive.ExportAsync(match.Id, actor, ct);
                await target.WriteAsync(file!.Content, ct);
                await console.Out.WriteLineAsync(
                    $"已导出案卷到 {path}（{file.Content.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} 字节；各文件的 SHA-256 见其中的 manifest.json）");
            }
            return Done;
        });
        var archiveCommand = new Command("archive", "案卷");
        archiveCommand.Subcommands.Add(export);
        return archiveCommand;
    }
}
