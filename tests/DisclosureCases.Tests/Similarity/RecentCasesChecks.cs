using System.Data.Common;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Similarity;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Similarity;

/// <summary>What <see cref="RecentCases"/> must do on either provider, checked against that provider's own index.</summary>
static class RecentCasesChecks
{
    /// <summary>The index's answer: the newest cases above an id holding any of the trigrams, at most so many.</summary>
    public delegate Task<List<int>> Index(DbConnection connection, IReadOnlyList<string> trigrams, int since, int limit);

    static readonly System.Collections.Concurrent.ConcurrentDictionary<AppFactory, Lazy<Task>> Seeded = new();

    /// <summary><c>disclosure seed</c> of so many cases into the factory's database, once however many tests ask.</summary>
    public static Task SeedOnceAsync(AppFactory factory, int cases, int batch) =>
        Seeded.GetOrAdd(factory, _ => new Lazy<Task>(async () =>
        {
            var seed = await Cli.CliHarness.RunAsync(factory, "seed", "--cases", cases.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--batch", batch.ToString(System.Globalization.CultureInfo.InvariantCulture));
            seed.ExitCode.ShouldBe(0, seed.Error);
        })).Value;

    /// <summary>
    /// An index's answer: <paramref name="sql"/> with the trigrams as the one parameter <paramref name="parameter"/>
    /// (<paramref name="value"/> makes its value), the first column's ids in the order given.
    /// </summary>
    public static async Task<List<int>> IdsAsync(DbConnection connection, string sql, string parameter, object value)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = parameter;
        p.Value = value;
        command.Parameters.Add(p);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    public static async Task<DbConnection> OpenAsync(DisclosureDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        return connection;
    }

    public static async Task<long> NewestAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT max("Id") FROM "Cases" """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<int>?> MemoryAsync(RecentCases recent, DbConnection connection, IReadOnlyList<string> trigrams, int since, long newest, int limit = 200)
    {
        var ids = new List<int>();
        return await recent.TryMatchAsync(connection, trigrams, since, newest, limit, ids, default) ? ids : null;
    }

    public static IReadOnlyList<string> Trigrams(string text, int skip, int take) =>
        TextGrams.Grams(text).Where(g => g.Length == 3).Skip(skip).Take(take).ToList();

    /// <summary>
    /// Seeded cases' texts, in parts, above several ids and with several limits: memory (holding the newest 1,000) lists
    /// what the index lists, in the same order; below what it holds it refuses, and the index answers.
    /// </summary>
    public static async Task ListsWhatTheIndexListsAsync(AppFactory factory, Index index)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var connection = await OpenAsync(db);
        var newest = await NewestAsync(connection);
        var recent = new RecentCases(capacity: 1_000);
        var texts = await db.Cases.AsNoTracking().Where(c => c.Id % 29 == 0).OrderBy(c => c.Id).Select(c => c.Description).Take(40).ToListAsync();
        texts.Count.ShouldBeGreaterThan(30);

        var compared = 0;
        var nonEmpty = 0;
        foreach (var text in texts)
            foreach (var (skip, take) in new[] { (0, 3), (2, 1), (0, 8) })
                foreach (var (back, limit) in new[] { (999, 200), (400, 20), (50, 200) })
                {
                    var trigrams = Trigrams(text, skip, take);
                    if (trigrams.Count == 0) continue;
                    var since = (int)newest - back;
                    var expected = await index(connection, trigrams, since, limit);
                    var found = (await MemoryAsync(recent, connection, trigrams, since, newest, limit)).ShouldNotBeNull();
                    found.ShouldBe(expected, $"{string.Join(" ", trigrams)} above {since}, {limit}");
                    compared++;
                    if (expected.Count > 0) nonEmpty++;
                }
        compared.ShouldBeGreaterThan(300);
        nonEmpty.ShouldBeGreaterThan(compared / 2);

        // The newest 1,000 are held (ids another test rolled back may lie among them), nothing below.
        var thousandth = await db.Cases.OrderByDescending(c => c.Id).Skip(999).Select(c => c.Id).FirstAsync();
        recent.Floor.ShouldBe(thousandth - 1);
        (await MemoryAsync(recent, connection, Trigrams(texts[0], 0, 3), thousandth - 2, newest)).ShouldBeNull();
    }

    /// <summary>
    /// Below its floor memory answers the part it holds (<see cref="RecentCases.MatchNewestAsync"/>): the newest matches
    /// above the floor, and the floor, below which the caller asks the index for the rest. The two together are the index's
    /// own answer, in the same order; above the floor it answers alone, as <see cref="RecentCases.TryMatchAsync"/> does.
    /// </summary>
    public static async Task AnswersAboveItsFloorAsync(AppFactory factory, Index index)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var connection = await OpenAsync(db);
        var newest = await NewestAsync(connection);
        var recent = new RecentCases(capacity: 1_000);
        var texts = await db.Cases.AsNoTracking().Where(c => c.Id % 31 == 0).OrderBy(c => c.Id).Select(c => c.Description).Take(30).ToListAsync();
        var split = 0;
        foreach (var text in texts)
            foreach (var (skip, take, limit) in new[] { (0, 3, 200), (2, 1, 200), (0, 8, 20) })
            {
                var trigrams = Trigrams(text, skip, take);
                if (trigrams.Count == 0) continue;
                var since = (int)newest - 2_500;
                var ids = new List<int>();
                var floor = (await recent.MatchNewestAsync(connection, trigrams, since, newest, limit, ids, default)).ShouldNotBeNull();
                floor.ShouldBe(recent.Floor);
                floor.ShouldBeGreaterThan(since);
                ids.ShouldAllBe(id => id > floor);
                var below = (await index(connection, trigrams, since, 10_000)).Where(id => id <= floor).Take(limit - ids.Count);
                var expected = await index(connection, trigrams, since, limit);
                ids.Concat(below).ShouldBe(expected, $"{string.Join(" ", trigrams)} above {since}, {limit}");
                if (ids.Count > 0 && ids.Count < expected.Count) split++;

                var above = new List<int>();
                (await recent.MatchNewestAsync(connection, trigrams, floor + 10, newest, limit, above, default)).ShouldBe(floor + 10);
                above.ShouldBe(await index(connection, trigrams, floor + 10, limit));
            }
        split.ShouldBeGreaterThan(5, "answers that came partly from memory and partly from the index");
    }

    /// <summary>
    /// A description edited through the application: memory matches the case by its new text and not its old, like the
    /// index — also when the edit's context never opened its connection by hand.
    /// </summary>
    public static async Task FollowsAnEditAsync(AppFactory factory, Index index)
    {
        var cases = new CaseMaker(factory);
        var asked = await cases.ReceiveAsync("clerk", "孙八", i => i.Description = "申请公开逸仙路高架匝道改建工程的交通影响评价报告");
        var oldOnly = Trigrams("逸仙路高架匝道改建", 0, 10);
        var newOnly = Trigrams("殷行街道睦邻中心装修", 0, 10);
        var since = asked.Id - 1;
        RecentCases recent;
        await using (var db = factory.Database.CreateContext(AgencyScope.For(asked.AgencyId)))
        {
            var connection = await OpenAsync(db);
            recent = RecentCases.Of(connection);
            (await MemoryAsync(recent, connection, oldOnly, since, await NewestAsync(connection))).ShouldNotBeNull().ShouldContain(asked.Id);
        }

        await using (var db = factory.Database.CreateContext(AgencyScope.For(asked.AgencyId)))
        {
            RecentCases.Of(db.Database.GetDbConnection()).ShouldBeSameAs(recent);
            var loaded = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == asked.Id);
            var input = CaseEdit.InputOf(loaded);
            input.Description = "申请公开殷行街道睦邻中心装修工程的验收报告";
            (await ActivatorUtilities.CreateInstance<CaseEdit>(factory.Services, db).SaveAsync(asked.Id, input, loaded.Version,
                await cases.ActorAsync("clerk"), default)).ShouldBeOfType<CaseEdit.Result.Saved>();
        }

        await using (var db = factory.Database.CreateContext(AgencyScope.For(asked.AgencyId)))
        {
            var connection = await OpenAsync(db);
            var newest = await NewestAsync(connection);
            (await MemoryAsync(recent, connection, newOnly, since, newest)).ShouldNotBeNull().ShouldContain(asked.Id);
            (await MemoryAsync(recent, connection, oldOnly, since, newest)).ShouldNotBeNull().ShouldNotContain(asked.Id);
            (await MemoryAsync(recent, connection, newOnly, since, newest)).ShouldBe(await index(connection, newOnly, since, 200));
        }
    }
}
