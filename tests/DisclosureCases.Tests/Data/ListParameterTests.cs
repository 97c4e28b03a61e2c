using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// A list in a query goes to the database as one parameter (<see cref="Database.CollectionMode"/>), so that the
/// statement's text is the same whatever the list's length: EF Core keeps its SQL instead of writing it on every run, and
/// the database keeps one prepared statement and plan for it.
/// </summary>
public sealed class ListParameterTests(ListParameterTests.Factory factory) : IClassFixture<ListParameterTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override int DemoCaseCount => 12;
    }

    /// <summary>The statement without the parameter values that <c>ToQueryString</c> writes before it.</summary>
    static string Statement(IQueryable<int> query) =>
        string.Join("\n", query.ToQueryString().Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal) && !l.StartsWith("--", StringComparison.Ordinal)));

    [Fact]
    public async Task Lists_of_any_length_make_one_statement_and_find_their_rows()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var all = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        all.Count.ShouldBeGreaterThanOrEqualTo(12);

        List<int> three = [all[0], all[5], -1];
        var forty = all.Take(10).Concat(Enumerable.Range(1_000_000, 30)).ToList();
        IQueryable<int> Matching(List<int> ids) => db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id);

        var short_ = Statement(Matching(three));
        Statement(Matching(forty)).ShouldBe(short_);
        short_.ShouldContain(factory.DatabaseProvider == DatabaseProvider.Sqlite ? "json_each" : "ANY", customMessage: short_);

        (await Matching(three).OrderBy(id => id).ToListAsync()).ShouldBe([all[0], all[5]]);
        (await Matching(forty).CountAsync()).ShouldBe(10);
        (await Matching([]).CountAsync()).ShouldBe(0);
    }
}
