using System.Text.RegularExpressions;
using DisclosureCases.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosureCases.Tests.Browser;

/// <summary>A 法制审核人员 records a 行政复议 case from the application's page to its decision, which reopens the application.</summary>
[Collection(BrowserCollection.Name)]
public partial class ReviewTests(BrowserFixture browser)
{
    [GeneratedRegex(@"/Reviews/(\d+)$")]
    private static partial Regex ReviewUrl();

    [BrowserFact]
    public Task A_reviewer_records_a_reconsideration_case_and_its_outcome() =>
        browser.RunAsync(nameof(A_reviewer_records_a_reconsideration_case_and_its_outcome), async page =>
        {
            var application = await new CaseMaker(browser.App).ArchivedAsync("clerk", "浏览器复议申请人");
            var today = CasePages.Today;

            await page.GotoAsync("/Account/Login");
            await page.Locator("#UserName").FillAsync("reviewer");
            await page.Locator("#Password").FillAsync(DisclosureCases.Web.Startup.DemoInstallation.Password);
            await page.Locator("#Password").PressAsync("Enter");

            // From the application: its applicant's windows and the 登记复议/诉讼 button.
            await page.GotoAsync($"/Cases/{application.Id}");
            await Expect(page.Locator("#applicant-windows")).ToContainTextAsync("申请行政复议");
            await page.Locator("#register-review").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("登记行政复议、行政诉讼案件");
            await page.Locator("#Input_Body").FillAsync("上海市静安区人民政府");
            await page.Locator("#Input_BodyCaseNumber").FillAsync("静府复〔2026〕第808号");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(ReviewUrl());
            await Expect(page.Locator("#state")).ToHaveTextAsync("已登记");
            await Expect(page.Locator("#unreported")).ToBeVisibleAsync();
            await Expect(page.Locator($"#application-{application.Id} a[href='/Cases/{application.Id}/Evidence']")).ToBeVisibleAsync();

            // The copy arrives: the answer deadline (5 working days in the simplified procedure) appears with its explanation.
            var receive = page.Locator("details[data-trigger='receive-copy']");
            await receive.Locator("input[name='f.copy-received']").FillAsync(today);
            await receive.Locator("input[name='f.accepted-on']").FillAsync(today);
            await receive.Locator("button[type=submit]").ClickAsync();
            await Expect(page.Locator("#state")).ToHaveTextAsync("答复举证中");
            var answer = page.Locator("#deadlines tr[data-key='review-answer']");
            await Expect(answer).ToContainTextAsync("复议答复期限");
            await answer.Locator("summary").ClickAsync();
            await Expect(answer.Locator(".explain")).ToContainTextAsync("《行政复议法》第五十四条");

            // 报备.
            var report = page.Locator("#report-entry");
            await report.Locator("summary").ClickAsync();
            await report.Locator("#reportedOn").FillAsync(today);
            await report.GetByRole(AriaRole.Button, new() { Name = "登记报备" }).ClickAsync();
            await Expect(page.Locator("#reported")).ToContainTextAsync($"已于 {today} 报备");

            // The decision: 撤销并责令重作 reopens the application.
            var entry = page.Locator("#result-entry");
            await entry.Locator("summary").ClickAsync();
            await entry.Locator("#result-code").SelectOptionAsync("revoke-and-redo");
            await entry.Locator("#decidedOn").FillAsync(today);
            await entry.Locator("#servedOn").FillAsync(today);
            await entry.Locator("#content").FillAsync("撤销原答复，责令被申请人重新答复。");
            await entry.GetByRole(AriaRole.Button, new() { Name = "登记结果" }).ClickAsync();
            await Expect(page.Locator("#state")).ToHaveTextAsync("已作出复议决定");
            await Expect(page.Locator("#result")).ToContainTextAsync("撤销并责令重作");
            await Expect(page.Locator("#result")).ToContainTextAsync("结果纠正");
            await Expect(page.Locator($"#application-{application.Id}")).ToContainTextAsync("起重新答复");
            await Expect(page.Locator("#timeline")).ToContainTextAsync("重新办理，新答复期限");

            await page.Locator($"#application-{application.Id} a[href='/Cases/{application.Id}']").ClickAsync();
            await Expect(page.Locator("#state")).ToHaveTextAsync("办理中");
            await Expect(page.Locator("#timeline")).ToContainTextAsync("重新办理");
            await Expect(page.Locator("#deadlines")).ToContainTextAsync("责令重新答复");
        });
}
