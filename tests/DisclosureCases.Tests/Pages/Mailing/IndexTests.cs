using System.Net;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Pages.Mailing;

public class IndexTests(IndexTests.Factory factory) : IClassFixture<IndexTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly CaseMaker cases = new(factory);
    static string Today => ShanghaiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    /// <summary>The batch form as the page posts it: one indexed row per case, method and posting date once.</summary>
    static Dictionary<string, string> Batch(string method, params (Case Case, string Tracking, bool Ticked)[] rows)
    {
        var form = new Dictionary<string, string> { ["Method"] = method, ["PostedOn"] = Today };
        for (var i = 0; i < rows.Length; i++)
        {
            form[$"Rows[{i}].CaseId"] = rows[i].Case.Id.ToString();
            form[$"Rows[{i}].Version"] = rows[i].Case.Version.ToString();
            form[$"Rows[{i}].TrackingNumber"] = rows[i].Tracking;
            if (rows[i].Ticked) form[$"Rows[{i}].Selected"] = "true";
        }
        return form;
    }

    [Fact]
    public async Task Replied_cases_to_be_posted_are_listed_but_not_those_collected_in_person()
    {
        var byPost = await cases.RepliedAsync("clerk", "邮寄列表甲");
        var inPerson = await cases.RepliedAsync("clerk", "当面领取乙", i => i.DeliveryMethod = DeliveryMethod.Pickup);
        var client = await factory.SignInAsync("clerk");

        var html = await client.GetStringAsync("/Mailing");

        html.ShouldContain($"id=\"case-{byPost.Id}\"");
        html.ShouldContain(byPost.CaseNumber!);
        html.ShouldNotContain($"id=\"case-{inPerson.Id}\"");
    }

    [Fact]
    public async Task Batch_mailing_two_cases_records_both_tracking_numbers_and_moves_both_to_mailed()
    {
        var first = await cases.RepliedAsync("clerk", "批量邮寄甲");
        var second = await cases.RepliedAsync("clerk", "批量邮寄乙");
        var client = await factory.SignInAsync("clerk");

        var response = await client.PostFormAsync("/Mailing", Batch("ems", (first, "EA100000001CN", true), (second, "EA100000002CN", true)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await client.GetStringAsync(response.Headers.Location!.ToString());
        report.ShouldContain($"id=\"result-{first.Id}\" data-result=\"mailed\"");
        report.ShouldContain($"id=\"result-{second.Id}\" data-result=\"mailed\"");
        report.ShouldContain("已登记邮寄 2 件");
        foreach (var (c, tracking) in new[] { (first, "EA100000001CN"), (second, "EA100000002CN") })
        {
            var stored = await cases.LoadAsync(c.Id);
            stored.State.ShouldBe("mailed");
            var mailing = stored.Mailings.ShouldHaveSingleItem();
            mailing.TrackingNumber.ShouldBe(tracking);
            mailing.Method.ShouldBe("EMS");
            mailing.PostedOn.ShouldBe(ShanghaiTime.Today(TimeProvider.System));
            report.ShouldNotContain($"id=\"case-{c.Id}\"");
        }
        report.ShouldContain("已邮寄，待确认签收");
        (await client.GetStringAsync($"/Cases/{first.Id}")).ShouldContain("已邮寄");
    }

    [Fact]
    public async Task A_refused_row_is_reported_and_keeps_its_typed_tracking_number_while_the_others_are_mailed()
    {
        var earlier = await cases.RepliedAsync("clerk", "已用邮件号");
        await cases.FireAsync(earlier.Id, "mail", await cases.ActorAsync("clerk"),
            new() { ["method"] = "ems", ["tracking-number"] = "EA200000009CN", ["posted-on"] = Today });
        var good = await cases.RepliedAsync("clerk", "正常邮寄丙");
        var slip = await cases.RepliedAsync("clerk", "邮件号重复丁");
        var client = await factory.SignInAsync("clerk");

        var response = await client.PostFormAsync("/Mailing",
            Batch("registered-mail", (good, "XA200000001CN", true), (slip, "EA200000009CN", true)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"id=\"result-{good.Id}\" data-result=\"mailed\"");
        html.ShouldContain($"id=\"result-{slip.Id}\" data-result=\"refused\"");
        html.ShouldContain($"邮件号「EA200000009CN」已登记在{earlier.CaseNumber}");
        // The refused row is still there, ticked, with what was typed and the reason beside it.
        html.ShouldContain($"id=\"case-{slip.Id}\" class=\"refused\"");
        html.ShouldContain($"id=\"pick-{slip.Id}\" name=\"Rows[");
        html.ShouldMatch($@"id=""pick-{slip.Id}""[^>]*checked=""checked""");
        html.ShouldMatch($@"id=""tracking-{slip.Id}""[^>]*value=""EA200000009CN""");
        html.ShouldContain($"id=\"refusal-{slip.Id}\"");
        (await cases.LoadAsync(good.Id)).State.ShouldBe("mailed");
        (await cases.LoadAsync(good.Id)).Mailings.ShouldHaveSingleItem().Method.ShouldBe("挂号信");
        (await cases.LoadAsync(slip.Id)).State.ShouldBe("replied");
    }

    [Fact]
    public async Task A_case_mailed_by_a_colleague_meanwhile_is_refused_and_the_typed_number_is_shown()
    {
        var c = await cases.RepliedAsync("clerk", "同时邮寄戊");
        var client = await factory.SignInAsync("clerk");
        var token = await client.AntiforgeryTokenAsync("/Mailing");
        await cases.FireAsync(c.Id, "mail", await cases.ActorAsync("clerk"),
            new() { ["method"] = "ems", ["tracking-number"] = "EA300000001CN", ["posted-on"] = Today });

        var form = Batch("ems", (c, "EA300000002CN", true));
        form["__RequestVerificationToken"] = token;
        var response = await client.PostAsync("/Mailing", new FormUrlEncodedContent(form));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"id=\"result-{c.Id}\" data-result=\"refused\"");
        html.ShouldContain("EA300000002CN");
        html.ShouldContain("请刷新页面后再操作");
        (await cases.LoadAsync(c.Id)).Mailings.ShouldHaveSingleItem().TrackingNumber.ShouldBe("EA300000001CN");
    }

    [Fact]
    public async Task A_number_typed_in_a_row_that_is_not_ticked_comes_back_instead_of_being_dropped()
    {
        var c = await cases.RepliedAsync("clerk", "未勾选己");
        var client = await factory.SignInAsync("clerk");

        var response = await client.PostFormAsync("/Mailing", Batch("ems", (c, "EA400000001CN", false)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("填写了邮件号但未勾选");
        html.ShouldMatch($@"id=""tracking-{c.Id}""[^>]*value=""EA400000001CN""");
        (await cases.LoadAsync(c.Id)).State.ShouldBe("replied");
    }

    [Fact]
    public async Task Posting_with_nothing_ticked_says_so()
    {
        var c = await cases.RepliedAsync("clerk", "什么也没选庚");
        var client = await factory.SignInAsync("clerk");

        var response = await client.PostFormAsync("/Mailing", Batch("ems", (c, "", false)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请至少勾选一件要邮寄的案件");
    }

    [Fact]
    public async Task Another_agencys_case_is_neither_listed_nor_mailed()
    {
        var theirs = await cases.RepliedAsync("clerk2", "他机关申请人");
        await cases.RepliedAsync("clerk", "本机关申请人"); // so that the page has a form to take the token from
        var client = await factory.SignInAsync("clerk");

        (await client.GetStringAsync("/Mailing")).ShouldNotContain($"id=\"case-{theirs.Id}\"");
        var response = await client.PostFormAsync("/Mailing", Batch("ems", (theirs, "EA500000001CN", true)));

        (await response.Content.ReadAsStringAsync()).ShouldContain("未找到该案件，或该案件不属于本机关");
        (await cases.LoadAsync(theirs.Id)).State.ShouldBe("replied");
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("manager")]
    public async Task Only_a_clerk_may_post_the_batch(string userName)
    {
        var c = await cases.RepliedAsync("clerk", "角色检查辛");
        var client = await factory.SignInAsync(userName);
        (await client.GetStringAsync("/Mailing")).ShouldContain("只有经办人可以登记邮寄");

        var response = await client.PostFormAsync("/Mailing", Batch("ems", (c, "EA600000001CN", true)));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cases.LoadAsync(c.Id)).State.ShouldBe("replied");
    }

    [Fact]
    public async Task The_batch_form_carries_an_anti_forgery_token()
    {
        var c = await cases.RepliedAsync("clerk", "令牌检查壬");
        var client = await factory.SignInAsync("clerk");

        var response = await client.PostAsync("/Mailing", new FormUrlEncodedContent(Batch("ems", (c, "EA700000001CN", true))));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cases.LoadAsync(c.Id)).State.ShouldBe("replied");
    }
}
