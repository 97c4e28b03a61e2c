using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using DisclosureCases.Tests.Cli;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Pages.Cases;

/// <summary>工作台 on a large agency: a capped total, and the due-date order read in two index-ordered parts.</summary>
public partial class WorklistTests(WorklistTests.Factory factory) : IClassFixture<WorklistTests.Factory>
{
    public const int Seeded = 1_200;

    public sealed class Factory : AppFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            var seed = await CliHarness.RunAsync(this, "seed", "--cases", Seeded.ToString(CultureInfo.InvariantCulture), "--batch", "600");
            seed.ExitCode.ShouldBe(0, seed.Error);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [GeneratedRegex(@"<td><a href=""/Cases/(\d+)"">")]
    private static partial Regex RowPattern();

    internal static List<int> Ids(string html) => RowPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task More_than_a_thousand_matching_cases_are_counted_as_1000_plus_and_the_pages_go_on()
    {
        var clerk = await factory.SignInAsync("clerk");
        var html = await clerk.GetStringAsync("/Cases?Scope=all-states");
        System.Net.WebUtility.HtmlDecode(html).ShouldContain("共 1000+ 件");
        html.ShouldContain("rel=\"next\"");
        Ids(html).Count.ShouldBe(DisclosureCases.Pages.Cases.IndexModel.PageSize);

        var last = await clerk.GetStringAsync($"/Cases?Scope=all-states&PageNumber={Seeded / 25}");
        Ids(last).Count.ShouldBe(25, "the pages go on past the counted thousand, to the last case");
        last.ShouldNotContain("rel=\"next\"");
    }

