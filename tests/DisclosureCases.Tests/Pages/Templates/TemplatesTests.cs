using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Pages.Templates;

/// <summary>
/// The template library screens: read by everyone, changed by a 法制审核人员 or 管理员 as a new version that another one
/// approves; new letters use the approved version, issued letters keep theirs. Each test class has its own installation,
/// so the library changes here touch no other test.
/// </summary>
public sealed class TemplatesTests(TemplatesTests.Factory factory) : IClassFixture<TemplatesTests.Factory>
{
    public sealed class Factory : AppFactory;

    const string OldSentence = "本机关决定予以公开。";
    const string NewSentence = "本机关决定予以公开，现予提供。";

    static async Task<HttpResponseMessage> ProposeAsync(HttpClient client, string id, string text) =>
        await client.PostFormAsync($"/Templates/{id}/Edit?handler=Propose", new() { ["Text"] = text }, formPageUrl: $"/Templates/{id}");

    static async Task<HttpResponseMessage> ApproveAsync(HttpClient client, string id, int version) =>
        await client.PostFormAsync($"/Templates/{id}?handler=Approve", new() { ["Version"] = version.ToString() }, formPageUrl: $"/Templates/{id}");

    static async Task<string> EditorTextAsync(HttpClient client, string id)
    {
        var html = await client.GetStringAsync($"/Templates/{id}/Edit");
        return WebUtility.HtmlDecode(Regex.Match(html, @"<textarea id=""content""[^>]*>\r?\n?([\s\S]*?)</textarea>").Groups[1].Value);
    }

