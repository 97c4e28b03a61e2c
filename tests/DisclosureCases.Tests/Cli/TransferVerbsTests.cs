using System.Text.Json;
using System.Text.Json.Nodes;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;
using DisclosureCases.Transfer;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Cli;

/// <summary>
/// <c>disclosure export</c> and <c>disclosure import</c>: 40 demo cases (every state) exported, imported into an empty
/// installation, and compared; and files with a bad line, which must import nothing.
/// </summary>
public class TransferVerbsTests(TransferVerbsTests.Fixture fixture) : IClassFixture<TransferVerbsTests.Fixture>
{
    public sealed class SourceFactory : AppFactory
    {
        protected override int DemoCaseCount => 40;
    }

    public sealed class Fixture : IAsyncLifetime
    {
        readonly string _dir = Path.Combine(Path.GetTempPath(), "disclosure-tests", "jsonl-" + Guid.NewGuid().ToString("N"));

        public SourceFactory Source { get; } = new();
        /// <summary>Receives the round trip.</summary>
        public AppFactory Target { get; } = new();
        /// <summary>Receives only refused imports (and one into the second agency).</summary>
        public AppFactory Fresh { get; } = new();
        public string ExportPath => Path.Combine(_dir, "cases.jsonl");
        public CliOutcome Export { get; private set; } = null!;
        public CliOutcome Import { get; private set; } = null!;

        public string[] Lines => File.ReadAllLines(ExportPath);

