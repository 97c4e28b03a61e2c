using System.Text.RegularExpressions;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Cases;

/// <summary>
/// The worklist's capped counts (<see cref="WorklistFilter.UpTo"/>): the cap is a number in the statement, not a parameter,
/// so that PostgreSQL keeps one plan for the count instead of planning it on every call.
/// </summary>
public sealed class WorklistCapTests(WorklistCapTests.Factory factory) : IClassFixture<WorklistCapTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override int DemoCaseCount => 12;
    }

    [Fact]
    public async Task The_cap_is_written_into_the_statement_and_counts_up_to_it()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var all = await db.Cases.CountAsync();
        all.ShouldBeGreaterThan(5);

        var capped = WorklistFilter.UpTo(db.Cases.AsNoTracking().Where(c => !c.Archived || c.Archived), 5);
        var sql = capped.ToQueryString();
        Regex.IsMatch(sql, @"\bLIMIT 5\b").ShouldBeTrue(sql);
        sql.ShouldNotContain("LIMIT @", customMessage: sql);
        (await capped.CountAsync()).ShouldBe(5);
        (await WorklistFilter.UpTo(db.Cases.AsNoTracking(), all + 10).CountAsync()).ShouldBe(all);
    }

    [Fact]
    public async Task A_plain_Take_would_have_sent_the_cap_as_a_parameter()
    {
        // What UpTo is for: EF Core parameterises a Take's count.
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        db.Cases.AsNoTracking().Take(5).ToQueryString().ShouldContain("LIMIT @");
    }
}
