using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Cli;
using DisclosureCases.Tests.Support;
using DisclosureCases.Transfer;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Cases;

/// <summary>案卷导出: the ZIP of a case file, from the case page's link and from the command line.</summary>
public class ArchiveExportTests(ArchiveExportTests.Factory factory) : IClassFixture<ArchiveExportTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override int DemoCaseCount => 30;
    }

    static readonly string[] Files = ["case.json", "events.jsonl", "documents.json", "deadlines.txt", "manifest.json"];

    /// <summary>An archived demo case not used by another test (each export appends to its chain).</summary>
    async Task<Case> ArchivedCaseAsync(int skip)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Cases.AsNoTracking().Include(c => c.ClockEvents).Include(c => c.Documents).Include(c => c.Mailings)
            .Where(c => c.State == "archived").OrderBy(c => c.Id).Skip(skip).FirstAsync();
    }

    async Task<List<CaseEvent>> EventsAsync(int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
    }

    static bool IsLetter(string entry) => entry.StartsWith("letters/", StringComparison.Ordinal);

    async Task<int> IssuedLetterCountAsync(int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Letters.CountAsync(l => l.CaseId == caseId && (l.Status == LetterStatus.Issued || l.Status == LetterStatus.Superseded));
    }

    static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task The_case_page_link_downloads_a_zip_whose_manifest_sums_match_every_entry()
    {
        var c = await ArchivedCaseAsync(0);
        var client = await factory.SignInAsync("clerk");

        var response = await client.GetAsync($"/Cases/{c.Id}/Export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{c.CaseNumber}.zip");
        var entries = Unzip(await response.Content.ReadAsByteArrayAsync());
        // The demo's archived cases carry their issued letters (the reply, a 补正告知书 …), each as HTML and DOCX.
        var letters = await IssuedLetterCountAsync(c.Id);
        entries.Keys.Where(k => !IsLetter(k)).Order().ShouldBe(Files.Order());
        entries.Keys.Count(IsLetter).ShouldBe(2 * letters);

        var manifest = JsonNode.Parse(entries["manifest.json"])!;
        var listed = manifest["files"]!.AsArray().Select(f => f!).ToList();
        listed.Select(f => f["name"]!.GetValue<string>()).Where(n => !IsLetter(n)).ShouldBe(Files.Where(f => f != "manifest.json"));
        listed.Count(f => IsLetter(f["name"]!.GetValue<string>())).ShouldBe(2 * letters);
        foreach (var file in listed)
        {
            var content = entries[file["name"]!.GetValue<string>()];
            file["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)), file["name"]!.GetValue<string>());
            file["bytes"]!.GetValue<int>().ShouldBe(content.Length);
        }
        manifest["caseNumber"]!.GetValue<string>().ShouldBe(c.CaseNumber);
        manifest["auditHead"]!.GetValue<string>().ShouldBe(c.AuditHead);
        manifest["exportedBy"]!.GetValue<string>().ShouldBe("王晓梅");
    }

    [Fact]
    public async Task The_zip_holds_the_case_data_the_full_trail_the_documents_and_explained_deadlines()
    {
        var c = await ArchivedCaseAsync(1);
        var events = await EventsAsync(c.Id);
        var client = await factory.SignInAsync("reviewer"); // any signed-in user of the agency may export

        var entries = Unzip(await client.GetByteArrayAsync($"/Cases/{c.Id}/Export"));

        var caseJson = JsonNode.Parse(entries["case.json"])!;
        caseJson["state"]!["title"]!.GetValue<string>().ShouldBe("已归档");
        caseJson["case"]!["caseNumber"]!.GetValue<string>().ShouldBe(c.CaseNumber);
        caseJson["case"]!["applicant"]!["idNumber"]!.GetValue<string>().ShouldBe(c.Applicant.IdNumber);
        caseJson["case"]!["clockEvents"]!.AsArray().Count.ShouldBe(c.ClockEvents.Count);
        caseJson["outcome"]!["reportRow"]!.GetValue<string>().ShouldStartWith("（");

        var lines = System.Text.Encoding.UTF8.GetString(entries["events.jsonl"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => JsonSerializer.Deserialize<EventRecord>(l, TransferredCase.Json)!.Hash).ShouldBe(events.Select(e => e.Hash));

        JsonNode.Parse(entries["documents.json"])!.AsArray().Select(d => d!["documentId"]!.GetValue<string>())
            .ShouldBe(c.Documents.OrderBy(d => d.Id).Select(d => d.DocumentId));

        var deadlines = System.Text.Encoding.UTF8.GetString(entries["deadlines.txt"]);
        deadlines.ShouldContain($"文号：{c.CaseNumber}");
        deadlines.ShouldContain("答复期限：");
        deadlines.ShouldContain("规则：答复期限 20个工作日（《政府信息公开条例》第三十三条第二款）");
    }

    [Fact]
    public async Task Exporting_records_who_exported_and_leaves_the_case_data_and_the_chain_intact()
    {
        var before = await ArchivedCaseAsync(2);
        var client = await factory.SignInAsync("clerk");

        (await client.GetAsync($"/Cases/{before.Id}/Export")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await ArchivedCaseAsync(2);
        after.Id.ShouldBe(before.Id);
        Data(after).ShouldBe(Data(before));
        var last = (await EventsAsync(after.Id))[^1];
        last.Kind.ShouldBe(CaseEventKinds.Exported);
        last.ActorName.ShouldBe("王晓梅");
        last.Data.ShouldContain(before.AuditHead);
        after.AuditCount.ShouldBe(before.AuditCount + 1);
        var verify = await CliHarness.RunAsync(factory, "audit", "verify");
        verify.ExitCode.ShouldBe(0, verify.Out);

        static string Data(Case c)
        {
            var record = TransferredCase.From(c, new DisclosureCases.Domain.Cases.Agency { Code = "-" }, null, [], []);
            record.Audit = null;
            return JsonSerializer.Serialize(record, TransferredCase.Json);
        }
    }

    [Fact]
    public async Task The_case_json_of_a_typical_case_carries_its_marks_with_the_note()
    {
        int caseId;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            caseId = await db.Cases.Where(c => c.State == "archived" && !db.TypicalCases.Any(t => t.CaseId == c.Id))
                .OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        var reviewer = await factory.SignInAsync("reviewer");
        (await reviewer.PostFormAsync("/Typical?handler=Mark", new() { ["caseId"] = caseId.ToString(), ["note"] = "先公开许可证，个人信息隐去后提供" },
            $"/Cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var entries = Unzip(await (await reviewer.GetAsync($"/Cases/{caseId}/Export")).Content.ReadAsByteArrayAsync());

        var typical = JsonNode.Parse(entries["case.json"])!["case"]!["typical"]!.AsArray();
        typical.Count.ShouldBe(1);
        typical[0]!["note"]!.GetValue<string>().ShouldBe("先公开许可证，个人信息隐去后提供");
        typical[0]!["markedBy"]!.GetValue<string>().ShouldBe("陈立新");
    }

    [Fact]
    public async Task The_case_page_of_an_archived_case_links_to_its_export()
    {
        // Also guards the request's agency scope: it must be the signed-in user's even though the database context is
        // created while the sign-in cookie is validated.
        var c = await ArchivedCaseAsync(0);
        var client = await factory.SignInAsync("clerk");
        var html = await client.GetStringAsync($"/Cases/{c.Id}");
        html.ShouldContain($"href=\"/Cases/{c.Id}/Export\"");
    }

    [Fact]
    public async Task Another_agencys_clerk_gets_404_and_no_export_is_recorded()
    {
        var c = await ArchivedCaseAsync(3);
        var client = await factory.SignInAsync("clerk2");

        var response = await client.GetAsync($"/Cases/{c.Id}/Export");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await EventsAsync(c.Id)).ShouldNotContain(e => e.Kind == CaseEventKinds.Exported);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var c = await ArchivedCaseAsync(3);
        var response = await factory.NewClient().GetAsync($"/Cases/{c.Id}/Export");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task A_case_that_does_not_exist_is_404()
    {
        var client = await factory.SignInAsync("clerk");
        (await client.GetAsync("/Cases/999999/Export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_command_line_exports_by_case_number_to_the_given_file()
    {
        var c = await ArchivedCaseAsync(4);
        var path = Path.Combine(Path.GetTempPath(), "disclosure-tests", $"archive-{Guid.NewGuid():N}.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var result = await CliHarness.RunAsync(factory, "archive", "export", c.CaseNumber!, "--out", path);

            result.ExitCode.ShouldBe(0, result.Error);
            result.Out.ShouldContain($"已导出案卷到 {path}");
            var entries = Unzip(await File.ReadAllBytesAsync(path));
            JsonNode.Parse(entries["manifest.json"])!["exportedBy"]!.GetValue<string>().ShouldStartWith("系统（命令行");
            (await EventsAsync(c.Id))[^1].Kind.ShouldBe(CaseEventKinds.Exported);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_command_line_names_a_case_it_cannot_find()
    {
        var result = await CliHarness.RunAsync(factory, "archive", "export", "静规资信〔2026〕第9999号");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("找不到案件“静规资信〔2026〕第9999号”");
    }
}
