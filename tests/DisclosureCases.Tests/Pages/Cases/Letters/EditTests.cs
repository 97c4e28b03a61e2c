using System.Net;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Pages.Cases.Letters;

/// <summary>制作文书: the clerk's letter form — merged fields, slots, preview, and what may be submitted.</summary>
public sealed class EditTests(AppFactory factory) : IClassFixture<AppFactory>
{
    async Task<(HttpClient Clerk, int CaseId)> RegisteredCaseAsync()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        return (clerk, id);
    }

    [Fact]
    public async Task The_reply_form_merges_what_the_system_knows_and_asks_only_for_the_slots()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var c = await factory.LoadCaseAsync(id);

        var letterId = await clerk.DraftReplyAsync(id, "withhold-third-party");
        var html = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Cases/{id}/Letters/Edit/{letterId}"));

        html.ShouldContain("模板 reply-withhold-third-party 第1版");
        html.ShouldContain("上海市静安区规划和自然资源局", customMessage: "the agency's name and seal come from its settings");
        html.ShouldContain("上海市静安区人民政府", customMessage: "the 复议机关 of the remedies clause");
        html.ShouldContain("上海市静安区人民法院");
        html.ShouldContain("刘志强");
        html.ShouldContain(ChineseDate(c.ReceivedOn), customMessage: "the recital cites the date of receipt");
        html.ShouldContain("静安区大宁路街道325街坊旧区改造项目的房屋征收决定及补偿方案");
        html.ShouldContain("name=\"Slots[reasons]\"");
        html.ShouldContain("请填写“不予公开的理由");
        html.ShouldContain("“文号”在审核通过、签发时填入");
        html.ShouldNotContain("id=\"submit\"", customMessage: "提交法制审核 is offered only when the letter is ready");
    }

    [Fact]
    public async Task A_letter_with_an_empty_required_slot_is_not_submitted_the_refusal_names_the_slot_and_keeps_the_values()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var letterId = await clerk.DraftReplyAsync(id, "partial");

        var response = await clerk.PostLetterAsync(id, letterId, "Submit", slots: new()
        {
            ["disclosed"] = "2025年度地块出让合同的正文部分，随本答复书提供。",
            ["withheld"] = "",
            ["reasons"] = "合同附件中的竞买人财务资料属于商业秘密。",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        LetterPages.Refusal(html).ShouldContain("请填写“不予公开的内容”");
        html.ShouldContain("2025年度地块出让合同的正文部分，随本答复书提供。", customMessage: "nothing typed is lost");
        html.ShouldContain("合同附件中的竞买人财务资料属于商业秘密。");
        (await factory.LoadLetterAsync(letterId)).Status.ShouldBe(LetterStatus.Draft);
        (await factory.LoadCaseAsync(id)).State.ShouldBe("processing");

        // The draft was saved with what was typed: the next submit only needs the missing slot.
        await clerk.SubmitOkAsync(id, letterId, new() { ["withheld"] = "竞买人的财务资料" });
        (await factory.LoadCaseAsync(id)).State.ShouldBe("in-review");
    }

    [Fact]
    public async Task Slot_values_are_escaped_in_the_preview()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var letterId = await clerk.DraftReplyAsync(id, "withhold-third-party", new() { ["reasons"] = "<script>alert('x')</script>&<b>粗体</b>" });

        var html = await clerk.GetStringAsync($"/Cases/{id}/Letters/Edit/{letterId}");

        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<b>粗体</b>");
        // In the preview (srcdoc) the letter's own escaping is escaped once more as an attribute value.
        html.ShouldContain("&amp;lt;script&amp;gt;alert(&amp;#39;x&amp;#39;)&amp;lt;/script&amp;gt;&amp;amp;&amp;lt;b&amp;gt;粗体");
        var letter = await factory.LoadLetterAsync(letterId);
        letter.Merged().Data().Slots["reasons"].ShouldBe("<script>alert('x')</script>&<b>粗体</b>", "stored as typed; escaped only when printed");
    }

    [Fact]
    public async Task Changing_the_outcome_changes_the_template_and_keeps_slots_of_the_same_name()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var letterId = await clerk.DraftReplyAsync(id, "withhold-third-party", new() { ["reasons"] = LetterPages.ThirdPartyReasons });

        var response = await clerk.PostLetterAsync(id, letterId, "Preview", "withhold-internal");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var letter = await factory.LoadLetterAsync(letterId);
        letter.TemplateId.ShouldBe("reply-withhold-internal");
        letter.Outcome.ShouldBe("withhold-internal");
        letter.Merged().Data().Slots["reasons"].ShouldBe(LetterPages.ThirdPartyReasons);
    }

    [Fact]
    public async Task An_outcome_the_reply_step_does_not_offer_is_refused()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var response = await clerk.PostLetterAsync(id, null, "Preview", "reject-mass");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "第35条's refusal has its own action (reject-reasons) and letter");
        (await response.Content.ReadAsStringAsync()).ShouldContain("「答复结果」为必填项");
    }

    [Fact]
    public async Task A_second_reply_letter_is_not_started_beside_an_open_one()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var letterId = await clerk.DraftReplyAsync(id, "disclose");
        var again = await clerk.GetAsync($"/Cases/{id}/Letters/Edit");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.ToString().ShouldBe($"/Cases/{id}/Letters/Edit/{letterId}");
    }

    [Fact]
    public async Task A_document_made_due_by_an_action_is_drafted_with_what_was_typed_there_reviewed_and_marked_issued()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var reviewer = await factory.SignInAsync("reviewer");
        await clerk.FireOkAsync(id, "request-correction", new() { ["items"] = "请写明所需信息的文号或地块名称", ["correction-due"] = CasePages.Tomorrow });
        var notice = (await factory.LoadCaseAsync(id)).Documents.Single(d => d.DocumentId == "correction-notice");

        var form = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Cases/{id}/Letters/Edit?caseDocument={notice.Id}"));
        form.ShouldContain("请写明所需信息的文号或地块名称", customMessage: "the slot 'items' starts with the items typed in request-correction");

        var save = await clerk.PostLetterAsync(id, null, "Preview", extra: new() { ["CaseDocument"] = notice.Id.ToString() });
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect, LetterPages.Refusal(await save.Content.ReadAsStringAsync()));
        var letterId = int.Parse(save.Headers.Location!.ToString().Split('/').Last());
        await clerk.SubmitOkAsync(id, letterId);
        await reviewer.ApproveOkAsync(letterId);

        var c = await factory.LoadCaseAsync(id);
        c.State.ShouldBe("awaiting-correction", "a notice changes no state");
        c.Documents.Single(d => d.Id == notice.Id).Status.ShouldBe(CaseDocumentStatus.Issued);
        var letter = await factory.LoadLetterAsync(letterId);
        letter.Status.ShouldBe(LetterStatus.Issued);
        letter.TemplateId.ShouldBe("correction-notice");
        letter.Number.ShouldBe(c.CaseNumber);
        letter.Merged().Data().Case.CorrectionDue.ShouldBe(DateOnly.Parse(CasePages.Tomorrow));
        (await clerk.GetStringAsync($"/Cases/{id}")).ShouldContain("已出具");
    }

    [Fact]
    public async Task The_reply_of_a_refused_excessive_request_starts_with_the_reasons_the_case_records()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var reviewer = await factory.SignInAsync("reviewer");
        await clerk.FireOkAsync(id, "ask-reasons", new() { ["grounds"] = "同一申请人本月提出申请40件" });
        await clerk.FireOkAsync(id, "reject-reasons", new() { ["reasons"] = "申请人未能说明合理理由，申请数量明显超过合理范围。" });
        var c = await factory.LoadCaseAsync(id);
        c.State.ShouldBe("replied");
        var reply = c.Documents.Single(d => d.DocumentId == "reply");

        var form = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Cases/{id}/Letters/Edit?caseDocument={reply.Id}"));
        form.ShouldContain("模板 reply-reject-mass 第1版", customMessage: "the template of the outcome the case was closed with (第35条)");
        form.ShouldContain("申请人未能说明合理理由，申请数量明显超过合理范围。", customMessage: "reasons pre-filled from Case.OutcomeReasons");

        var save = await clerk.PostLetterAsync(id, null, "Preview", extra: new() { ["CaseDocument"] = reply.Id.ToString() });
        var letterId = int.Parse(save.Headers.Location!.ToString().Split('/').Last());
        await clerk.SubmitOkAsync(id, letterId);
        await reviewer.ApproveOkAsync(letterId);

        var letter = await factory.LoadLetterAsync(letterId);
        letter.Outcome.ShouldBe("reject-mass");
        letter.Merged().Data().Slots["reasons"].ShouldBe("申请人未能说明合理理由，申请数量明显超过合理范围。");
        (await factory.LoadCaseAsync(id)).Documents.Single(d => d.Id == reply.Id).Status.ShouldBe(CaseDocumentStatus.Issued);
    }

    [Fact]
    public async Task A_consultation_letter_is_addressed_to_the_party_named_when_the_consultation_started()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        await clerk.FireOkAsync(id, "start-consultation", new() { ["party"] = "third-party", ["party-name"] = "上海某某置业有限公司", ["sent-on"] = CasePages.Today });
        var document = (await factory.LoadCaseAsync(id)).Documents.Single(d => d.DocumentId == "consultation-third-party");

        var form = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Cases/{id}/Letters/Edit?caseDocument={document.Id}"));
        form.ShouldContain("value=\"上海某某置业有限公司\"");

        var save = await clerk.PostLetterAsync(id, null, "Preview",
            slots: new() { ["information"] = "2025年某地块国有建设用地使用权出让合同", ["interest"] = "商业秘密" },
            extra: new() { ["CaseDocument"] = document.Id.ToString(), ["Recipient.Name"] = "上海某某置业有限公司", ["Recipient.IsOrganization"] = "true", ["Recipient.PostalCode"] = "2000" });
        save.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await save.Content.ReadAsStringAsync()).ShouldContain("「收件人邮政编码」应为6位数字");

        save = await clerk.PostLetterAsync(id, null, "Preview",
            slots: new() { ["information"] = "2025年某地块国有建设用地使用权出让合同", ["interest"] = "商业秘密" },
            extra: new() { ["CaseDocument"] = document.Id.ToString(), ["Recipient.Name"] = "上海某某置业有限公司", ["Recipient.IsOrganization"] = "true" });
        var letterId = int.Parse(save.Headers.Location!.ToString().Split('/').Last());
        var letter = await factory.LoadLetterAsync(letterId);
        letter.RecipientName.ShouldBe("上海某某置业有限公司");
        var data = letter.Merged().Data();
        data.Recipient!.IsOrganization.ShouldBeTrue();
        WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Cases/{id}/Letters/Edit/{letterId}")).ShouldContain("涉及贵单位的商业秘密");
    }

    [Fact]
    public async Task A_correction_is_a_new_letter_that_supersedes_the_issued_one_which_stays_as_it_was()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var reviewer = await factory.SignInAsync("reviewer");
        var original = await clerk.ReplyThroughLettersAsync(reviewer, id, "withhold-third-party");
        var originalHtml = await clerk.GetByteArrayAsync($"/Letters/{original}?handler=Html");

        var form = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Cases/{id}/Letters/Edit?supersedes={original}"));
        form.ShouldContain(LetterPages.ThirdPartyReasons, customMessage: "the correction starts from the issued letter's text");
        var save = await clerk.PostLetterAsync(id, null, "Preview",
            slots: new() { ["reasons"] = LetterPages.ThirdPartyReasons + "第三方为上海某某置业有限公司。" },
            extra: new() { ["Supersedes"] = original.ToString() });
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect, LetterPages.Refusal(await save.Content.ReadAsStringAsync()));
        var correction = int.Parse(save.Headers.Location!.ToString().Split('/').Last());
        await clerk.SubmitOkAsync(id, correction);
        await reviewer.ApproveOkAsync(correction);

        var old = await factory.LoadLetterAsync(original);
        old.Status.ShouldBe(LetterStatus.Superseded);
        old.SupersededById.ShouldBe(correction);
        var corrected = await factory.LoadLetterAsync(correction);
        corrected.Status.ShouldBe(LetterStatus.Issued);
        corrected.SupersedesId.ShouldBe(original);
        corrected.Merged().Data().Slots["reasons"].ShouldEndWith("第三方为上海某某置业有限公司。");
        (await clerk.GetByteArrayAsync($"/Letters/{original}?handler=Html")).ShouldBe(originalHtml, "the superseded letter is kept exactly as issued");
        (await factory.LoadCaseAsync(id)).State.ShouldBe("replied");
        (await clerk.GetStringAsync($"/Letters/{original}")).ShouldContain("已被更正");
    }

    [Fact]
    public async Task Another_agencys_letter_is_not_found_by_any_url()
    {
        var (clerk, id) = await RegisteredCaseAsync();
        var reviewer = await factory.SignInAsync("reviewer");
        var outsider = await factory.SignInAsync("clerk2");
        var letterId = await clerk.DraftReplyAsync(id, "disclose", new() { ["provision"] = "现将该政府信息随本答复书一并提供。" });
        await clerk.SubmitOkAsync(id, letterId);

        (await outsider.GetAsync($"/Letters/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/Cases/{id}/Letters/Edit/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/Cases/{id}/Letters/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = await outsider.AntiforgeryTokenAsync("/Cases/New");
        var post = await outsider.PostAsync($"/Cases/{id}/Letters/Edit/{letterId}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Slots[provision]"] = "改写",
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetStringAsync("/Letters/Review")).ShouldNotContain($"/Letters/{letterId}\"");

        await reviewer.ApproveOkAsync(letterId);
        (await outsider.GetAsync($"/Letters/{letterId}?handler=Html")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/Letters/{letterId}?handler=Docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.LoadLetterAsync(letterId)).Merged().Data().Slots["provision"].ShouldNotBe("改写");
    }

    static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
