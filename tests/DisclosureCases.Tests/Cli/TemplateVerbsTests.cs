using DisclosureCases.Cli;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Cli;

/// <summary>`disclosure templates …` run in-process.</summary>
public sealed class TemplateVerbsTests : IDisposable
{
    readonly string copy = Path.Combine(Path.GetTempPath(), "templates-test-" + Guid.NewGuid().ToString("N"), "templates");

    public TemplateVerbsTests()
    {
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Templates))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);

    static async Task<(int ExitCode, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await CommandLine.RunAsync(args, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    string Outcomes => Path.Combine(RepoPaths.Workflows, "outcomes.yaml");

    [Fact]
    public void Templates_is_a_verb_of_the_command_line() => CommandLine.Handles(["templates", "check"]).ShouldBeTrue();

    [Fact]
    public async Task Check_passes_on_the_checkouts_templates_with_exit_code_0()
    {
        var (code, output, error) = await Run("templates", "check", "--dir", RepoPaths.Templates, "--outcomes", Outcomes);
        code.ShouldBe(0);
        error.ShouldBeEmpty();
        output.ShouldStartWith("模板检查通过：");
    }

    [Fact]
    public async Task Check_prints_file_line_problem_and_exits_with_1_when_a_template_lacks_its_remedies_clause()
    {
        var path = Path.Combine(copy, "reply-withhold-process.hbs");
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l == "{{#remedies}}");
        lines.RemoveRange(start, 3);
        File.WriteAllLines(path, lines);

        var (code, output, error) = await Run("templates", "check", "--dir", copy, "--outcomes", Outcomes);

        code.ShouldBe(1);
        output.ShouldStartWith("templates/reply-withhold-process.hbs:8: missing element {{#remedies}} 救济途径 (outcome 'withhold-process')");
        error.ShouldBe("模板检查未通过：1 个问题（共 34 个模板）\n");
    }

    [Fact]
    public async Task Check_reports_a_missing_reply_template_against_the_outcome()
    {
        File.Delete(Path.Combine(copy, "reply-disclose.hbs"));
        var (code, output, _) = await Run("templates", "check", "--dir", copy, "--outcomes", Outcomes);
        code.ShouldBe(1);
        output.ShouldMatch(@"^workflows/outcomes\.yaml:\d+: outcome 'disclose' has no reply template \(add templates/reply-disclose\.hbs\)\n$");
    }

    [Fact]
    public async Task Render_writes_a_preview_and_lists_the_slots_still_to_fill()
    {
        var html = Path.Combine(copy, "preview.html");
        var docx = Path.Combine(copy, "preview.docx");
        var (code, output, _) = await Run("templates", "render", "reply-withhold-third-party", "--dir", copy, "--outcomes", Outcomes, "--html", html, "--docx", docx);
        code.ShouldBe(0);
        output.ShouldBe("待填写：reasons（不予公开的理由（涉及的第三方合法权益，征求第三方意见的情况））\n");
        File.ReadAllText(html).ShouldContain("政府信息公开申请答复书");
        new FileInfo(docx).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Render_asks_which_outcome_when_a_template_serves_several()
    {
        var (code, _, error) = await Run("templates", "render", "no-further-processing", "--dir", copy, "--outcomes", Outcomes, "--html", Path.Combine(copy, "x.html"));
        code.ShouldBe(2);
        error.ShouldBe("模板“no-further-processing”服务多种答复结果，须用 --outcome 指定：other-no-correction、other-unpaid-fee\n");
    }
}
