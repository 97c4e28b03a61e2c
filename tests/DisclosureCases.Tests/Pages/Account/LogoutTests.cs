using System.Net;
using System.Text.RegularExpressions;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Pages.Account;

public partial class LogoutTests(LogoutTests.Factory factory) : IClassFixture<LogoutTests.Factory>
{
    public sealed class Factory : AppFactory;

    [GeneratedRegex(@"<form[^>]*action=""/Account/Logout""[^>]*>(?:(?!</form>).)*?name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""", RegexOptions.Singleline)]
    private static partial Regex LogoutForm();

    [Fact]
    public async Task The_sign_out_button_on_every_page_signs_out()
    {
        var client = await factory.SignInAsync("clerk");
        var html = await client.GetStringAsync("/Cases");
        var form = LogoutForm().Match(html);
        form.Success.ShouldBeTrue("the layout's 退出 form should carry its anti-forgery token");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.Groups[1].Value),
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
        var after = await client.GetAsync("/Cases");
        after.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}