    [Fact]
    public async Task By_due_date_the_cases_with_a_deadline_come_first_soonest_first_then_those_without_by_id()
    {
        List<int> expected;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var open = await db.Cases.AsNoTracking().Where(c => !c.Archived).Select(c => new { c.Id, c.NextDue }).ToListAsync();
            open.ShouldContain(c => c.NextDue == null, "the seed should leave open cases without a deadline (replied, mailed)");
            expected = open.OrderBy(c => c.NextDue == null).ThenBy(c => c.NextDue).ThenBy(c => c.Id).Select(c => c.Id).ToList();
        }
        var manager = await factory.SignInAsync("manager");
        var shown = new List<int>();
        for (var page = 1; page <= (expected.Count + 24) / 25; page++)
            shown.AddRange(Ids(await manager.GetStringAsync($"/Cases?Scope=agency&PageNumber={page}")));
        shown.ShouldBe(expected);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("manager")]
    public async Task Mine_counts_my_open_cases_and_the_unassigned_new_ones(string userName)
    {
        int expected;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            var agencyCases = db.Cases.AsNoTracking().Where(c => c.AgencyId == user.AgencyId && !c.Archived);
            expected = await agencyCases.CountAsync(c => c.HandlerId == user.Id || (c.HandlerId == null && c.State == "received"));
            (await agencyCases.CountAsync(c => c.HandlerId == null && c.State == "received")).ShouldBeGreaterThan(0, "the seed should leave unassigned new cases");
        }
        var client = await factory.SignInAsync(userName);
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Cases?Scope=mine"));
        html.ShouldContain(expected > DisclosureCases.Pages.Cases.IndexModel.CountCap ? "共 1000+ 件" : $"共 {expected} 件");
    }

    [Theory]
    [InlineData("clerk", "due")]
    [InlineData("clerk", "received")]
    [InlineData("clerk", "number")]
    [InlineData("manager", "due")]
    [InlineData("manager", "received")]
    [InlineData("manager", "number")]
    public async Task Mine_is_my_cases_and_the_unassigned_new_ones_merged_in_the_chosen_order(string userName, string sort)
    {
        List<int> expected;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            var mine = await db.Cases.AsNoTracking()
                .Where(c => c.AgencyId == user.AgencyId && !c.Archived && (c.HandlerId == user.Id || (c.HandlerId == null && c.State == "received")))
                .Select(c => new Listed(c.Id, c.NextDue, c.ReceivedOn, c.CaseNumber)).ToListAsync();
            mine.ShouldContain(c => c.CaseNumber == null, "the unassigned new cases have no number yet");
            expected = InListOrder(mine, sort).Take(75).ToList();
        }
        var client = await factory.SignInAsync(userName);
        var shown = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            var html = await client.GetStringAsync($"/Cases?Scope=mine&Sort={sort}&PageNumber={page}");
            shown.AddRange(Ids(html));
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal)) break;
        }
        shown.ShouldBe(expected);
    }

    [Theory]
    [InlineData("clerk", "archived", "number")]
    [InlineData("clerk", "archived", "due")]
    [InlineData("clerk", "processing", "received")]
    [InlineData("clerk", "received", "number")]
    [InlineData("manager", "archived", "due")]
    [InlineData("manager", "processing", "number")]
    [InlineData("manager", "received", "received")]
    public async Task Mine_filtered_to_one_state_is_my_cases_of_that_state_and_the_unassigned_new_ones_counted_and_in_order(
        string userName, string state, string sort)
    {
        List<int> expected;
        int count;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            var matching = await db.Cases.AsNoTracking()
                .Where(c => c.AgencyId == user.AgencyId && c.State == state && (c.HandlerId == user.Id || (c.HandlerId == null && c.State == "received")))
                .Select(c => new Listed(c.Id, c.NextDue, c.ReceivedOn, c.CaseNumber)).ToListAsync();
            count = matching.Count;
            expected = InListOrder(matching, sort).Take(25).ToList();
        }
        if (userName == "clerk" && state != "received") count.ShouldBeGreaterThan(0, "the seed should give the clerk cases in that state");
        if (userName == "manager" && state != "received") count.ShouldBe(0, "a manager has no cases of their own, and the unassigned are new");
        var client = await factory.SignInAsync(userName);
        var html = await client.GetStringAsync($"/Cases?Scope=mine&State={state}&Sort={sort}");
        Ids(html).ShouldBe(expected);
        System.Net.WebUtility.HtmlDecode(html).ShouldContain(count > DisclosureCases.Pages.Cases.IndexModel.CountCap ? "共 1000+ 件" : $"共 {count} 件");
    }

    [Theory]
    [InlineData("received", false)]
    [InlineData("number", false)]
    [InlineData("due", false)]
    [InlineData("received", true)]
    [InlineData("number", true)]
    public async Task Overdue_and_due_within_days_list_the_agencys_open_cases_due_by_then_counted_and_in_order(string sort, bool overdue)
    {
        var today = DisclosureCases.Domain.Cases.ShanghaiTime.Today(TimeProvider.System);
        var limit = factory.Services.GetRequiredService<DisclosureCases.Cases.CalendarHolder>().Calculator.AddWorkingDays(today, 5);
        List<int> expected;
        int count;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "clerk");
            var open = await db.Cases.AsNoTracking().Where(c => c.AgencyId == user.AgencyId && !c.Archived && c.NextDue != null)
                .Select(c => new Listed(c.Id, c.NextDue, c.ReceivedOn, c.CaseNumber)).ToListAsync();
            var matching = open.Where(c => overdue ? c.NextDue < today : c.NextDue <= limit).ToList();
            count = matching.Count;
            expected = InListOrder(matching, sort).Take(25).ToList();
            count.ShouldBeGreaterThan(0, "the seed should leave cases due by then");
            count.ShouldBeLessThan(open.Count, "and cases due later, which the filter leaves out");
        }
        var client = await factory.SignInAsync("clerk");
        var html = await client.GetStringAsync($"/Cases?Scope=agency&Sort={sort}&{(overdue ? "Overdue=true" : "DueWithin=5")}");
        Ids(html).ShouldBe(expected);
        System.Net.WebUtility.HtmlDecode(html).ShouldContain(count > DisclosureCases.Pages.Cases.IndexModel.CountCap ? "共 1000+ 件" : $"共 {count} 件");
    }

    sealed record Listed(int Id, DateOnly? NextDue, DateOnly ReceivedOn, string? CaseNumber);

    /// <summary>The worklist's orders, as the page reads them: by deadline the dated soonest first then the undated by id;
    /// newest receipt first; by case number, where each database puts a case without a number where it orders NULL.</summary>
    IEnumerable<int> InListOrder(IEnumerable<Listed> cases, string sort)
    {
        var nullsFirst = factory.Database.Provider == DatabaseProvider.Sqlite;
        return (sort switch
        {
            "received" => cases.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id),
            "number" => cases.OrderBy(c => c.CaseNumber is null ? (nullsFirst ? 0 : 2) : 1).ThenBy(c => c.CaseNumber, StringComparer.Ordinal).ThenBy(c => c.Id),
            _ => cases.OrderBy(c => c.NextDue is null).ThenBy(c => c.NextDue).ThenBy(c => c.Id),
        }).Select(c => c.Id);
    }
}
