using System.Text.Json;
using System.Text.Json.Nodes;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Similarity;
using DisclosureCases.Tests.Support;
using DisclosureCases.Transfer;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Cli;

/// <summary>
/// <c>disclosure export</c> and <c>disclosure import</c>: 40 demo cases (every state) exported, imported into an empty
/// installation, and compared; and files with a bad line, which must import nothing. Before the export a 法制审核人员
/// marks two closed cases 典型案例 — one marked, withdrawn and marked again, one withdrawn — so their marks travel too.
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

        /// <summary>The source case whose mark is in force (after a withdrawn one), and the one whose only mark was withdrawn.</summary>
        public Case Marked { get; private set; } = null!;
        public Case Withdrawn { get; private set; } = null!;
        public const string FirstNote = "申请人要求公开的审批材料中含有第三方个人信息，隐去后部分公开（条例第十五条、第三十七条）";
        public const string Note = "同类申请一律依条例第三十七条区分处理：许可证及附图公开，个人信息隐去后提供";

        /// <summary>The line of <paramref name="c"/> in the export (0-based).</summary>
        public int LineOf(Case c) => Array.FindIndex(Lines, l => JsonNode.Parse(l)!["source"]!["caseId"]!.GetValue<int>() == c.Id);

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
            await MarkTypicalAsync();
            Export = await CliHarness.RunAsync(Source, "export", ExportPath);
            Import = await CliHarness.RunAsync(Target, "import", ExportPath);
        }

        /// <summary>Marks two closed cases past the first five lines (which another test imports into the second agency).</summary>
        async Task MarkTypicalAsync()
        {
            var reviewer = await new CaseMaker(Source).ActorAsync("reviewer");
            await using var db = Source.Database.CreateContext(AgencyScope.For(reviewer.AgencyId));
            var fifth = await db.Cases.OrderBy(c => c.Id).Skip(4).Select(c => c.Id).FirstAsync();
            var closed = await db.Cases.Where(c => c.Id > fifth && (c.Archived || c.ClosedOn != null))
                .Where(c => !db.TypicalCases.Any(t => t.CaseId == c.Id)).OrderBy(c => c.Id).Take(2).ToListAsync();
            closed.Count.ShouldBe(2, "the demo cases include closed ones");
            (Marked, Withdrawn) = (closed[0], closed[1]);
            var typical = new TypicalCases(db, TimeProvider.System);
            (await typical.MarkAsync(Marked.Id, FirstNote, reviewer, default)).ShouldBeOfType<TypicalResult.Done>();
            (await typical.WithdrawAsync(Marked.Id, "口径已调整", reviewer, default)).ShouldBeOfType<TypicalResult.Done>();
            (await typical.MarkAsync(Marked.Id, Note, reviewer, default)).ShouldBeOfType<TypicalResult.Done>();
            (await typical.MarkAsync(Withdrawn.Id, FirstNote, reviewer, default)).ShouldBeOfType<TypicalResult.Done>();
            (await typical.WithdrawAsync(Withdrawn.Id, "不具有代表性", reviewer, default)).ShouldBeOfType<TypicalResult.Done>();
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
        JsonSerializer.Serialize(TransferredCase.From(c, agency, department, [], []) is var r ? Strip(r) : null, TransferredCase.Json);

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

    sealed record Mark(string? CaseNumber, string Note, string MarkedById, string MarkedBy, DateTimeOffset MarkedAt, string? WithdrawnBy,
        DateTimeOffset? WithdrawnAt, string? Reason);

    /// <summary>The agency's 典型案例 marks by case number, oldest first.</summary>
    static async Task<List<Mark>> MarksAsync(
        AppFactory factory, string agencyCode = DemoInstallation.PrimaryAgencyCode)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        var rows = await (from t in db.TypicalCases
                          join c in db.Cases on t.CaseId equals c.Id
                          where t.AgencyId == agency.Id
                          select new { c.CaseNumber, t.Id, t.Note, t.MarkedById, t.MarkedByName, t.MarkedAt, t.WithdrawnByName, t.WithdrawnAt, t.WithdrawnReason })
            .ToListAsync();
        return rows.OrderBy(r => r.CaseNumber).ThenBy(r => r.MarkedAt).ThenBy(r => r.Id)
            .Select(r => new Mark(r.CaseNumber, r.Note, r.MarkedById, r.MarkedByName, r.MarkedAt, r.WithdrawnByName, r.WithdrawnAt, r.WithdrawnReason)).ToList();
    }

    [Fact]
    public void Export_writes_every_typical_mark_of_a_case_oldest_first_and_leaves_the_field_out_without_marks()
    {
        var marked = JsonNode.Parse(fixture.Lines[fixture.LineOf(fixture.Marked)])!["typical"]!.AsArray();
        marked.Count.ShouldBe(2);
        marked[0]!["note"]!.GetValue<string>().ShouldBe(Fixture.FirstNote);
        marked[0]!["markedBy"]!.GetValue<string>().ShouldBe("陈立新");
        marked[0]!["withdrawnReason"]!.GetValue<string>().ShouldBe("口径已调整");
        marked[1]!["note"]!.GetValue<string>().ShouldBe(Fixture.Note);
        marked[1]!.AsObject().ContainsKey("withdrawnAt").ShouldBeFalse("the second mark is in force");
        fixture.Lines.ShouldContain(l => !l.Contains("\"typical\":"), "a case never marked has no typical field");
    }

    [Fact]
    public async Task Round_trip_keeps_every_typical_mark_with_its_note_and_the_active_one_is_typical_in_the_new_installation()
    {
        fixture.Import.ExitCode.ShouldBe(0, fixture.Import.Error);
        var source = await MarksAsync(fixture.Source);
        var target = await MarksAsync(fixture.Target);
        source.Count(m => m.CaseNumber == fixture.Marked.CaseNumber).ShouldBe(2);
        target.ShouldBe(source.Select(m => m with { MarkedById = "" }).ToList(), "the same marks, named but not linked to this system's users");

        await using var db = fixture.Target.Database.CreateContext(AgencyScope.All);
        var agency = await db.Agencies.SingleAsync(a => a.Code == DemoInstallation.PrimaryAgencyCode);
        var marked = await db.Cases.SingleAsync(c => c.AgencyId == agency.Id && c.CaseNumber == fixture.Marked.CaseNumber);
        var withdrawn = await db.Cases.SingleAsync(c => c.AgencyId == agency.Id && c.CaseNumber == fixture.Withdrawn.CaseNumber);

        var reviewer = await fixture.Target.SignInAsync("reviewer");
        var library = await reviewer.GetStringAsync("/Typical");
        library.ShouldContain($"/Cases/{marked.Id}\"");
        library.ShouldContain(Fixture.Note);
        library.ShouldNotContain($"/Cases/{withdrawn.Id}\"");

        await using var scoped = fixture.Target.Database.CreateContext(AgencyScope.For(agency.Id));
        var found = await SimilarCases.FindAsync(scoped, new SimilarQuery(marked.Description), DateOnly.FromDateTime(DateTime.UtcNow), default);
        found[0].CaseId.ShouldBe(marked.Id);
        found[0].TypicalNote.ShouldBe(Fixture.Note);
        found.ShouldNotContain(f => f.CaseId == withdrawn.Id && f.Typical);

        var second = await db.Agencies.SingleAsync(a => a.Code == DemoInstallation.SecondAgencyCode);
        await using var other = fixture.Target.Database.CreateContext(AgencyScope.For(second.Id));
        (await SimilarCases.FindAsync(other, new SimilarQuery(marked.Description), DateOnly.FromDateTime(DateTime.UtcNow), default))
            .ShouldNotContain(f => f.CaseId == marked.Id, "another agency does not see the mark or the case");
    }

    [Fact]
    public async Task Bad_typical_marks_are_refused_naming_the_field_and_nothing_is_imported()
    {
        var lines = fixture.Lines;
        var markedLine = fixture.LineOf(fixture.Marked);
        var a = JsonNode.Parse(lines[markedLine])!;
        a["typical"]![0]!["note"] = " ";
        a["typical"]![0]!.AsObject().Remove("withdrawnAt"); // withdrawn by and why, but not when: and so two marks in force
        lines[markedLine] = a.ToJsonString(TransferredCase.Json);

        var withdrawnLine = fixture.LineOf(fixture.Withdrawn);
        var b = JsonNode.Parse(lines[withdrawnLine])!;
        var markedAt = b["typical"]![0]!["markedAt"]!.GetValue<DateTimeOffset>();
        b["typical"]![0]!["withdrawnAt"] = markedAt.AddDays(-1);
        b["typical"]![0]!["note"] = new string('口', TypicalCases.NoteLength + 1);
        lines[withdrawnLine] = b.ToJsonString(TransferredCase.Json);

        var openLine = Array.FindIndex(lines, l => JsonNode.Parse(l) is { } n && !n["archived"]!.GetValue<bool>() && n["closedOn"] is null);
        var c = JsonNode.Parse(lines[openLine])!;
        c["typical"] = new JsonArray(new JsonObject { ["note"] = "口径", ["markedBy"] = "陈立新", ["markedAt"] = "2026-03-02T01:00:00+00:00" });
        lines[openLine] = c.ToJsonString(TransferredCase.Json);
        var path = fixture.Write("bad-typical.jsonl", lines);

        var result = await CliHarness.RunAsync(fixture.Fresh, "import", path);

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.ShouldContain($"{path}:{markedLine + 1}: typical[0].note: 为必填项（答复口径）");
        result.ErrorLines.ShouldContain($"{path}:{markedLine + 1}: typical[0].withdrawnAt: 撤销的标记应同时有 withdrawnBy、withdrawnAt 和 withdrawnReason");
        result.ErrorLines.ShouldContain($"{path}:{markedLine + 1}: typical: 至多一条未撤销的标记，现有2条（typical[0]、typical[1]）");
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{path}:{withdrawnLine + 1}: typical[0].withdrawnAt: 撤销时间 ") && l.Contains("早于标记时间"));
        result.ErrorLines.ShouldContain($"{path}:{withdrawnLine + 1}: typical[0].note: 不能超过{TypicalCases.NoteLength}个字符（现为{TypicalCases.NoteLength + 1}个）");
        result.ErrorLines.ShouldContain(l => l.StartsWith($"{path}:{openLine + 1}: typical[0]: 只有已办结的案件"));
        result.Error.ShouldContain("共 40 行，其中 3 行有误，未导入任何案件");
        (await CasesAsync(fixture.Fresh)).ShouldBeEmpty();
        (await MarksAsync(fixture.Fresh)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_written_before_marks_travelled_still_imports_without_marks()
    {
        // The marked cases' lines as an older export wrote them: no typical field.
        var lines = new[] { fixture.LineOf(fixture.Marked), fixture.LineOf(fixture.Withdrawn) }.Select(i =>
        {
            var node = JsonNode.Parse(fixture.Lines[i])!;
            node.AsObject().Remove("typical").ShouldBeTrue();
            return node.ToJsonString(TransferredCase.Json);
        });
        var path = fixture.Write("before-marks.jsonl", lines);
        using var empty = new AppFactory();

        var result = await CliHarness.RunAsync(empty, "import", path);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("已导入 2 件案件");
        (await CasesAsync(empty)).Select(c => c.Case.CaseNumber).ShouldBe([fixture.Marked.CaseNumber, fixture.Withdrawn.CaseNumber]);
        (await MarksAsync(empty)).ShouldBeEmpty();
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
