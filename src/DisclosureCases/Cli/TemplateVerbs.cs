using System.CommandLine;
using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure templates …</c>: the letter template library.
/// <code>
/// disclosure templates check [--dir DIR]                   → file:line: problem, one a line; exit 1 on any
/// disclosure templates render ID [--outcome CODE] --html FILE [--docx FILE]   (sample data, for a look at the layout)
/// </code>
/// Exit codes: 0 done; 1 a template or data file has errors (printed as file:line); 2 a wrong argument.
/// </summary>
public static class TemplateVerbs
{
    public const int Done = 0;
    public const int TemplatesHaveErrors = 1;
    public const int WrongInput = 2;

    public static Command Build(CliConsole console)
    {
        var directory = new Option<string?>("--dir")
        {
            Description = "模板目录（默认为 templates，可用环境变量 Paths__Root 指定根目录）；须含 catalog.yaml",
            HelpName = "DIR",
            Recursive = true,
        };
        var outcomesFile = new Option<string?>("--outcomes")
        {
            Description = "答复结果定义文件（默认为 workflows/outcomes.yaml）",
            HelpName = "FILE",
            Recursive = true,
        };
        var templates = new Command("templates", "文书模板库：检查与预览");
        templates.Options.Add(directory);
        templates.Options.Add(outcomesFile);
        templates.Subcommands.Add(CheckCommand(console, directory, outcomesFile));
        templates.Subcommands.Add(RenderCommand(console, directory, outcomesFile));
        return templates;
    }

    static Command CheckCommand(CliConsole console, Option<string?> directory, Option<string?> outcomesFile)
    {
        var command = new Command("check", "按《政府信息公开条例》和 DOMAIN.md §5 检查每个模板的必备要素；逐行输出“文件:行: 问题”，有问题时退出码为 1");
        command.SetAction(parse =>
        {
            if (Load(parse, directory, outcomesFile, console) is not var (dir, documents, outcomes)) return TemplatesHaveErrors;
            var errors = new TemplateLinter(documents, outcomes).CheckDirectory(dir);
            foreach (var error in errors)
                console.Out.WriteLine(error);
            var count = TemplateLibrary.Files(dir).Count;
            if (errors.Count > 0)
            {
                console.Error.WriteLine($"模板检查未通过：{errors.Count} 个问题（共 {count} 个模板）");
                return TemplatesHaveErrors;
            }
            console.Out.WriteLine($"模板检查通过：{count} 个模板，{outcomes.Outcomes.Count} 种答复结果均有答复模板");
            return Done;
        });
        return command;
    }

    static Command RenderCommand(CliConsole console, Option<string?> directory, Option<string?> outcomesFile)
    {
        var id = new Argument<string>("id") { Description = "模板编号（文件名），如 reply-withhold-third-party" };
        var outcome = new Option<string?>("--outcome") { Description = "答复结果代码（模板服务多个结果时必填）", HelpName = "CODE" };
        var html = new Option<string?>("--html") { Description = "输出 HTML 文件", HelpName = "FILE" };
        var docx = new Option<string?>("--docx") { Description = "输出 DOCX 文件", HelpName = "FILE" };
        var command = new Command("render", "用示例数据生成文书预览（HTML/DOCX），空白的填写项显示为【提示】") { id, outcome, html, docx };
        command.SetAction(parse =>
        {
            if (parse.GetValue(html) is null && parse.GetValue(docx) is null)
            {
                console.Error.WriteLine("须给出 --html 或 --docx");
                return WrongInput;
            }
            if (Load(parse, directory, outcomesFile, console) is not var (dir, _, outcomes)) return TemplatesHaveErrors;
            TemplateLibrary library;
            try
            {
                library = TemplateLibrary.Load(dir);
            }
            catch (DataFileException e)
            {
                foreach (var error in e.Errors) console.Error.WriteLine(error);
                return TemplatesHaveErrors;
            }
            if (library.Find(parse.GetValue(id)!) is not { } template)
            {
                console.Error.WriteLine($"没有模板“{parse.GetValue(id)}”（{dir}）");
                return WrongInput;
            }
            var code = parse.GetValue(outcome) ?? (template.Outcomes.Count == 1 ? template.Outcomes[0] : null);
            if (template.Outcomes.Count > 1 && code is null)
            {
                console.Error.WriteLine($"模板“{template.Id}”服务多种答复结果，须用 --outcome 指定：{string.Join("、", template.Outcomes)}");
                return WrongInput;
            }
            Outcome? chosen = null;
            if (code is not null && (chosen = outcomes.Find(code)) is null)
            {
                console.Error.WriteLine($"没有答复结果“{code}”（{outcomes.SourceName}）");
                return WrongInput;
            }
            RenderedLetter letter;
            try
            {
                letter = LetterRenderer.Render(template, SampleLetterData.For(chosen));
            }
            catch (LetterRenderException e)
            {
                console.Error.WriteLine($"{template.SourceName}:{template.BodyLine}: {e.Message}");
                return TemplatesHaveErrors;
            }
            if (parse.GetValue(html) is { } htmlPath) File.WriteAllBytes(htmlPath, letter.HtmlBytes());
            if (parse.GetValue(docx) is { } docxPath) File.WriteAllBytes(docxPath, letter.Docx());
            foreach (var slot in letter.Slots.Where(s => s.IsMissing))
                console.Out.WriteLine($"待填写：{slot.Name}（{slot.Label}）");
            return Done;
        });
        return command;
    }

    /// <summary>The template folder and the two catalogs the linter checks against; on a data error prints file:line and returns null.</summary>
    static (string Directory, DocumentCatalog Documents, OutcomeCatalog Outcomes)? Load(
        ParseResult parse, Option<string?> directory, Option<string?> outcomesFile, CliConsole console)
    {
        try
        {
            var paths = parse.GetValue(directory) is null || parse.GetValue(outcomesFile) is null
                ? AppPaths.Discover(Environment.GetEnvironmentVariable("Paths__Root"))
                : null;
            var dir = parse.GetValue(directory) ?? paths!.Templates;
            var documents = DocumentCatalog.Load(Path.Combine(dir, "catalog.yaml"));
            var outcomes = OutcomeCatalog.Load(parse.GetValue(outcomesFile) ?? Path.Combine(paths!.Workflows, "outcomes.yaml"));
            return (dir, documents, outcomes);
        }
        catch (DataFileException e)
        {
            foreach (var error in e.Errors) console.Out.WriteLine(error);
            return null;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            console.Error.WriteLine(e.Message);
            return null;
        }
    }
}
