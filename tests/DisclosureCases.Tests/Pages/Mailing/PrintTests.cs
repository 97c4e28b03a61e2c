using System.Net;
using System.Text.RegularExpressions;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Pages.Mailing;

/// <summary>打印信封和邮寄清单: from the agency's approved templates, for the cases the clerk picks.</summary>
public sealed class PrintTests(PrintTests.Factory factory) : IClassFixture<PrintTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly CaseMaker cases = new(factory);

    [Fact]
    public async Task Envelopes_are_printed_one_a_sheet_for_the_selected_replied_cases_of_the_agency_only()
    {
        var first = await cases.RepliedAsync("clerk", "信封甲", i => { i.Address = "上海市静安区共和新路1000号"; i.PostalCode = "200070"; });
        var second = await cases.RepliedAsync("clerk", "信封乙", i => { i.Address = "上海市静安区大统路480号"; i.PostalCode = "200071"; });
        var elsewhere = await cases.RepliedAsync("clerk2", "外机关申请人");
        var client = await factory.SignInAsync("clerk");

        (await client.GetStringAsync("/Mailing")).ShouldContain("href=\"/Mailing/Print\"");
        var page = await client.GetStringAsync("/Mailing/Print");
        page.ShouldContain($"value=\"{first.Id}\"");
        page.ShouldNotContain($"value=\"{elsewhere.Id}\"");

        var response = await client.GetAsync($"/Mailing/Print?handler=Envelopes&ids={first.Id}&ids={second.Id}&ids={elsewhere.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Regex.Matches(html, "<article class=\"letter\" data-template=\"envelope\"").Count.ShouldBe(2);
        html.ShouldContain("break-before: page");
        html.ShouldContain("信封甲（收）");
        html.ShouldContain("上海市静安区共和新路1000号");
        html.ShouldContain("200071");
        html.ShouldContain("上海市静安区规划和自然资源局", customMessage: "the sender is the agency");
        html.ShouldNotContain("外机关申请人");
    }

    [Fact]
    public async Task The_mailing_list_of_a_dispatch_names_the_tracking_number_the_date_the_clerk_and_the_reply_it_carried()
    {
        var clerk = await factory.SignInAsync("clerk");
        var reviewer = await factory.SignInAsync("reviewer");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        await clerk.ReplyThroughLettersAsync(reviewer, id);
        await clerk.FireOkAsync(id, "mail", new() { ["method"] = "ems", ["tracking-number"] = "EA555666777CN", ["posted-on"] = CasePages.Today });
        var c = await factory.LoadCaseAsync(id);

        var page = await clerk.GetStringAsync($"/Mailing/Print?PostedOn={CasePages.Today}");
        page.ShouldContain("EA555666777CN");
        page.ShouldContain("1 份已签发文书");

        var html = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/Mailing/Print?handler=List&ids={id}"));
        html.ShouldContain("政府信息公开文书邮寄清单");
        html.ShouldContain("邮件号：EA555666777CN");
        html.ShouldContain("邮寄方式：EMS");
        var today = DateOnly.Parse(CasePages.Today);
        html.ShouldContain($"交寄日期：{today.Year}年{today.Month}月{today.Day}日");
        html.ShouldContain($"1. 政府信息公开申请答复书（{c.CaseNumber}）");
        html.ShouldContain("经办人：王晓梅");
        html.ShouldNotContain("placeholder\">", customMessage: "everything the list prints is known");
    }

    [Fact]
    public async Task Printing_nothing_is_refused_in_words()
    {
        var client = await factory.SignInAsync("clerk");
        var response = await client.GetAsync("/Mailing/Print?handler=Envelopes");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请至少勾选一件案件");
    }
}
