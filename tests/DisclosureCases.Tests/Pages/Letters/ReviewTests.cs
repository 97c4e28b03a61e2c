using System.Net;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Pages.Letters;

/// <summary>The reply letter through 法制审核: the clerk submits, the reviewer returns or approves, the case follows.</summary>
public sealed class ReviewTests(AppFactory factory) : IClassFixture<AppFactory>
{
    async Task<(HttpClient Clerk, HttpClient Reviewer, int CaseId)> RegisteredCaseAsync()
    {
        var clerk = await factory.SignInAsync("clerk");
        var reviewer = await factory.SignInAsync("reviewer");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        return (clerk, reviewer, id);
    }

    [Fact]
    public async Task Approving_the_reply_issues_it_with_the_case_number_as_its_wen_hao_and_moves_the_case_to_replied()
    {
        var (clerk, reviewer, id) = await RegisteredCaseAsync();
        var letterId = await clerk.DraftReplyAsync(id, "withhold-third-party", new() { ["reasons"] = LetterPages.ThirdPartyReasons });
        await clerk.SubmitOkAsync(id, letterId);

        var submitted = await factory.LoadCaseAsync(id);
        submitted.State.ShouldBe("in-review");
        submitted.Outcome.ShouldBe("withhold-third-party");
        submitted.OutcomeReasons!.ShouldContain(LetterPages.ThirdPartyReasons, customMessage: "the case records the letter's reasons and basis");
        submitted.OutcomeReasons!.ShouldContain("第十五条");
        (await reviewer.GetStringAsync("/Letters/Review")).ShouldContain($"/Letters/{letterId}");

        await reviewer.ApproveOkAsync(letterId, CasePages.Today);

        var replied = await factory.LoadCaseAsync(id);
        replied.State.ShouldBe("replied");
        replied.RepliedOn.ShouldBe(DateOnly.Parse(CasePages.Today));
        var letter = await factory.LoadLetterAsync(letterId);
        letter.Status.ShouldBe(LetterStatus.Issued);
        letter.Number.ShouldBe(replied.CaseNumber);
        letter.IssuedOn.ShouldBe(replied.RepliedOn);
        letter.ReviewedByName.ShouldBe("陈立新");
        letter.TemplateId.ShouldBe("reply-withhold-third-party");
        var document = replied.Documents.Where(d => d.DocumentId == "reply").ShouldHaveSingleItem();
        document.Status.ShouldBe(CaseDocumentStatus.Issued);
        letter.CaseDocumentId.ShouldBe(document.Id);
        letter.Merged().Data().Letter.Number.ShouldBe(replied.CaseNumber);

        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var events = await db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => e.Trigger ?? e.Kind).ShouldBe(["created", "register", "submit-reply", "letter", "approve-reply", "letter"]);
        events[^1].Summary.ShouldContain(replied.CaseNumber!);
        events[^1].Summary.ShouldContain("reply-withhold-third-party 第1版");
        DisclosureCases.Domain.Audit.AuditChain.Verify(events, replied.AuditHead, replied.AuditCount).ShouldBeEmpty();

