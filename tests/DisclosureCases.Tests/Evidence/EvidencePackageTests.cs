using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Cli;
using DisclosureCases.Tests.Support;
using DisclosureCases.Transfer;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Evidence;

/// <summary>证据清单: the numbered, indexed and summed package of one or several applications, for a 复议 or 诉讼 answer.</summary>
public partial class EvidencePackageTests(EvidencePackageTests.Factory factory) : IClassFixture<EvidencePackageTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override int DemoCaseCount => 40;
    }

    /// <summary>An archived demo case with issued letters and a handler, not used by another test.</summary>
    async Task<Case> ArchivedCaseAsync(int skip)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Cases.AsNoTracking().Include(c => c.ClockEvents).Include(c => c.Mailings)
            .Where(c => c.State == "archived" && c.HandlerId != null && db.Letters.Any(l => l.CaseId == c.Id && l.Status == LetterStatus.Issued))
            .OrderBy(c => c.Id).Skip(skip).FirstAsync();
    }

    async Task<List<Letter>> IssuedLettersAsync(int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Letters.AsNoTracking()
            .Where(l => l.CaseId == caseId && (l.Status == LetterStatus.Issued || l.Status == LetterStatus.Superseded)).OrderBy(l => l.Id).ToListAsync();
    }

    async Task<List<CaseEvent>> EventsAsync(int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
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

    static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    [GeneratedRegex(@"<td>证据(\d+)</td>")]
    private static partial Regex ItemNumber();

    [Fact]
    public async Task The_index_lists_every_letter_with_its_number_and_the_items_are_numbered_without_gaps()
    {
        var c = await ArchivedCaseAsync(0);
        var letters = await IssuedLettersAsync(c.Id);
        var reviewer = await factory.SignInAsync("reviewer");

        var response = await reviewer.GetAsync($"/Cases/{c.Id}/Evidence");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{c.CaseNumber}-证据.zip");
        var entries = Unzip(await response.Content.ReadAsByteArrayAsync());
        var index = Text(entries["index.html"]);
        index.ShouldContain("<th>序号</th><th>证据名称</th><th>来源/文号</th><th>日期</th><th>证明目的</th><th>页数/文件</th>");
        letters.ShouldNotBeEmpty();
        foreach (var letter in letters)
        {
            index.ShouldContain(WebUtility.HtmlEncode(letter.Number!));
            index.ShouldContain(letter.IssuedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        var numbers = ItemNumber().Matches(index).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        numbers.ShouldBe(Enumerable.Range(1, numbers.Count));
        // 申请, 登记, each letter, (送达), 期限, 记录
        numbers.Count.ShouldBe(4 + letters.Count + (c.Mailings.Count > 0 ? 1 : 0));
        index.ShouldContain("政府信息公开申请");
        index.ShouldContain("申请登记");
        index.ShouldContain("期限计算说明");
        index.ShouldContain("办理过程记录（哈希链摘录）");
        entries.Keys.Count(k => k.EndsWith(".docx", StringComparison.Ordinal)).ShouldBe(letters.Count);
    }

    [Fact]
    public async Task The_sums_file_holds_the_sha256_of_every_other_entry_in_sha256sum_format()
    {
        var c = await ArchivedCaseAsync(1);
        var manager = await factory.SignInAsync("manager");

        var entries = Unzip(await manager.GetByteArrayAsync($"/Cases/{c.Id}/Evidence"));

        var lines = Text(entries["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var listed = lines.Select(l => (Hash: l[..64], Separator: l[64..66], Name: l[66..])).ToList();
        listed.Select(l => l.Name).Order().ShouldBe(entries.Keys.Where(k => k != "SHA256SUMS").Order());
        foreach (var (hash, separator, name) in listed)
        {
            separator.ShouldBe("  ");
            hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(entries[name])), name);
        }
    }

    [Fact]
    public async Task The_deadline_statement_explains_the_reply_deadline_with_its_rule_and_article()
    {
        var c = await ArchivedCaseAsync(2);
        var reviewer = await factory.SignInAsync("reviewer");

        var entries = Unzip(await reviewer.GetByteArrayAsync($"/Cases/{c.Id}/Evidence"));

        var deadlines = Text(entries[entries.Keys.Single(k => k.EndsWith("-deadlines.html", StringComparison.Ordinal))]);
        deadlines.ShouldContain("答复期限：");
        deadlines.ShouldContain("规则：答复期限 20个工作日（《政府信息公开条例》第三十三条第二款）");
        deadlines.ShouldContain("起算日：");
        Text(entries["index.html"]).ShouldContain("《政府信息公开条例》第三十三条第二款");
    }

    [Fact]
    public async Task The_record_extract_carries_every_event_with_hashes_that_verify()
    {
        var c = await ArchivedCaseAsync(3);
        var reviewer = await factory.SignInAsync("reviewer");
        var before = await EventsAsync(c.Id);

        var entries = Unzip(await reviewer.GetByteArrayAsync($"/Cases/{c.Id}/Evidence"));

        var records = Text(entries[entries.Keys.Single(k => k.EndsWith("-events.jsonl", StringComparison.Ordinal))])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<EventRecord>(l, TransferredCase.Json)!).ToList();
        records.Select(r => r.Hash).ShouldBe(before.Select(e => e.Hash));
        var events = records.Select(r => r.ToEvent(c.Id, c.AgencyId)).ToList();
        AuditChain.Verify(events, before[^1].Hash, before.Count).ShouldBeEmpty();
        Text(entries[entries.Keys.Single(k => k.EndsWith("-events.html", StringComparison.Ordinal))]).ShouldContain(before[^1].Hash);
    }

    [Fact]
    public async Task Building_again_from_unchanged_data_gives_the_same_bytes_and_each_build_is_on_the_record()
    {
        var c = await ArchivedCaseAsync(4);
        var reviewer = await factory.SignInAsync("reviewer");

        var first = await reviewer.GetByteArrayAsync($"/Cases/{c.Id}/Evidence");
        var second = await reviewer.GetByteArrayAsync($"/Cases/{c.Id}/Evidence");

        second.ShouldBe(first);
        var events = await EventsAsync(c.Id);
        events.TakeLast(2).ShouldAllBe(e => e.Kind == CaseEventKinds.Evidence && e.ActorName == "陈立新");
        events[^1].Data.ShouldContain(Convert.ToHexStringLower(SHA256.HashData(first)));
        var verify = await CliHarness.RunAsync(factory, "audit", "verify");
        verify.ExitCode.ShouldBe(0, verify.Out);
    }

    [Fact]
    public async Task Another_agencys_user_gets_404_and_nothing_is_recorded()
    {
        var c = await ArchivedCaseAsync(5);
        var before = await EventsAsync(c.Id);
        var clerk2 = await factory.SignInAsync("clerk2");

        (await clerk2.GetAsync($"/Cases/{c.Id}/Evidence")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await EventsAsync(c.Id)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task A_clerk_who_does_not_handle_the_case_gets_403_and_no_button()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync(); // not registered yet: no handler

        (await clerk.GetAsync($"/Cases/{id}/Evidence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.GetStringAsync($"/Cases/{id}")).ShouldNotContain("/Evidence\"");
        var admin = await factory.SignInAsync("admin");
        (await admin.GetAsync($"/Cases/{id}/Evidence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_case_page_offers_the_package_to_the_legal_reviewer_and_to_the_handling_clerk()
    {
        var c = await ArchivedCaseAsync(6);
        var reviewer = await factory.SignInAsync("reviewer");
        (await reviewer.GetStringAsync($"/Cases/{c.Id}")).ShouldContain($"href=\"/Cases/{c.Id}/Evidence\"");

        var handler = await factory.SignInAsync("clerk");
        c.HandlerId.ShouldBe(await factory.UserIdAsync("clerk"));
        (await handler.GetStringAsync($"/Cases/{c.Id}")).ShouldContain($"href=\"/Cases/{c.Id}/Evidence\"");
        (await handler.GetAsync($"/Cases/{c.Id}/Evidence")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_command_line_writes_one_package_for_several_cases_numbered_across_them()
    {
        var a = await ArchivedCaseAsync(7);
        var b = await ArchivedCaseAsync(8);
        var path = Path.Combine(Path.GetTempPath(), "disclosure-tests", $"evidence-{Guid.NewGuid():N}.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var result = await CliHarness.RunAsync(factory, "evidence", a.CaseNumber!, b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", path);

            result.ExitCode.ShouldBe(0, result.Error);
            result.Out.ShouldContain($"已生成证据清单 {path}");
            var index = Text(Unzip(await File.ReadAllBytesAsync(path))["index.html"]);
            index.ShouldContain(WebUtility.HtmlEncode(a.CaseNumber!));
            index.ShouldContain(WebUtility.HtmlEncode(b.CaseNumber!));
            var numbers = ItemNumber().Matches(index).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            numbers.ShouldBe(Enumerable.Range(1, numbers.Count));
            (await EventsAsync(a.Id))[^1].ActorName.ShouldStartWith("系统（命令行");
            (await EventsAsync(b.Id))[^1].Kind.ShouldBe(CaseEventKinds.Evidence);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_command_line_names_a_case_it_cannot_find()
    {
        var result = await CliHarness.RunAsync(factory, "evidence", "静规资信〔2026〕第9999号");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("找不到案件“静规资信〔2026〕第9999号”");
    }
}
