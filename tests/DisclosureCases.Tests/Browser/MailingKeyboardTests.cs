using DisclosureCases.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DisclosureCases.Tests.Browser;

/// <summary>The mailing batch as a clerk with a pile of envelopes uses it: type a number, Tab, type the next, Enter.</summary>
[Collection(BrowserCollection.Name)]
public class MailingKeyboardTests(BrowserFixture browser)
{
    [BrowserFact]
    public Task Tab_goes_from_tracking_number_to_tracking_number_and_a_refused_batch_keeps_what_was_typed() =>
        browser.RunAsync(nameof(Tab_goes_from_tracking_number_to_tracking_number_and_a_refused_batch_keeps_what_was_typed), async page =>
        {
            var cases = new CaseMaker(browser.App);
            var first = await cases.RepliedAsync("clerk", "键盘邮寄甲");
            var second = await cases.RepliedAsync("clerk", "键盘邮寄乙");

            await page.GotoAsync("/Account/Login");
            await page.Locator("#UserName").FillAsync("clerk");
            await page.Locator("#Password").FillAsync(DisclosureCases.Web.Startup.DemoInstallation.Password);
            await page.Locator("#Password").PressAsync("Enter");
            await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
            await page.GotoAsync("/Mailing");

            // Typing ticks the row; Tab skips the checkbox and the case link and lands in the next row's number.
            await page.Locator($"#tracking-{first.Id}").FocusAsync();
            await page.Keyboard.TypeAsync("EA800000001CN");
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator($"#tracking-{second.Id}")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("EA800000001CN"); // the same number twice: a slip
            await Expect(page.Locator($"#pick-{first.Id}")).ToBeCheckedAsync();
            await Expect(page.Locator($"#pick-{second.Id}")).ToBeCheckedAsync();
            await page.Keyboard.PressAsync("Enter");

            // Both refused, both still ticked with their numbers, the cursor back in the first refused row.
            await Expect(page.Locator($"#result-{first.Id}")).ToContainTextAsync("在本批中填写了不止一次");
            await Expect(page.Locator($"#tracking-{first.Id}")).ToHaveValueAsync("EA800000001CN");
            await Expect(page.Locator($"#tracking-{second.Id}")).ToHaveValueAsync("EA800000001CN");
            await Expect(page.Locator($"#pick-{second.Id}")).ToBeCheckedAsync();
            await Expect(page.Locator($"#tracking-{first.Id}")).ToBeFocusedAsync();

            // Correct the second number and press Enter: both are posted.
            await page.Locator($"#tracking-{second.Id}").FillAsync("EA800000002CN");
            await page.Locator($"#tracking-{second.Id}").PressAsync("Enter");
            await Expect(page.Locator($"#result-{first.Id}")).ToContainTextAsync("已邮寄");
            await Expect(page.Locator($"#result-{second.Id}")).ToContainTextAsync("已邮寄");
            await Expect(page.Locator("#awaiting-delivery")).ToContainTextAsync("EA800000002CN");
        });
}