        /// <summary>Writes <paramref name="lines"/> to a new file and returns its path.</summary>
        public string Write(string name, IEnumerable<string> lines)
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllLines(path, lines);
            return path;
        }

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_dir);
            Export = await CliHarness.RunAsync(Source, "export", ExportPath);
            Import = await CliHarness.RunAsync(Target, "import", ExportPath);
        }

        public Task DisposeAsync()
        {
            Source.Dispose();
            Target.Dispose();
            Fresh.Dispose();
            Directory.Delete(_dir, recursive: true);
            return Task.CompletedTask;
        }
    }

    static async Task<List<(Case Case, List<CaseEvent> Events)>> CasesAsync(AppFactory factory, string agencyCode = DemoInstallation.PrimaryAgencyCode)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        var cases = await db.Cases.AsNoTracking().Where(c => c.AgencyId == agency.Id).OrderBy(c => c.Id)
            .Include(c => c.ClockEvents).Include(c => c.Documents).Include(c => c.Mailings).AsSplitQuery().ToListAsync();
        var events = (await db.CaseEvents.AsNoTracking().Where(e => e.AgencyId == agency.Id).ToListAsync()).ToLookup(e => e.CaseId);
        return cases.Select(c => (c, events[c.Id].OrderBy(e => e.Sequence).ToList())).ToList();
    }

    /// <summary>The case as the format holds it, without what legitimately changes on import (ids, hashes).</summary>
    static string Comparable(Case c, Agency agency, string? department) =>
        JsonSerializer.Serialize(TransferredCase.From(c, agency, department, []) is var r ? Strip(r) : null, TransferredCase.Json);

    static TransferredCase Strip(TransferredCase r)
    {
        r.Source = null;
        r.Audit = null;
        return r;
    }

    static object EventFields(CaseEvent e) => (e.Sequence, e.At, e.ActorId, e.ActorName, e.Kind, e.Trigger, e.FromState, e.ToState, e.Summary, e.Data);

    [Fact]
    public void Export_writes_one_line_per_case_in_the_documented_format()
    {
        fixture.Export.ExitCode.ShouldBe(0, fixture.Export.Error);
        fixture.Export.Out.ShouldContain("已导出 40 件案件");
        var lines = fixture.Lines;
        lines.Length.ShouldBe(40);
        var first = JsonNode.Parse(lines[0])!;
        first["format"]!.GetValue<string>().ShouldBe("disclosure-case/1");
        first["source"]!["agency"]!.GetValue<string>().ShouldBe(DemoInstallation.PrimaryAgencyCode);
        first["applicant"]!["kind"]!.GetValue<string>().ShouldBeOneOf("NaturalPerson", "Organization");
        first["audit"]!["events"]!.AsArray().Count.ShouldBe(first["audit"]!["count"]!.GetValue<int>());
        lines.ShouldAllBe(l => !l.Contains("\\u0022"), "quotes inside data are written as \\\" in a data file");
    }

    [Fact]
    public async Task Export_to_a_dash_writes_the_same_lines_to_standard_output()
    {
        var result = await CliHarness.RunAsync(fixture.Source, "export", "-");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(fixture.Lines);
    }

    [Fact]
    public async Task Round_trip_into_an_empty_installation_gives_the_same_cases_with_the_same_history()
    {
        fixture.Import.ExitCode.ShouldBe(0, fixture.Import.Error);
        fixture.Import.Out.ShouldContain("已导入 40 件案件");
        var source = await CasesAsync(fixture.Source);
        var target = await CasesAsync(fixture.Target);
        target.Count.ShouldBe(source.Count);

        await using var sdb = fixture.Source.Database.CreateContext(AgencyScope.All);
        await using var tdb = fixture.Target.Database.CreateContext(AgencyScope.All);
        var sAgency = await sdb.Agencies.SingleAsync(a => a.Code == DemoInstallation.PrimaryAgencyCode);
        var tAgency = await tdb.Agencies.SingleAsync(a => a.Code == DemoInstallation.PrimaryAgencyCode);
        var sDepartments = await sdb.Departments.ToDictionaryAsync(d => d.Id, d => d.Name);
        var tDepartments = await tdb.Departments.ToDictionaryAsync(d => d.Id, d => d.Name);
        for (var i = 0; i < source.Count; i++)
        {
            var (s, sEvents) = source[i];
            var (t, tEvents) = target[i];
            Comparable(t, tAgency, t.DepartmentId is { } td ? tDepartments[td] : null)
                .ShouldBe(Comparable(s, sAgency, s.DepartmentId is { } sd ? sDepartments[sd] : null), $"case {s.CaseNumber ?? "#" + s.Id}");
            (t.NextDue, t.NextDueKey, t.ReplyDue).ShouldBe((s.NextDue, s.NextDueKey, s.ReplyDue));
            if (s.HandlerName is not null)
                t.HandlerId.ShouldNotBeNull("the demo clerk exists in the target too, by the same name");

            // The history is kept event for event, then one 'imported' event says where it came from.
            tEvents.Count.ShouldBe(sEvents.Count + 1);
            tEvents.Take(sEvents.Count).Select(EventFields).ShouldBe(sEvents.Select(EventFields));
            var imported = tEvents[^1];
            imported.Kind.ShouldBe(CaseEventKinds.Imported);
            imported.Data.ShouldContain($"\"caseId\":{s.Id}");
            imported.Data.ShouldContain(s.AuditHead);
        }
    }

    [Fact]
    public async Task Audit_verify_passes_after_the_import()
    {
        var verify = await CliHarness.RunAsync(fixture.Target, "audit", "verify");
        verify.ExitCode.ShouldBe(0, verify.Out);
        verify.Out.ShouldContain("已校验 40 件案件");
    }

    [Fact]
    public async Task Imported_case_numbers_are_never_issued_again()
    {
        await using var db = fixture.Target.Database.CreateContext(AgencyScope.All);
        var numbers = await db.Cases.Where(c => c.CaseNumber != null).Select(c => c.CaseNumber!).ToListAsync();
        var highest = numbers.Select(n => CaseNumbersOf(n)).Max();
        var counter = await db.CaseNumberCounters.SingleAsync(c => c.Year == highest.Year);
        counter.Last.ShouldBe(highest.Sequence);

        static (int Year, int Sequence) CaseNumbersOf(string number) =>
            DisclosureCases.Cases.CaseNumbers.TryParse("静规资信〔{year}〕第{seq:0000}号", number, out var year, out var seq) ? (year, seq) : (0, 0);
    }

    [Fact]
    public async Task A_file_with_one_bad_line_is_refused_naming_the_line_and_nothing_is_imported()
    {
        var lines = fixture.Lines;
        var bad = JsonNode.Parse(lines[2])!;
        var id = bad["applicant"]!["idNumber"]!.GetValue<string>();
        bad["applicant"]!["idNumber"] = id[..17] + (id[17] == '0' ? '1' : '0'); // a wrong check character
        lines[2] = bad.ToJsonString(TransferredCase.Json);
        var path = fixture.Write("one-bad-line.jsonl", lines);

        var result = await CliHarness.RunAsync(fixture.Fresh, "import", path);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{path}:3: applicant.idNumber: ") && l.Contains("校验位"));
        result.ErrorLines.Where(l => l.StartsWith(path + ":") && !l.StartsWith(path + ":3:") && !l.StartsWith(path + ": ")).ShouldBeEmpty();
        result.Error.ShouldContain("共 40 行，其中 1 行有误，未导入任何案件");
        (await CasesAsync(fixture.Fresh)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_edited_audit_event_fails_the_chain_check_of_its_line()
    {
        var lines = fixture.Lines;
        var edited = JsonNode.Parse(lines[5])!;
        edited["audit"]!["events"]![0]!["summary"] = "接收申请（事后改过）";
        lines[5] = edited.ToJsonString(TransferredCase.Json);
        var path = fixture.Write("edited-event.jsonl", lines);

        var result = await CliHarness.RunAsync(fixture.Fresh, "import", path);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldContain($"{path}:6: audit.events: 审计链校验不通过：事件 1 的内容已被改动（哈希不符）（文件中的事件与导出时不一致）");
        (await CasesAsync(fixture.Fresh)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_states_outcomes_fields_and_enum_names_are_each_reported()
    {
        var lines = fixture.Lines.Take(4).ToArray();
        var a = JsonNode.Parse(lines[0])!;
        a["state"] = "lost";
        a["outcome"] = "maybe";
        lines[0] = a.ToJsonString(TransferredCase.Json);
        var b = JsonNode.Parse(lines[1])!;
        b["channel"] = "Pigeon";
        lines[1] = b.ToJsonString(TransferredCase.Json);
        var c = JsonNode.Parse(lines[2])!;
        c["applicantt"] = "typo";
        lines[2] = c.ToJsonString(TransferredCase.Json);
        lines[3] = "{\"format\": \"disclosure-case/1\", oops";
        var path = fixture.Write("several.jsonl", lines);

        var result = await CliHarness.RunAsync(fixture.Fresh, "import", path);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{path}:1: state: 「lost」不是流程「application」第1版的状态"));
        result.ErrorLines.ShouldContain($"{path}:1: outcome: 「maybe」不是 workflows/outcomes.yaml 中的答复结果");
        result.ErrorLines.ShouldContain($"{path}:2: channel: 不在可选范围内：应为 InPerson、RegisteredMail、OrdinaryMail、Online、Fax、Email 之一");
        result.ErrorLines.ShouldContain($"{path}:3: applicantt: 格式中没有这个字段（字段名区分大小写，见 docs/jsonl-format.md）");
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{path}:4: (行): 不是有效的 JSON 对象"));
    }

    [Fact]
    public async Task Agency_option_imports_into_the_named_agency_and_says_which_handlers_were_not_found()
    {
        // The second demo agency has other departments and no 王晓梅: drop the departments, keep the handler names.
        var lines = fixture.Lines.Take(5).Select(l =>
        {
            var node = JsonNode.Parse(l)!;
            node["request"]!.AsObject().Remove("department");
            return node.ToJsonString(TransferredCase.Json);
        });
        var path = fixture.Write("to-second-agency.jsonl", lines);

        var result = await CliHarness.RunAsync(fixture.Fresh, "import", path, "--agency", DemoInstallation.SecondAgencyCode);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("已导入 5 件案件");
        var imported = await CasesAsync(fixture.Fresh, DemoInstallation.SecondAgencyCode);
        imported.Count.ShouldBe(5);
        imported.ShouldContain(c => c.Case.HandlerName == "王晓梅");
        imported.ShouldAllBe(c => c.Case.HandlerId == null);
        result.Out.ShouldContain("承办人「王晓梅」不是本机关的用户，已只保留姓名");
    }

    [Fact]
    public async Task Importing_the_same_file_twice_is_refused_because_the_case_numbers_exist()
    {
        var result = await CliHarness.RunAsync(fixture.Target, "import", fixture.ExportPath);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("已有文号为「");
        (await CasesAsync(fixture.Target)).Count.ShouldBe(40);
    }
}
