using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosureCases.Tests.Browser;

/// <summary>A 答复书 made, previewed, submitted and approved in the browser, the way the clerk and the reviewer do it.</summary>
[Collection(BrowserCollection.Name)]
public partial class LetterTests(BrowserFixture browser)
{
    const string Password = DisclosureCases.Web.Startup.DemoInstallation.Password;
    const string Reasons = "该信息涉及第三方的商业秘密。经书面征求意见，第三方不同意公开且理由合理。";

    [GeneratedRegex(@"/Cases/(\d+)$")]
    private static partial Regex CaseUrl();

    static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
    }

    [BrowserFact]
    public Task A_clerk_produces_and_previews_a_reply_and_a_reviewer_approves_it() => browser.RunAsync(nameof(A_clerk_produces_and_previews_a_reply_and_a_reviewer_approves_it), async page =>
    {
        var screenshots = Environment.GetEnvironmentVariable("DISCLOSURE_SCREENSHOTS") == "1";
        await SignInAsync(page, "clerk");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建申请" }).ClickAsync();
        await page.Locator("#Input_ApplicantName").FillAsync("答复书测试申请人");
        await page.Locator("#Input_IdNumber").FillAsync("310106199003074417");
        await page.Locator("#Input_Phone").FillAsync("13812345678");
        await page.Locator("#Input_Address").FillAsync("上海市静安区共和新路1000号");
        await page.Locator("#Input_PostalCode").FillAsync("200070");
        await page.Locator("#Input_Description").FillAsync("某地块国有建设用地使用权出让合同及其附件");
        await page.GetByRole(AriaRole.Button, new() { Name = "接收申请" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("已接收");
        var caseUrl = new Uri(page.Url).AbsolutePath;
        await page.Locator("#register-handler").SelectOptionAsync(new SelectOptionValue { Label = "王晓梅" });
        await page.Locator("details[data-trigger='register'] button[type=submit]").ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("办理中");
        var caseNumber = (await page.Locator("h1").InnerTextAsync()).Replace("办理中", "").Trim();

        // 制作答复书: pick the outcome; its template appears with the case merged in and the reasons still to write.
        await page.Locator("#make-reply").ClickAsync();
        await page.Locator("#outcome").SelectOptionAsync("withhold-third-party");
        await page.Locator("#preview").ClickAsync();
        await Expect(page.Locator("#template")).ToContainTextAsync("reply-withhold-third-party 第1版");
        var preview = page.FrameLocator("#letter-preview");
        await Expect(preview.Locator("p.el-recital")).ToContainTextAsync("某地块国有建设用地使用权出让合同及其附件");
        await Expect(preview.Locator("p.el-remedies")).ToContainTextAsync("上海市静安区人民法院");
        await Expect(preview.Locator("p.el-reasons .placeholder")).ToHaveCountAsync(1);
        await Expect(page.Locator("#submit")).ToHaveCountAsync(0);

        // The reasons typed, previewed again: the letter shows them, and it can go to 法制审核.
        await page.Locator("#slot-reasons").FillAsync(Reasons);
        await page.Locator("#preview").ClickAsync();
        await Expect(preview.Locator("p.el-reasons")).ToContainTextAsync(Reasons);
        await Expect(preview.Locator("p.el-number .placeholder")).ToHaveTextAsync("【文号】");
        if (screenshots) await BrowserFixture.ScreenshotAsync(page, "letter-edit");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#letter-status")).ToHaveTextAsync("法制审核中");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();

        // The reviewer finds it in 文书审核, reads it and approves it: the letter gets the case number as its 文号.
        await SignInAsync(page, "reviewer");
        await page.GetByRole(AriaRole.Link, new() { Name = "文书审核" }).ClickAsync();
        await page.Locator("#in-review").GetByRole(AriaRole.Link, new() { Name = "政府信息公开申请答复书" }).First.ClickAsync();
        await Expect(page.FrameLocator("#letter-preview").Locator("p.el-reasons")).ToContainTextAsync(Reasons);
        if (screenshots) await BrowserFixture.ScreenshotAsync(page, "letter-review");
        await page.Locator("#approve button[type=submit]").ClickAsync();
        await Expect(page.Locator("#letter-status")).ToHaveTextAsync("已签发");
        await Expect(page.Locator("#letter-number")).ToHaveTextAsync(caseNumber);
        await Expect(page.FrameLocator("#letter-preview").Locator("p.el-number")).ToHaveTextAsync(caseNumber);
        await Expect(page.Locator("#reproduces")).ToContainTextAsync("逐字节一致");

        // The template version that made it is one click away, in the library.
        var letterUrl = new Uri(page.Url).PathAndQuery;
        await page.Locator("#letter-template a").ClickAsync();
        await Expect(page.Locator("#version-text")).ToContainTextAsync("document: reply");
        if (screenshots)
        {
            await page.GotoAsync("/Templates/reply-withhold-third-party");
            await BrowserFixture.ScreenshotAsync(page, "template");
            await page.GotoAsync("/Templates/reply-withhold-third-party/Edit");
            await page.Locator("#check").ClickAsync();
            await BrowserFixture.ScreenshotAsync(page, "template-edit");
        }
        await page.GotoAsync(letterUrl);

        // The print copy opens on its own, and the case is replied.
        var popup = await page.RunAndWaitForPopupAsync(() => page.Locator("#print").ClickAsync());
        await Expect(popup.Locator("p.el-number")).ToHaveTextAsync(caseNumber);
        await popup.CloseAsync();
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator("#state")).ToHaveTextAsync("已答复");
        await Expect(page.Locator("#letters")).ToContainTextAsync("reply-withhold-third-party 第1版");
        CaseUrl().IsMatch(caseUrl).ShouldBeTrue();
    });
}
