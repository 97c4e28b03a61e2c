using System.Net;
using DisclosureCases.Data;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Jobs;
using DisclosureCases.Notifications;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Reliability;

/// <summary>
/// Two application nodes on one PostgreSQL database with a clustered scheduler, as a city-wide installation runs behind a
/// load balancer: jobs are shared out and their effects happen once, a sign-in on one node holds on the other, and of two
/// conflicting actions on one case from different nodes exactly one is applied.
/// </summary>
public sealed class TwoNodesTests : IDisposable
{
    static readonly DateOnly Monday = D("2026-11-23");
    readonly string _directory = AppFactory.NewDirectory();
    readonly NodeAppFactory _a;
    readonly NodeAppFactory _b;

    public TwoNodesTests()
    {
        TestDatabases.SkipUnlessPostgres();
        var clock = SchedulerTesting.DefaultClock();
        var installation = "nodes-" + Guid.NewGuid().ToString("N")[..8];
        // Node A creates the database and the demo installation; node B starts on it afterwards, as a second node joins.
        _a = new NodeAppFactory(_directory, keepDirectory: false, clock, installation);
        _ = _a.Services;
        _b = new NodeAppFactory(_directory, keepDirectory: true, clock, installation);
        _ = _b.Services;
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [SkippableFact]
    public async Task Fifty_reminders_fall_due_and_each_is_written_once_however_many_sweeps_the_two_nodes_run()
    {
        // Both nodes take jobs from the shared store: four held runs need both, as each node runs two jobs at a time.
        _a.Scripts.Set("test-slow", "hold", "hold");
        _b.Scripts.Set("test-slow", "hold", "hold");
        for (var i = 0; i < 4; i++)
            await (i % 2 == 0 ? _a : _b).Services.GetRequiredService<JobControl>().RunNowAsync("test-slow", Actor.System(1), default);
        var held = await Eventually.Async(async () =>
        {
            var runs = await _a.RunsAsync("test-slow");
            return runs.Count(r => r.Outcome == JobRunOutcome.Running) == 4 ? runs : null;
        }, "four held runs", TimeSpan.FromSeconds(60));
        var ids = $"A={(await _a.SchedulerAsync()).SchedulerInstanceId} B={(await _b.SchedulerAsync()).SchedulerInstanceId} runs={string.Join(",", held.Select(r => r.Node))}";
        held.Select(r => r.Node).Distinct().Count().ShouldBe(2, "each node runs two of the four " + ids);
        _a.Scripts.Release("test-slow");
        _b.Scripts.Release("test-slow");
        await _a.FinishedRunsAsync("test-slow", 4);

        // Fifty applications whose reply is due on Thursday: three working days from the clock's Monday.
        var maker = new CaseMaker(_a);
        var receivedOn = ReceivedForReplyDue(D("2026-11-26"));
        var cases = new List<int>();
        for (var i = 0; i < 50; i++)
            cases.Add((await maker.ReceiveAsync("clerk", "刘志强", c => c.ArrivedOn = receivedOn)).Id);

        // Six sweeps asked for at once, three on each node.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? _a : _b).Services.GetRequiredService<JobControl>().RunNowAsync(JobCatalog.DeadlineSweep, Actor.System(1), default)));
        var sweeps = await Eventually.Async(async () =>
        {
            var runs = await _a.RunsAsync(JobCatalog.DeadlineSweep);
            return runs.Count(r => r.EndedAt is not null) >= 6 && runs.All(r => r.EndedAt is not null) ? runs : null;
        }, "six finished sweeps", TimeSpan.FromSeconds(120));
        sweeps.ShouldAllBe(r => r.Outcome == JobRunOutcome.Succeeded, string.Join("; ", sweeps.Select(r => $"{r.Node}: {r.Outcome} {r.Error}")));

        await using var db = _a.Database.CreateContext(AgencyScope.All);
        var clerks = (await AgencyStaff.LoadAsync(db, default)).HandlersOf(await db.Cases.AsNoTracking().FirstAsync(c => c.Id == cases[0]));
        clerks.ShouldNotBeEmpty("no handler yet: every clerk of the agency is told");
        var written = await db.Notifications.AsNoTracking()
            .Where(n => cases.Contains(n.CaseId) && n.DeadlineKey == DeadlineKeys.Reply && n.Threshold == NotificationThreshold.DueSoon)
            .ToListAsync();
        written.Count.ShouldBe(50 * clerks.Count, "one reminder per case and clerk, none missing, none twice");
        written.GroupBy(n => (n.CaseId, n.RecipientId)).ShouldAllBe(g => g.Count() == 1);
        (await db.JobIncidents.CountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_sign_in_on_one_node_holds_on_the_other_and_its_forms_post_there()
    {
        var browser = new CookieContainer();
        var onA = _a.ClientWith(browser);
        var onB = _b.ClientWith(browser);
        var signIn = await onA.PostFormAsync("/Account/Login", new() { ["UserName"] = "clerk", ["Password"] = DisclosureCases.Web.Startup.DemoInstallation.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await onB.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.OK, "node B reads node A's sign-in cookie");
        // The form comes from node A (its anti-forgery token and cookie), the post goes to node B.
        var id = await onA.ReceiveAsync(CasePages.Intake(arrivedOn: _a.Clock.Today));
        var token = await onA.AntiforgeryTokenAsync($"/Cases/{id}");
        var post = await onB.PostAsync($"/Cases/{id}?handler=Fire", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["trigger"] = "register",
            ["version"] = (await onA.VersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["f.handler"] = await _a.UserIdAsync("clerk"),
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect, CasePages.Refusal(await post.Content.ReadAsStringAsync()));
        (await _b.LoadCaseAsync(id)).State.ShouldBe("processing");
    }

    [SkippableFact]
    public async Task Of_the_same_action_sent_to_both_nodes_at_once_one_is_applied_and_the_other_told_who_changed_the_case()
    {
        var onA = await _a.SignInAsync("clerk");
        var onB = await _b.SignInAsync("clerk");
        var handler = await _a.UserIdAsync("clerk");
        for (var round = 0; round < 3; round++)
        {
            var id = await onA.ReceiveAsync(CasePages.Intake(arrivedOn: _a.Clock.Today));
            var version = await onA.VersionAsync(id);
            var responses = await Task.WhenAll(
                onA.FireAsync(id, "register", new() { ["handler"] = handler }, version),
                onB.FireAsync(id, "register", new() { ["handler"] = handler }, version));

            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, "exactly one is applied");
            var refused = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            var refusal = CasePages.Refusal(await refused.Content.ReadAsStringAsync());
            refusal.ShouldContain("王晓梅");
            refusal.ShouldContain("请刷新页面");

            var c = await _a.LoadCaseAsync(id);
            c.State.ShouldBe("processing");
            c.Version.ShouldBe(version + 1, "registered once");
            await using var db = _a.Database.CreateContext(AgencyScope.All);
            (await db.CaseEvents.CountAsync(e => e.CaseId == id && e.Trigger == "register")).ShouldBe(1);
        }
    }

    /// <summary>The latest receipt date whose 20-working-day reply deadline is <paramref name="due"/>.</summary>
    static DateOnly ReceivedForReplyDue(DateOnly due)
    {
        var d = due.AddDays(-1);
        while (RealCalculator.AddWorkingDays(d, 20) > due) d = d.AddDays(-1);
        return d;
    }
}
