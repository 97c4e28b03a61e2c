using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosureCases.Tests.Browser;

/// <summary>A case from the counter to the archive, clicked through the screens the way the clerk and reviewer do it.</summary>
[Collection(BrowserCollection.Name)]
public partial class LifecycleTests(BrowserFixture browser)
{
    const string Password = DisclosureCases.Web.Startup.DemoInstallation.Password;

    [GeneratedRegex(@"/Cases/(\d+)$")]
    private static partial Regex CaseUrl();

    [GeneratedRegex(@"剩余\d+个工作日")]
    private static partial Regex WorkingDaysLeft();

    static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
    }

    static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
    }

    /// <summary>Submits the action form of one trigger on the case page and waits for the new state.</summary>
    static async Task ActAsync(IPage page, string trigger, string expectedState)
    {
        var action = page.Locator($"details[data-trigger='{trigger}']");
        await action.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync(expectedState);
    }

    [BrowserFact]
    public Task A_clerk_takes_an_application_from_intake_to_the_archive() => browser.RunAsync(nameof(A_clerk_takes_an_application_from_intake_to_the_archive), async page =>
    {
        const string applicant = "浏览器测试申请人";
        const string tracking = "EA987654321CN";
        var screenshots = Environment.GetEnvironmentVariable("DISCLOSURE_SCREENSHOTS") == "1";

        // 接收: the clerk signs in and fills the intake form.
        await SignInAsync(page, "clerk");
        if (screenshots) await BrowserFixture.ScreenshotAsync(page, "worklist");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建申请" }).ClickAsync();
        await page.Locator("#Input_ApplicantName").FillAsync(applicant);
        await page.Locator("#Input_IdNumber").FillAsync("310106199003074417");
        await page.Locator("#Input_Phone").FillAsync("13812345678");
        await page.Locator("#Input_Address").FillAsync("上海市静安区共和新路1000号");
        await page.Locator("#Input_PostalCode").FillAsync("200070");
        await page.Locator("#Input_Description").FillAsync("静安区2025年度建设用地供应计划及其批复文件");
        await page.Locator("#Input_DeliveryMethod").SelectOptionAsync(new SelectOptionValue { Label = "邮寄" });
        await page.GetByRole(AriaRole.Button, new() { Name = "接收申请" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("已接收");
        var caseUrl = new Uri(page.Url).AbsolutePath;
        CaseUrl().IsMatch(caseUrl).ShouldBeTrue($"after intake the browser should be on the case page, not {caseUrl}");

        // The case page shows the running deadlines as 剩余N个工作日.
        await Expect(page.Locator("#deadlines")).ToContainTextAsync(WorkingDaysLeft());

        // 登记: pick the handler; the case gets its number.
        await page.Locator("#register-handler").SelectOptionAsync(new SelectOptionValue { Label = "王晓梅" });
        await ActAsync(page, "register", "办理中");
        var caseNumber = (await page.Locator("h1").InnerTextAsync()).Replace("办理中", "").Trim();
        caseNumber.ShouldStartWith("静规资信〔");
        if (screenshots) await BrowserFixture.ScreenshotAsync(page, "case");

        // 制作答复书 and 提交法制审核: the outcome picks the template; the letter is submitted from its own screen.
        await page.Locator("#make-reply").ClickAsync();
        await page.Locator("#outcome").SelectOptionAsync("disclose");
        await page.Locator("#preview").ClickAsync();
        await page.Locator("#slot-provision").FillAsync("现将该政府信息随本答复书一并提供。");
        await page.Locator("#preview").ClickAsync();
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#letter-status")).ToHaveTextAsync("法制审核中");
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator("#state")).ToHaveTextAsync("法制审核中");
        await SignOutAsync(page);

        // 审核通过并签发: the reviewer approves the letter; the 成文日期 defaults to today and the case is replied.
        await SignInAsync(page, "reviewer");
        await page.GotoAsync(caseUrl);
        await page.Locator("#review-reply").ClickAsync();
        await Expect(page.Locator("#issued-on")).Not.ToBeEmptyAsync();
        await page.Locator("#approve button[type=submit]").ClickAsync();
        await Expect(page.Locator("#letter-status")).ToHaveTextAsync("已签发");
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator("#state")).ToHaveTextAsync("已答复");
        await SignOutAsync(page);

        // 邮寄: on the batch page the clerk types the tracking number (which ticks the row) and presses Enter.
        await SignInAsync(page, "clerk");
        await page.GetByRole(AriaRole.Link, new() { Name = "邮寄" }).ClickAsync();
        var caseId = CaseUrl().Match(caseUrl).Groups[1].Value;
        var row = page.Locator($"#case-{caseId}");
        await Expect(row).ToContainTextAsync(applicant);
        await row.Locator($"#tracking-{caseId}").FillAsync(tracking);
        await Expect(row.Locator($"#pick-{caseId}")).ToBeCheckedAsync();
        if (screenshots) await BrowserFixture.ScreenshotAsync(page, "mailing");
        await row.Locator($"#tracking-{caseId}").PressAsync("Enter");
        await Expect(page.Locator($"#result-{caseId}")).ToContainTextAsync("已邮寄");
        await Expect(page.Locator($"#case-{caseId}")).ToHaveCountAsync(0);

        // 确认签收 and 归档 on the case page.
        await page.Locator($"#result-{caseId} a").ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("已邮寄");
        await Expect(page.Locator("#mailings")).ToContainTextAsync(tracking);
        await ActAsync(page, "confirm-delivery", "已送达");
        await ActAsync(page, "archive", "已归档");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "导出案卷（ZIP）" })).ToBeVisibleAsync();
        await Expect(page.Locator("#actions")).ToContainTextAsync("没有可执行的操作");

        // 归档查询 finds it by its number and leads back to it.
        await page.GetByRole(AriaRole.Link, new() { Name = "归档查询" }).ClickAsync();
        await page.Locator("#number").FillAsync(caseNumber);
        await page.Locator("#number").PressAsync("Enter");
        await Expect(page.Locator("#archive-total")).ToContainTextAsync("共 1 件");
        await page.Locator("#archive").GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(caseNumber);
        await Expect(page.Locator("#state")).ToHaveTextAsync("已归档");
    });
}
