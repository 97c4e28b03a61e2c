using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Pages.Cases;

/// <summary>The case file (案卷) carries the letters that were issued, exactly as issued (条例第45条).</summary>
public class ArchiveLettersTests(ArchiveLettersTests.Factory factory) : IClassFixture<ArchiveLettersTests.Factory>
{
    public sealed class Factory : AppFactory;

    [Fact]
    public async Task The_archive_zip_holds_the_issued_reply_as_html_and_docx_listed_in_the_manifest()
    {
        var clerk = await factory.SignInAsync("clerk");
        var reviewer = await factory.SignInAsync("reviewer");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var letterId = await clerk.ReplyThroughLettersAsync(reviewer, id);
        await clerk.FireOkAsync(id, "deliver", new() { ["method"] = "in-person", ["delivered-on"] = CasePages.Today });
        await clerk.FireOkAsync(id, "archive");

        var response = await clerk.GetAsync($"/Cases/{id}/Export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        byte[] Read(string name)
        {
            var entry = zip.GetEntry(name);
            entry.ShouldNotBeNull($"{name} should be in the ZIP; it has {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
            using var s = entry.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        }

        var letter = await factory.LoadLetterAsync(letterId);
        var html = Read("letters/01-reply.html");
        var docx = Read("letters/01-reply.docx");
        Convert.ToHexStringLower(SHA256.HashData(html)).ShouldBe(letter.HtmlHash, "the letter is byte-identical to what was issued");
        Convert.ToHexStringLower(SHA256.HashData(docx)).ShouldBe(letter.DocxHash);
        System.Text.Encoding.UTF8.GetString(html).ShouldContain(letter.Number!);

        using var manifest = JsonDocument.Parse(Read("manifest.json"));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("sha256").GetString());
        listed["letters/01-reply.html"].ShouldBe(letter.HtmlHash);
        listed["letters/01-reply.docx"].ShouldBe(letter.DocxHash);
    }
}
