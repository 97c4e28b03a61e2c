using System.Net;
using System.Text;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Pages.Letters;

/// <summary>An issued letter: printed and downloaded as rendered again from storage, byte for byte as issued.</summary>
public sealed class DetailsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    async Task<(HttpClient Clerk, int CaseId, int LetterId)> IssuedReplyAsync(string outcome = "withhold-third-party")
    {
        var clerk = await factory.SignInAsync("clerk");
        var reviewer = await factory.SignInAsync("reviewer");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var letterId = await clerk.ReplyThroughLettersAsync(reviewer, id, outcome);
        return (clerk, id, letterId);
    }

    [Fact]
    public async Task An_issued_letter_renders_again_from_storage_byte_identical_in_html_and_docx()
    {
        var (clerk, _, letterId) = await IssuedReplyAsync();
        var letter = await factory.LoadLetterAsync(letterId);

        var html = await clerk.GetByteArrayAsync($"/Letters/{letterId}?handler=Html");
        var docx = await clerk.GetByteArrayAsync($"/Letters/{letterId}?handler=Docx");

        CaseLetters.Sha256(html).ShouldBe(letter.HtmlHash, "the HTML is the one whose hash was recorded at issue");
        CaseLetters.Sha256(docx).ShouldBe(letter.DocxHash, "the DOCX is the one whose hash was recorded at issue");

        // And independently of the application: the stored template version and the stored data, rendered here.
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var versions = await db.TemplateVersions.AsNoTracking().Where(v => v.TemplateId == letter.TemplateId).ToListAsync();
        var again = new LetterRenderer(new TemplateVersionSource(versions.Select(v => v.ToVersion()))).Render(letter.Merged());
        again.HtmlBytes().ShouldBe(html);
        again.Docx().ShouldBe(docx);
        (await clerk.GetStringAsync($"/Letters/{letterId}")).ShouldContain("与签发时逐字节一致");
    }

    [Fact]
    public async Task The_docx_download_opens_and_carries_the_recital_the_number_and_the_remedies_clause()
    {
        var (clerk, id, letterId) = await IssuedReplyAsync();
        var c = await factory.LoadCaseAsync(id);

        var response = await clerk.GetAsync($"/Letters/{letterId}?handler=Docx");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        new OpenXmlValidator().Validate(word).Select(e => e.Description).ShouldBeEmpty();
        var text = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));

        text.ShouldContain($"本机关于{c.ReceivedOn.Year}年{c.ReceivedOn.Month}月{c.ReceivedOn.Day}日收到您要求获取“");
        text.ShouldContain(c.CaseNumber!);
        text.ShouldContain("可以在收到本答复之日起60日内向上海市静安区人民政府申请行政复议，或者在收到本答复之日起6个月内向上海市静安区人民法院提起行政诉讼");
        text.ShouldContain(LetterPages.ThirdPartyReasons);
    }

    [Fact]
    public async Task The_printable_html_is_the_letter_alone_without_scripts_or_outside_resources()
    {
        var (clerk, _, letterId) = await IssuedReplyAsync("disclose");
        var response = await clerk.GetAsync($"/Letters/{letterId}?handler=Html");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
        var html = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        html.ShouldContain("@page { size: A4;");
        html.ShouldContain("政府信息公开申请答复书");
        html.ShouldNotContain("placeholder\">", customMessage: "an issued letter has nothing left to fill");
    }

    [Fact]
    public async Task A_letter_not_yet_issued_is_not_printed_or_downloaded()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var letterId = await clerk.DraftReplyAsync(id, "disclose");
        (await clerk.GetAsync($"/Letters/{letterId}?handler=Html")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await clerk.GetAsync($"/Letters/{letterId}?handler=Docx")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Approval_is_refused_when_the_case_changed_after_the_reviewer_looked()
    {
        var clerk = await factory.SignInAsync("clerk");
        var reviewer = await factory.SignInAsync("reviewer");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var letterId = await clerk.DraftReplyAsync(id, "disclose", new() { ["provision"] = "现将该政府信息随本答复书一并提供。" });
        await clerk.SubmitOkAsync(id, letterId);
        var seen = System.Text.RegularExpressions.Regex.Match(await reviewer.GetStringAsync($"/Letters/{letterId}"), @"name=""Seen"" value=""([0-9a-f]+)""").Groups[1].Value;

        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Cases" SET "ApplicantName" = '刘志刚' WHERE "Id" = {id}""");

        var response = await reviewer.ApproveLetterAsync(letterId, seen: seen);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        LetterPages.Refusal(await response.Content.ReadAsStringAsync()).ShouldContain("请重新查看文书后再审核");
        (await factory.LoadCaseAsync(id)).State.ShouldBe("in-review");

        await reviewer.ApproveOkAsync(letterId);
        (await factory.LoadLetterAsync(letterId)).Merged().Data().Applicant.Name.ShouldBe("刘志刚");
    }

    [Fact]
    public async Task A_future_issue_date_is_refused_naming_the_field()
    {
        var clerk = await factory.SignInAsync("clerk");
        var reviewer = await factory.SignInAsync("reviewer");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var letterId = await clerk.DraftReplyAsync(id, "disclose", new() { ["provision"] = "现将该政府信息随本答复书一并提供。" });
        await clerk.SubmitOkAsync(id, letterId);

        var response = await reviewer.ApproveLetterAsync(letterId, CasePages.Tomorrow);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("「成文日期」不能晚于今天");
        (await factory.LoadLetterAsync(letterId)).Status.ShouldBe(LetterStatus.InReview);
    }
}
