using System.Net;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Pages.Archive;

public class IndexTests(IndexTests.Factory factory) : IClassFixture<IndexTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly CaseMaker cases = new(factory);

    static string Row(int caseId) => $"<a href=\"/Cases/{caseId}\">";

    [Fact]
    public async Task Search_by_case_number_finds_the_archived_case_and_links_to_its_page()
    {
        var archived = await cases.ArchivedAsync("clerk", "按文号查找");
        var other = await cases.ArchivedAsync("clerk", "另一件案卷");
        var client = await factory.SignInAsync("clerk");

        var html = await client.GetStringAsync($"/Archive?Number={Uri.EscapeDataString(archived.CaseNumber!)}");

        html.ShouldContain(Row(archived.Id) + archived.CaseNumber);
        html.ShouldNotContain(Row(other.Id));
        html.ShouldContain("符合条件的已归档案件共 1 件");
    }

    [Fact]
    public async Task Another_agencys_archived_case_is_never_found()
    {
        var ours = await cases.ArchivedAsync("clerk", "同名申请人");
        var theirs = await cases.ArchivedAsync("clerk2", "同名申请人");
        var client = await factory.SignInAsync("clerk");

        var byName = await client.GetStringAsync($"/Archive?Applicant={Uri.EscapeDataString("同名申请人")}");
        var byNumber = await client.GetStringAsync($"/Archive?Number={Uri.EscapeDataString(theirs.CaseNumber!)}");

        byName.ShouldContain(Row(ours.Id));
        byName.ShouldNotContain(Row(theirs.Id));
        byNumber.ShouldNotContain(Row(theirs.Id));
        byNumber.ShouldContain("没有符合条件的已归档案件");
    }

    [Fact]
    public async Task A_case_still_being_handled_is_not_in_the_archive()
    {
        var replied = await cases.RepliedAsync("clerk", "尚未归档的申请人");
        var client = await factory.SignInAsync("clerk");

        var html = await client.GetStringAsync($"/Archive?Applicant={Uri.EscapeDataString("尚未归档的申请人")}");

        html.ShouldNotContain(Row(replied.Id));
    }

    [Fact]
    public async Task Search_by_id_number_ignores_the_case_of_the_check_character()
    {
        var withX = await cases.ArchivedAsync("clerk", "证件号查找甲", i => i.IdNumber = "11010519491231002X");
        var other = await cases.ArchivedAsync("clerk", "证件号查找乙", i => i.IdNumber = "310106199003074417");
        var client = await factory.SignInAsync("clerk");

        var html = await client.GetStringAsync("/Archive?IdNumber=19491231002x");

        html.ShouldContain(Row(withX.Id));
        html.ShouldNotContain(Row(other.Id));
    }

    [Fact]
    public async Task Search_by_request_text_and_outcome_narrows_the_result()
    {
        var c = await cases.ArchivedAsync("clerk", "内容查找", i => i.Description = "曹家渡地区旧区改造项目的征收决定及补偿方案");
        var client = await factory.SignInAsync("clerk");

        (await client.GetStringAsync($"/Archive?Text={Uri.EscapeDataString("旧区改造")}")).ShouldContain(Row(c.Id));
        (await client.GetStringAsync($"/Archive?Text={Uri.EscapeDataString("旧区改造")}&Outcome=disclose")).ShouldContain(Row(c.Id));
        (await client.GetStringAsync($"/Archive?Text={Uri.EscapeDataString("旧区改造")}&Outcome=withhold-process")).ShouldNotContain(Row(c.Id));
    }

    [Fact]
    public async Task Search_by_received_date_range_includes_both_ends()
    {
        var c = await cases.ArchivedAsync("clerk", "日期范围查找");
        var day = c.ReceivedOn.ToString("yyyy-MM-dd");
        var dayBefore = c.ReceivedOn.AddDays(-1).ToString("yyyy-MM-dd");
        var client = await factory.SignInAsync("clerk");

        (await client.GetStringAsync($"/Archive?ReceivedFrom={day}&ReceivedTo={day}&Applicant={Uri.EscapeDataString("日期范围查找")}"))
            .ShouldContain(Row(c.Id));
        (await client.GetStringAsync($"/Archive?ReceivedTo={dayBefore}&Applicant={Uri.EscapeDataString("日期范围查找")}"))
            .ShouldNotContain(Row(c.Id));
    }

    [Fact]
    public async Task Results_are_paged_and_the_next_page_keeps_the_criteria()
    {
        const string applicant = "分页查找";
        var made = new List<int>();
        for (var i = 0; i < DisclosureCases.Pages.Archive.IndexModel.PageSize + 1; i++)
            made.Add((await cases.ArchivedAsync("clerk", applicant)).Id);
        var client = await factory.SignInAsync("clerk");

        var first = await client.GetStringAsync($"/Archive?Applicant={Uri.EscapeDataString(applicant)}");
        first.ShouldContain($"共 {made.Count} 件");
        first.ShouldContain("下一页");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" rel=\"next\"").Groups[1].Value;
        next = WebUtility.HtmlDecode(next);
        next.ShouldContain("PageNumber=2");
        var second = await client.GetStringAsync(next);

        // Newest closed first: the first case made is the one left for page two.
        second.ShouldContain(Row(made[0]));
        first.ShouldNotContain(Row(made[0]));
        second.ShouldContain("第 2 页");
    }
}
