using DisclosureCases.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosureCases.Tests.Browser;

/// <summary>A 负责人 opens the 时限报表 from the top bar and downloads it as XLSX.</summary>
[Collection(BrowserCollection.Name)]
public class DeadlinesTests(BrowserFixture browser)
{
    [BrowserFact]
    public Task A_manager_opens_the_dashboard_and_downloads_the_xlsx() =>
        browser.RunAsync(nameof(A_manager_opens_the_dashboard_and_downloads_the_xlsx), async page =>
        {
            await new ReportCases(browser.App).AddAsync("2026-01-05", change: c => c.NextDue = new DateOnly(2026, 1, 20));

            await page.GotoAsync("/Account/Login");
            await page.Locator("#UserName").FillAsync("manager");
            await page.Locator("#Password").FillAsync(DisclosureCases.Web.Startup.DemoInstallation.Password);
            await page.Locator("#Password").PressAsync("Enter");
            await page.GetByRole(AriaRole.Link, new() { Name = "时限报表" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("时限报表");
            await Expect(page.Locator("svg.chart").First).ToBeVisibleAsync();
            await Expect(page.Locator("#by-status")).ToContainTextAsync("已超期");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".xlsx");
            var book = XlsxReader.Read(await File.ReadAllBytesAsync((await download.PathAsync())!));
            book["在办案件-按期限"]["A6"].ShouldBe("已超期");
            int.Parse(book["在办案件-按期限"]["B6"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        });
}