        var casePage = await clerk.GetStringAsync($"/Cases/{id}");
        casePage.ShouldContain("reply-withhold-third-party 第1版", customMessage: "the clerk sees which template version produced the letter");
        casePage.ShouldContain(replied.CaseNumber!);
        casePage.ShouldContain($"/Letters/{letterId}?handler=Docx");
    }

    [Fact]
    public async Task A_returned_letter_carries_the_comment_and_can_be_corrected_and_resubmitted()
    {
        var (clerk, reviewer, id) = await RegisteredCaseAsync();
        var letterId = await clerk.DraftReplyAsync(id, "withhold-third-party", new() { ["reasons"] = "涉及第三方。" });
        await clerk.SubmitOkAsync(id, letterId);

        var returned = await reviewer.ReturnLetterAsync(letterId, "理由过于简单：请写明第三方不同意公开的理由以及征求意见的情况。");
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect, LetterPages.Refusal(await returned.Content.ReadAsStringAsync()));

        (await factory.LoadCaseAsync(id)).State.ShouldBe("processing", "return-reply took the case back to the clerk");
        var letter = await factory.LoadLetterAsync(letterId);
        letter.Status.ShouldBe(LetterStatus.Returned);
        letter.ReviewComment.ShouldBe("理由过于简单：请写明第三方不同意公开的理由以及征求意见的情况。");
        var form = await clerk.GetStringAsync($"/Cases/{id}/Letters/Edit/{letterId}");
        form.ShouldContain("理由过于简单：请写明第三方不同意公开的理由以及征求意见的情况。");
        form.ShouldContain("涉及第三方。", customMessage: "the returned letter keeps what the clerk wrote");

        await clerk.SubmitOkAsync(id, letterId, new() { ["reasons"] = LetterPages.ThirdPartyReasons });
        (await factory.LoadCaseAsync(id)).State.ShouldBe("in-review");
        await reviewer.ApproveOkAsync(letterId);
        (await factory.LoadCaseAsync(id)).State.ShouldBe("replied");
        (await factory.LoadLetterAsync(letterId)).Merged().Data().Slots["reasons"].ShouldBe(LetterPages.ThirdPartyReasons);
    }

    [Fact]
    public async Task A_reply_in_review_is_not_issued_once_the_applicant_has_withdrawn_and_can_still_be_returned()
    {
        var (clerk, reviewer, id) = await RegisteredCaseAsync();
        var letterId = await clerk.DraftReplyAsync(id, "disclose", new() { ["provision"] = "现将该政府信息随本答复书一并提供。" });
        await clerk.SubmitOkAsync(id, letterId);
        await clerk.FireOkAsync(id, "withdraw", new() { ["withdrawn-on"] = CasePages.Today, ["note"] = "申请人电话告知撤回" });

        var approve = await reviewer.ApproveLetterAsync(letterId);
        approve.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        LetterPages.Refusal(await approve.Content.ReadAsStringAsync()).ShouldContain("不能执行「审核通过并答复」");
        var letter = await factory.LoadLetterAsync(letterId);
        letter.Status.ShouldBe(LetterStatus.InReview, "the letter and the case move together or not at all");
        letter.Number.ShouldBeNull();
        var c = await factory.LoadCaseAsync(id);
        c.Outcome.ShouldBe("other");
        c.Documents.ShouldNotContain(d => d.DocumentId == "reply");

        var returned = await reviewer.ReturnLetterAsync(letterId, "申请人已撤回申请，本答复书不再签发。");
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect, LetterPages.Refusal(await returned.Content.ReadAsStringAsync()));
        (await factory.LoadLetterAsync(letterId)).Status.ShouldBe(LetterStatus.Returned);
        (await factory.LoadCaseAsync(id)).State.ShouldBe("replied");
    }

    [Fact]
    public async Task Returning_without_a_comment_is_refused_and_changes_nothing()
    {
        var (clerk, reviewer, id) = await RegisteredCaseAsync();
        var letterId = await clerk.DraftReplyAsync(id, "disclose", new() { ["provision"] = "现将该政府信息随本答复书一并提供。" });
        await clerk.SubmitOkAsync(id, letterId);

        var response = await reviewer.ReturnLetterAsync(letterId, "   ");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("「审核意见」为必填项");
        (await factory.LoadLetterAsync(letterId)).Status.ShouldBe(LetterStatus.InReview);
        (await factory.LoadCaseAsync(id)).State.ShouldBe("in-review");
    }

    [Fact]
    public async Task Only_a_legal_reviewer_approves_and_only_a_clerk_drafts()
    {
        var (clerk, _, id) = await RegisteredCaseAsync();
        var manager = await factory.SignInAsync("manager");
        var letterId = await clerk.DraftReplyAsync(id, "disclose", new() { ["provision"] = "现将该政府信息随本答复书一并提供。" });
        await clerk.SubmitOkAsync(id, letterId);

        (await clerk.ApproveLetterAsync(letterId)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.ApproveLetterAsync(letterId)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.LoadLetterAsync(letterId)).Status.ShouldBe(LetterStatus.InReview);

        var byManager = await manager.GetAsync($"/Cases/{id}/Letters/Edit");
        byManager.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        byManager.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_reply_steps_are_not_taken_on_the_case_page_without_the_letter()
    {
        var (clerk, reviewer, id) = await RegisteredCaseAsync();
        var direct = await clerk.FireAsync(id, "submit-reply", new() { ["outcome"] = "disclose", ["reasons"] = "予以公开" });
        direct.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        CasePages.Refusal(await direct.Content.ReadAsStringAsync()).ShouldContain("制作答复书");
        (await factory.LoadCaseAsync(id)).State.ShouldBe("processing");

        var letterId = await clerk.DraftReplyAsync(id, "disclose", new() { ["provision"] = "现将该政府信息随本答复书一并提供。" });
        await clerk.SubmitOkAsync(id, letterId);
        var approve = await reviewer.FireAsync(id, "approve-reply", new() { ["issued-on"] = CasePages.Today }, version: (await factory.LoadCaseAsync(id)).Version);
        approve.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.LoadCaseAsync(id)).State.ShouldBe("in-review", "a replied case without an issued letter is not possible from the case page");
        var page = await reviewer.GetStringAsync($"/Cases/{id}");
        page.ShouldContain($"href=\"/Letters/{letterId}\"");
        page.ShouldNotContain("data-trigger=\"return-reply\"", customMessage: "the letter is returned on its own page");
    }
}
