using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Pages.Cases;

/// <summary>
/// 工作台 "mine" for a clerk whose agency has no unassigned new case: their own cases alone (the list leaves out the
/// empty half of its OR; <see cref="WorklistTests"/> covers a clerk with both halves and a manager with none of their own).
/// </summary>
public class WorklistMineTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Mine_without_unassigned_new_cases_is_my_cases_alone()
    {
        var cases = new CaseMaker(factory);
        var clerk2 = await cases.ActorAsync("clerk2");
        await cases.ReceiveAsync("clerk2", "吴十");
        List<int> unassigned;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            unassigned = await db.Cases.Where(c => c.AgencyId == clerk2.AgencyId && !c.Archived && c.HandlerId == null && c.State == "received")
                .Select(c => c.Id).ToListAsync();
        unassigned.ShouldNotBeEmpty();
        foreach (var id in unassigned)
            await cases.FireAsync(id, "register", clerk2, new() { ["handler"] = clerk2.UserId });

        List<int> expected;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            expected = (await db.Cases.AsNoTracking()
                    .Where(c => c.AgencyId == clerk2.AgencyId && !c.Archived && c.HandlerId == clerk2.UserId)
                    .Select(c => new { c.Id, c.NextDue }).ToListAsync())
                .OrderBy(c => c.NextDue is null).ThenBy(c => c.NextDue).ThenBy(c => c.Id).Select(c => c.Id).Take(25).ToList();
        expected.ShouldNotBeEmpty();
        var client = await factory.SignInAsync("clerk2");
        var html = await client.GetStringAsync("/Cases?Scope=mine");
        WorklistTests.Ids(html).ShouldBe(expected);
    }
}
