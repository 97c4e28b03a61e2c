using System.CommandLine;
using DisclosureCases.Data;
using DisclosureCases.Transfer;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure export FILE.jsonl [--agency CODE]</c> and <c>disclosure import FILE.jsonl [--agency CODE]</c>: cases
/// as JSON Lines, one case a line (docs/jsonl-format.md). Import checks every line first and imports nothing when any
/// is wrong, listing the problems as <c>FILE:LINE: field: problem</c> on standard error.
/// Exit codes: 0 done; 2 a bad line, an unknown agency or a file that cannot be read or written.
/// </summary>
public static class TransferVerbs
{
    public const int Done = 0;
    public const int WrongInput = 2;

    public static IEnumerable<Command> Build(CliConsole console, CliHost host) => [Export(console, host), Import(console, host)];

    static Command Export(CliConsole console, CliHost host)
    {
        var file = new Argument<string>("FILE") { Description = "输出文件（JSONL，一行一件案件）；“-”表示标准输出" };
        var agency = new Option<string?>("--agency") { Description = "只导出该机关的案件（默认导出全部机关）", HelpName = "CODE" };
        var command = new Command("export", "把案件导出为 JSONL 文件（含申请人、申请内容、计时事件、文书、邮寄和完整审计事件）") { file, agency };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            int? agencyId = null;
            if (parse.GetValue(agency) is { } code)
            {
                if (await AgencyChoice.FindAsync(database, code, console, ct) is not { } found) return WrongInput;
                agencyId = found.Id;
            }
            var path = parse.GetValue(file)!;
            var export = services.GetRequiredService<JsonlExport>();
            if (path == "-")
            {
                await export.ExportAsync(console.Out, agencyId, ct);
                return Done;
            }
            int written;
            try
            {
                await using var output = new StreamWriter(path, append: false, JsonlExport.Encoding);
                written = await export.ExportAsync(output, agencyId, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"{path}: 无法写入：{e.Message}");
                return WrongInput;
            }
            await console.Out.WriteLineAsync($"已导出 {written} 件案件到 {path}");
            return Done;
        });
        return command;
    }

    static Command Import(CliConsole console, CliHost host)
    {
        var file = new Argument<string>("FILE") { Description = "JSONL 文件，格式见 docs/jsonl-format.md" };
        var agency = new Option<string?>("--agency") { Description = "全部导入到该机关（默认按每行 source.agency 的机关代码）", HelpName = "CODE" };
        var command = new Command("import", "从 JSONL 文件导入案件：先逐行校验，任何一行有误则不导入，并按“文件:行: 字段: 问题”列出") { file, agency };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync($"{path}: 文件不存在");
                return WrongInput;
            }
            await using var services = await host.ServicesAsync(ct);
            ImportResult result;
            try
            {
                result = await services.GetRequiredService<JsonlImport>().ImportAsync(path, path, parse.GetValue(agency), console.Error, ct);
            }
            catch (InvalidDataException e)
            {
                await console.Error.WriteLineAsync($"{path}: {e.Message}");
                return WrongInput;
            }
            if (result.Refused) return WrongInput;
            foreach (var note in result.Notes)
                await console.Out.WriteLineAsync($"注意：{note}");
            await console.Out.WriteLineAsync($"已导入 {result.Imported} 件案件（{path}）");
            return Done;
        });
        return command;
    }
}
