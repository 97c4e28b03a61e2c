using DisclosureCases.Data;
using DisclosureCases.Similarity;
using DisclosureCases.Tests.Cli;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Similarity;

/// <summary>
/// <c>disclosure seed</c> switches the similarity index's upkeep off for the bulk insert and rebuilds the index at the
/// end (SQLite; PostgreSQL refreshes its statistics): the seeded cases are found by their text, and a case received
/// afterwards is indexed again as it is written.
/// More cases than <see cref="SimilarCases.RankBudget"/>, so the lookup takes the large-table path.
/// </summary>
public abstract class SeedIndexTests(AppFactory factory)
{
    const int Seeded = 6_000;

    async Task<IReadOnlyList<SimilarCase>> FindAsync(string text, int agencyId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.For(agencyId));
        return await SimilarCases.FindAsync(db, new SimilarQuery(text, null), DateOnly.FromDateTime(DateTime.UtcNow), default);
    }

    [SkippableFact]
    public async Task After_a_seed_the_seeded_cases_are_found_by_their_text_and_new_cases_are_indexed_again()
    {
        factory.SkipUnlessAvailable();
        var seed = await CliHarness.RunAsync(factory, "seed", "--cases", Seeded.ToString(System.Globalization.CultureInfo.InvariantCulture), "--batch", "2000");
        seed.ExitCode.ShouldBe(0, seed.Error);
        seed.Out.ShouldContain("相似申请索引已就绪，用时");

        int agencyId;
        string seededText;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            agencyId = (await db.Agencies.SingleAsync(a => a.Code == DemoInstallation.PrimaryAgencyCode)).Id;
            seededText = await db.Cases.Where(c => c.AgencyId == agencyId).OrderBy(c => c.Id).Skip(Seeded / 2).Select(c => c.Description).FirstAsync();
        }
        (await FindAsync(seededText, agencyId)).Select(f => f.Description).ShouldContain(seededText);

        var received = await new CaseMaker(factory).ReceiveAsync("clerk", "赵六", i => i.Description = "申请公开鹊桥仙路8848号冷链仓库项目的消防验收意见书");
        var found = await FindAsync("鹊桥仙路8848号冷链仓库的消防验收", agencyId);
        found.ShouldNotBeEmpty();
        found[0].CaseId.ShouldBe(received.Id);

        // A seeded case whose list was kept before all the others came in (a list kept long ago): its page finds the case
        // received since among them, and finds the same whether the newer cases come from memory (RecentCases), the index
        // or (PostgreSQL) a walk of the newest cases.
        DisclosureCases.Domain.Cases.Case early;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            early = await db.Cases.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.Id).Skip(10).FirstAsync();
            db.SimilarCandidates.Add(new StoredCandidates
            {
                CaseId = early.Id, TextHash = SimilarCases.TextHash(early.Description), UpToCaseId = early.Id,
                CandidateIds = StoredCandidates.Pack([]), ComputedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var again = await new CaseMaker(factory).ReceiveAsync("clerk", "赵七", i => i.Description = early.Description);
        async Task<List<int>> KeptAsync()
        {
            await using var db = factory.Database.CreateContext(AgencyScope.For(agencyId));
            var listed = await SimilarCases.FindAsync(db, new SimilarQuery(early.Description, null, null, early.Id, UseKept: true), DateOnly.FromDateTime(DateTime.UtcNow), default);
            return listed.Select(f => f.CaseId).ToList();
        }
        var fromMemory = await KeptAsync();
        fromMemory.ShouldContain(again.Id);
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            RecentCases.Of(db.Database.GetDbConnection()).Count.ShouldBeGreaterThan(Seeded, "the newer cases came from memory");
        SimilarCases.RecentOverride.Value = false;
        try
        {
            (await KeptAsync()).ShouldBe(fromMemory);
            SimilarCases.NewerWalkOverride.Value = long.MaxValue;
            (await KeptAsync()).ShouldBe(fromMemory);
        }
        finally
        {
            SimilarCases.RecentOverride.Value = null;
            SimilarCases.NewerWalkOverride.Value = null;
        }

        if (factory.Database.Provider == DatabaseProvider.PostgreSQL)
        {
            // PostgreSQL finds the newest matches of common trigrams by walking the newest cases instead of the GIN bitmap;
            // on a table this small the bitmap is chosen, so the walk is forced here: it must find the same.
            var bitmap = await FindAsync(seededText, agencyId);
            SimilarCases.WalkFromOverride.Value = 0;
            try
            {
                (await FindAsync(seededText, agencyId)).Select(f => f.CaseId).ShouldBe(bitmap.Select(f => f.CaseId));
                (await FindAsync("鹊桥仙路8848号冷链仓库的消防验收", agencyId))[0].CaseId.ShouldBe(received.Id);
            }
            finally
            {
                SimilarCases.WalkFromOverride.Value = null;
            }

            // A lookup without a kept list asks the newest cases' memory first and the index only below the memory's floor.
            // With memory holding just the newest 1,000 (its floor inside the table), the lookups find what the index alone
            // finds: an early case by a text only it has (below the floor, so from the index), a seeded case's text from the
            // middle, and the case received after the seed.
            await using var db = factory.Database.CreateContext(AgencyScope.All);
            var connection = db.Database.GetDbConnection();
            var oldId = await db.Cases.Where(c => c.AgencyId == agencyId).OrderBy(c => c.Id).Skip(100).Select(c => c.Id).FirstAsync();
            const string oldText = "申请公开凤凰岭路4471号垃圾中转站项目的环境影响评价批复";
            (await db.Cases.Where(c => c.Id == oldId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Description, oldText))).ShouldBe(1);
            var previous = RecentCases.Install(connection, new RecentCases(capacity: 1_000));
            try
            {
                var old = new { Id = oldId, Description = "凤凰岭路4471号垃圾中转站的环评批复" };
                foreach (var text in new[] { old.Description, seededText, "鹊桥仙路8848号冷链仓库的消防验收" })
                {
                    var withMemory = (await FindAsync(text, agencyId)).Select(f => f.CaseId).ToList();
                    SimilarCases.RecentOverride.Value = false;
                    try
                    {
                        (await FindAsync(text, agencyId)).Select(f => f.CaseId).ShouldBe(withMemory, text);
                    }
                    finally
                    {
                        SimilarCases.RecentOverride.Value = null;
                    }
                    if (text == old.Description) withMemory[0].ShouldBe(old.Id);
                }
                var floor = RecentCases.Of(connection).Floor;
                floor.ShouldBeGreaterThan(old.Id, "memory held only the newest cases");
            }
            finally
            {
                RecentCases.Install(connection, previous);
            }
        }
    }
}

public sealed class SqliteSeedIndexTests(SqliteSeedIndexTests.Factory factory) : SeedIndexTests(factory), IClassFixture<SqliteSeedIndexTests.Factory>
{
    public sealed class Factory : SqliteAppFactory;
}

public sealed class PostgresSeedIndexTests(PostgresSeedIndexTests.Factory factory) : SeedIndexTests(factory), IClassFixture<PostgresSeedIndexTests.Factory>
{
    public sealed class Factory : PostgresAppFactory;
}
