using System.Net;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Pages.Account;

public class LoginTests(LoginTests.Factory factory) : IClassFixture<LoginTests.Factory>
{
    public sealed class Factory : AppFactory;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page()
    {
        var response = await factory.NewClient().GetAsync("/Cases");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task A_demo_clerk_signs_in_and_lands_on_the_worklist()
    {
        var client = factory.NewClient();
        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "clerk", ["Password"] = "Demo@2026" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Cases");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var client = factory.NewClient();
        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "reviewer", ["Password"] = "wrong-password" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("用户名或密码不正确");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = factory.NewClient();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "clerk2", ["Password"] = "wrong-password" });
        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = "clerk2", ["Password"] = "Demo@2026" });
        (await response.Content.ReadAsStringAsync()).ShouldContain("账号已暂时锁定");
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_rejected()
    {
        var client = factory.NewClient();
        var response = await client.PostAsync("/Account/Login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "clerk", ["Password"] = "Demo@2026" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var response = await factory.NewClient().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"provider\":\"{factory.Provider}\"");
    }
}
