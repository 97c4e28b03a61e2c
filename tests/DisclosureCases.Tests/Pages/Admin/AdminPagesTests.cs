using System.Net;
using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Pages.Admin;

/// <summary>任务调度 and 节假日安排 are for 管理员 only; with the scheduler off the dashboard says so.</summary>
public sealed class AdminPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("clerk", "/Admin/Jobs")]
    [InlineData("manager", "/Admin/Jobs")]
    [InlineData("reviewer", "/Admin/Calendar")]
    [InlineData("clerk2", "/Admin/Calendar")]
    public async Task Anyone_but_an_administrator_gets_403(string user, string page)
    {
        var client = await factory.SignInAsync(user);
        var response = await client.GetAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("无权访问");
    }

    [Fact]
    public async Task A_non_administrators_post_is_403_and_changes_nothing()
    {
        var clerk = await factory.SignInAsync("clerk");
        // A valid token from a page the clerk may open: the refusal is about the role, not the form.
        var run = await clerk.PostFormAsync("/Admin/Jobs?handler=RunNow&job=deadline-sweep", [], formPageUrl: "/Notifications");
        run.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var reload = await clerk.PostFormAsync("/Admin/Calendar?handler=Reload", [], formPageUrl: "/Notifications");
        reload.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.CalendarChanges.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_unsigned_visitor_is_sent_to_the_login()
    {
        var response = await factory.NewClient().GetAsync("/Admin/Jobs");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task The_menu_shows_the_administration_pages_to_administrators_only()
    {
        (await (await factory.SignInAsync("admin")).GetStringAsync("/Cases")).ShouldContain("href=\"/Admin/Jobs\"");
        (await (await factory.SignInAsync("clerk")).GetStringAsync("/Cases")).ShouldNotContain("href=\"/Admin/Jobs\"");
    }

    [Fact]
    public async Task With_the_scheduler_off_the_dashboard_says_so_and_refuses_to_run_jobs()
    {
        var admin = await factory.SignInAsync("admin");
        var html = await admin.GetStringAsync("/Admin/Jobs");
        html.ShouldContain("调度器未启用");
        var run = await admin.PostFormAsync("/Admin/Jobs?handler=RunNow&job=deadline-sweep", [], formPageUrl: "/Admin/Jobs");
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Admin/Jobs")).ShouldContain("调度器未启用（Quartz:Enabled=false），不能执行该操作。");
    }

    [Fact]
    public async Task Every_form_of_the_dashboard_and_the_calendar_page_carries_an_anti_forgery_token()
    {
        var admin = await factory.SignInAsync("admin");
        foreach (var page in new[] { "/Admin/Jobs", "/Admin/Calendar" })
        {
            var html = await admin.GetStringAsync(page);
            var forms = System.Text.RegularExpressions.Regex.Matches(html, @"<form method=""post"".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
            forms.Count.ShouldBeGreaterThan(0, page);
            forms.ShouldAllBe(f => f.Value.Contains("__RequestVerificationToken"));
        }
        var withoutToken = await admin.PostAsync("/Admin/Calendar?handler=Reload", new FormUrlEncodedContent([]));
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