    async Task<StoredTemplateVersion> StoredAsync(string id, int version)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.TemplateVersions.AsNoTracking().SingleAsync(v => v.TemplateId == id && v.Version == version);
    }

    [Fact]
    public async Task Everyone_reads_the_library_but_only_reviewers_and_admins_edit()
    {
        var clerk = await factory.SignInAsync("clerk");
        var list = await clerk.GetStringAsync("/Templates");
        list.ShouldContain("href=\"/Templates/reply-withhold-third-party\"");
        list.ShouldContain("第1版");
        (await clerk.GetStringAsync("/Templates/receipt")).ShouldContain("政府信息公开申请接收回执");
        (await clerk.GetStringAsync("/Templates/receipt")).ShouldNotContain("修改（提交新版本）");

        var edit = await clerk.GetAsync("/Templates/receipt/Edit");
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        edit.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await clerk.GetAsync("/Templates/no-such-template")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProposeAsync(clerk, "receipt", "---\ndocument: receipt\nversion: 2\n---\n")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "to the access-denied page");
        (await ApproveAsync(clerk, "receipt", 1)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.TemplateVersions.CountAsync(v => v.TemplateId == "receipt")).ShouldBe(1);
    }

    [Fact]
    public async Task A_proposal_that_fails_the_linter_is_refused_with_its_findings_and_the_text_kept()
    {
        var reviewer = await factory.SignInAsync("reviewer");
        var text = await EditorTextAsync(reviewer, "reply-withhold-internal");
        text.ShouldContain("version: 2", customMessage: "the editor starts from the current text with the version raised");
        var broken = text.Replace("{{agency.court}}", "人民法院");

        var response = await ProposeAsync(reviewer, "reply-withhold-internal", broken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("模板检查未通过");
        html.ShouldContain("templates/reply-withhold-internal.hbs:");
        html.ShouldContain("agency.court");
        html.ShouldContain("向人民法院提起行政诉讼", customMessage: "the text comes back as typed");
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.TemplateVersions.CountAsync(v => v.TemplateId == "reply-withhold-internal")).ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_becomes_a_pending_version_the_author_cannot_approve_another_reviewer_approves_and_only_new_letters_use_it()
    {
        var clerk = await factory.SignInAsync("clerk");
        var reviewer = await factory.SignInAsync("reviewer");
        var admin = await factory.SignInAsync("admin");

        // A reply issued with version 1.
        var oldCase = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(oldCase, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var oldLetter = await clerk.ReplyThroughLettersAsync(reviewer, oldCase);
        var oldHtml = Encoding.UTF8.GetString(await clerk.GetByteArrayAsync($"/Letters/{oldLetter}?handler=Html"));
        oldHtml.ShouldContain(OldSentence);

        // The reviewer proposes version 2.
        var text = await EditorTextAsync(reviewer, "reply-disclose");
        text.ShouldContain(OldSentence);
        (await ProposeAsync(reviewer, "reply-disclose", text.Replace(OldSentence, NewSentence))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync("reply-disclose", 2)).Approval.ShouldBe(TemplateApproval.Draft);
        var details = WebUtility.HtmlDecode(await reviewer.GetStringAsync("/Templates/reply-disclose"));
        details.ShouldContain("待审核：第2版");
        details.ShouldContain("双人复核", customMessage: "the author is told that someone else must approve");
        details.ShouldContain(NewSentence);

        // Until it is approved, letters use version 1.
        var pendingCase = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(pendingCase, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var pendingLetter = await clerk.DraftReplyAsync(pendingCase, "disclose");
        (await factory.LoadLetterAsync(pendingLetter)).TemplateVersion.ShouldBe(1);

        // Four eyes: the author cannot approve it.
        var own = await ApproveAsync(reviewer, "reply-disclose", 2);
        own.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        LetterPages.Refusal(await own.Content.ReadAsStringAsync()).ShouldContain("起草人不能审核自己提交的版本");
        (await StoredAsync("reply-disclose", 2)).Approval.ShouldBe(TemplateApproval.Draft);

        // Another curator approves it.
        (await ApproveAsync(admin, "reply-disclose", 2)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var approved = await StoredAsync("reply-disclose", 2);
        approved.Approval.ShouldBe(TemplateApproval.Approved);
        approved.ReviewerName.ShouldBe("李文静");

        // New letters use it; a draft not yet submitted moves to it when next saved.
        var newCase = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(newCase, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var newLetter = await clerk.ReplyThroughLettersAsync(reviewer, newCase);
        var issued = await factory.LoadLetterAsync(newLetter);
        issued.TemplateVersion.ShouldBe(2);
        issued.TemplateHash.ShouldBe(approved.Hash);
        Encoding.UTF8.GetString(await clerk.GetByteArrayAsync($"/Letters/{newLetter}?handler=Html")).ShouldContain(NewSentence);
        (await clerk.PostLetterAsync(pendingCase, pendingLetter, "Preview")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadLetterAsync(pendingLetter)).TemplateVersion.ShouldBe(2);

        // The letter issued with version 1 still renders with version 1, byte for byte.
        var again = await clerk.GetByteArrayAsync($"/Letters/{oldLetter}?handler=Html");
        CaseLetters.Sha256(again).ShouldBe((await factory.LoadLetterAsync(oldLetter)).HtmlHash);
        Encoding.UTF8.GetString(again).ShouldContain(OldSentence);
        (await clerk.GetStringAsync($"/Cases/{oldCase}")).ShouldContain("reply-disclose 第1版");
        (await clerk.GetStringAsync($"/Cases/{newCase}")).ShouldContain("reply-disclose 第2版");

        // The history shows both versions and what changed.
        var diff = WebUtility.HtmlDecode(await clerk.GetStringAsync("/Templates/reply-disclose/Diff?from=1&to=2"));
        diff.ShouldContain("删除 2 行，增加 2 行", customMessage: "the version line and the sentence");
        diff.ShouldContain(NewSentence);
        (await clerk.GetStringAsync("/Templates/reply-disclose")).ShouldContain("与第1版比较");
    }

    [Fact]
    public async Task A_returned_proposal_keeps_its_comment_in_the_history_and_the_next_proposal_takes_the_next_number()
    {
        var reviewer = await factory.SignInAsync("reviewer");
        var admin = await factory.SignInAsync("admin");
        var text = await EditorTextAsync(reviewer, "extension-notice");
        (await ProposeAsync(reviewer, "extension-notice", text.Replace("特此告知。", "特此告知，请予谅解。"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var noComment = await admin.PostFormAsync("/Templates/extension-notice?handler=Return", new() { ["Version"] = "2", ["Comment"] = "" }, formPageUrl: "/Templates/extension-notice");
        noComment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var returned = await admin.PostFormAsync("/Templates/extension-notice?handler=Return", new() { ["Version"] = "2", ["Comment"] = "公文用语不宜写“请予谅解”。" }, formPageUrl: "/Templates/extension-notice");
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stored = await StoredAsync("extension-notice", 2);
        stored.Approval.ShouldBe(TemplateApproval.Returned);
        stored.ReviewComment.ShouldBe("公文用语不宜写“请予谅解”。");
        WebUtility.HtmlDecode(await reviewer.GetStringAsync("/Templates/extension-notice")).ShouldContain("公文用语不宜写“请予谅解”。");
        (await EditorTextAsync(reviewer, "extension-notice")).ShouldContain("version: 3");
    }

    [Fact]
    public async Task A_template_is_previewed_against_a_real_case_of_the_agency_with_its_slots_still_open()
    {
        var clerk = await factory.SignInAsync("clerk");
        var outsider = await factory.SignInAsync("clerk2");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });

        var html = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Templates/reply-withhold-third-party/Preview?CaseId={id}"));
        html.ShouldContain("刘志强");
        html.ShouldContain("【不予公开的理由（涉及的第三方合法权益，征求第三方意见的情况）】");
        html.ShouldContain("请填写“不予公开的理由");

        (await outsider.GetAsync($"/Templates/reply-withhold-third-party/Preview?CaseId={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
