using System.Net;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using DisclosureCases.Notifications;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Pages.Notifications;

/// <summary>The bell in the top bar and the 通知 page: per user, within the user's agency.</summary>
public sealed partial class IndexTests(AppFactory factory) : IClassFixture<AppFactory>
{
    readonly CaseMaker maker = new(factory);

    /// <summary>Three notifications for the demo clerk about a fresh case; returns their ids.</summary>
    async Task<(int CaseId, long[] Ids)> ThreeForTheClerkAsync()
    {
        var c = await maker.ReceiveAsync("clerk", "刘志强");
        var clerk = await factory.UserIdAsync("clerk");
        var now = DateTimeOffset.UtcNow;
        var due = DateOnly.FromDateTime(DateTime.Today).AddDays(3);
        Notification N(NotificationThreshold t, string title) => new()
        {
            AgencyId = c.AgencyId, RecipientId = clerk, CaseId = c.Id, DeadlineKey = "reply", Threshold = t, DueDate = due,
            Kind = NotificationKind.Reminder, Title = title, Message = title + "：测试消息", Link = $"/Cases/{c.Id}#deadlines", CreatedAt = now,
        };
        await factory.Services.GetRequiredService<NotificationWriter>().AddMissingAsync(
            [N(NotificationThreshold.DueSoon, "答复期限将至"), N(NotificationThreshold.DueToday, "答复期限今日届满"), N(NotificationThreshold.Overdue, "答复期限已超期")], default);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return (c.Id, await db.Notifications.Where(n => n.CaseId == c.Id).OrderBy(n => n.Id).Select(n => n.Id).ToArrayAsync());
    }

    [GeneratedRegex(@"id=""bell-count"">(\d+)<")]
    private static partial Regex BellCount();

    /// <summary>The unread count the bell shows, or null when it shows none (nothing unread).</summary>
    static async Task<int?> BellAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Cases");
        html.ShouldContain("id=\"bell\"");
        // The bell's markup is code, never text: "通知@if" once rendered the condition itself into the top bar.
        var bell = html[html.IndexOf("id=\"bell\"", StringComparison.Ordinal)..];
        bell = bell[..bell.IndexOf("</a>", StringComparison.Ordinal)];
        bell.ShouldNotContain("@");
        bell.ShouldNotContain("{");
        var m = BellCount().Match(bell);
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    [Fact]
    public async Task The_bell_counts_unread_notifications_and_marking_them_read_one_and_all_empties_it()
    {
        var clerk = await factory.SignInAsync("clerk");
        await clerk.PostFormAsync("/Notifications?handler=ReadAll", [], formPageUrl: "/Notifications");
        var (_, ids) = await ThreeForTheClerkAsync();
        (await BellAsync(clerk)).ShouldBe(3);

        var one = await clerk.PostFormAsync($"/Notifications?handler=Read&id={ids[0]}", [], formPageUrl: "/Notifications");
        one.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BellAsync(clerk)).ShouldBe(2);
        (await clerk.GetStringAsync("/Notifications?show=unread")).ShouldNotContain($"data-id=\"{ids[0]}\"");

        var all = await clerk.PostFormAsync("/Notifications?handler=ReadAll", [], formPageUrl: "/Notifications");
        all.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BellAsync(clerk)).ShouldBeNull();
        var list = await clerk.GetStringAsync("/Notifications");
        list.ShouldContain("答复期限已超期：测试消息");
        list.ShouldContain($"<tr class=\"read\" data-id=\"{ids[2]}\">");
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_its_case()
    {
        var clerk = await factory.SignInAsync("clerk");
        var (caseId, ids) = await ThreeForTheClerkAsync();
        var open = await clerk.PostFormAsync($"/Notifications?handler=Open&id={ids[1]}", [], formPageUrl: "/Notifications");
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        open.Headers.Location!.ToString().ShouldBe($"/Cases/{caseId}#deadlines");
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.Notifications.SingleAsync(n => n.Id == ids[1])).ReadAt.ShouldNotBeNull();
        (await db.Notifications.SingleAsync(n => n.Id == ids[2])).ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task Nobody_sees_or_marks_another_users_notifications()
    {
        var (_, ids) = await ThreeForTheClerkAsync();
        var other = await factory.SignInAsync("clerk2");
        (await other.GetStringAsync("/Notifications")).ShouldNotContain($"data-id=\"{ids[0]}\"");
        (await other.PostFormAsync($"/Notifications?handler=Read&id={ids[0]}", [], formPageUrl: "/Notifications")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync($"/Notifications?handler=Open&id={ids[0]}", [], formPageUrl: "/Notifications")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Same agency, another user: the manager does not see the clerk's either.
        var manager = await factory.SignInAsync("manager");
        (await manager.GetStringAsync("/Notifications")).ShouldNotContain($"data-id=\"{ids[0]}\"");
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.Notifications.SingleAsync(n => n.Id == ids[0])).ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task Marking_read_without_the_anti_forgery_token_is_refused()
    {
        var clerk = await factory.SignInAsync("clerk");
        var (_, ids) = await ThreeForTheClerkAsync();
        var response = await clerk.PostAsync($"/Notifications?handler=Read&id={ids[0]}", new FormUrlEncodedContent([]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.Notifications.SingleAsync(n => n.Id == ids[0])).ReadAt.ShouldBeNull();
    }
}
