using System.Data.Common;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Similarity;
using static DisclosureCases.Tests.Similarity.RecentCasesChecks;
using DisclosureCases.Tests.Cli;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Similarity;

/// <summary>
/// The newest cases' trigrams in memory (<see cref="RecentCases"/>, SQLite): the same cases, in the same order, as the
/// FTS5 index's search among the cases above an id; cases received later read in; a search below what is held refused
/// (the index answers it); an edited description matched by its new text; a database gone back read afresh.
/// </summary>
public sealed class RecentCasesTests(RecentCasesTests.Factory factory) : IClassFixture<RecentCasesTests.Factory>
{
    public sealed class Factory : SqliteAppFactory;

    Task SeedAsync() => SeedOnceAsync(factory, 3_000, 1_000);

    /// <summary>What the case page asked the index before: the newest cases above <paramref name="since"/> holding any of them.</summary>
    static Task<List<int>> IndexAsync(DbConnection connection, IReadOnlyList<string> trigrams, int since, int limit) =>
        IdsAsync(connection, $"SELECT rowid FROM CaseText WHERE CaseText MATCH $q AND rowid > {since} ORDER BY rowid DESC LIMIT {limit}",
            "$q", TextGrams.Fts5AnyOf(trigrams));

    [Fact]
    public async Task Lists_the_cases_the_index_lists_above_an_id_in_the_same_order()
    {
        await SeedAsync();
        await RecentCasesChecks.ListsWhatTheIndexListsAsync(factory, IndexAsync);
    }

    [Fact]
    public async Task Below_its_floor_it_answers_the_newest_part_and_the_index_the_rest()
    {
        await SeedAsync();
        await RecentCasesChecks.AnswersAboveItsFloorAsync(factory, IndexAsync);
    }

    [Fact]
    public async Task Cases_received_later_are_read_in_and_past_twice_its_capacity_the_floor_rises()
    {
        await SeedAsync();
        var recent = new RecentCases(capacity: 100);
        int start;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var connection = await OpenAsync(db);
            start = (int)await NewestAsync(connection);
            (await MemoryAsync(recent, connection, ["冷链仓"], start - 10, start, 200)).ShouldNotBeNull();
            recent.Count.ShouldBe(100);
        }

        var received = await new CaseMaker(factory).ReceiveAsync("clerk", "钱七", i => i.Description = "申请公开江杨南路冷链仓储中心的环境影响评价文件");
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var connection = await OpenAsync(db);
            var newest = await NewestAsync(connection);
            var trigrams = Trigrams(received.Description, 0, 20);
            var found = (await MemoryAsync(recent, connection, trigrams, start, newest, 200)).ShouldNotBeNull();
            found.ShouldContain(received.Id);
            found.ShouldBe(await IndexAsync(connection, trigrams, start, 200));
        }

        var more = await CliHarness.RunAsync(factory, "seed", "--cases", "250", "--batch", "250", "--seed", "7");
        more.ExitCode.ShouldBe(0, more.Error);
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var connection = await OpenAsync(db);
            var newest = await NewestAsync(connection);
            var trigrams = Trigrams(received.Description, 0, 20);
            (await MemoryAsync(recent, connection, trigrams, (int)newest - 50, newest, 200)).ShouldNotBeNull();
            recent.Count.ShouldBe(100);
            recent.Floor.ShouldBe((int)newest - 100);
            (await MemoryAsync(recent, connection, trigrams, start, newest, 200)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task An_edited_description_is_matched_by_its_new_text_and_not_its_old()
    {
        await SeedAsync();
        await RecentCasesChecks.FollowsAnEditAsync(factory, IndexAsync);
    }

    [Fact]
    public async Task A_database_whose_newest_id_went_down_is_read_again_but_a_request_behind_another_changes_nothing()
    {
        await SeedAsync();
        var copy = Path.Combine(Path.GetTempPath(), $"disclosure-recent-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = factory.Database.CreateContext(AgencyScope.All);
            var connection = await OpenAsync(db);
            await using (var vacuum = connection.CreateCommand())
            {
                vacuum.CommandText = $"VACUUM INTO '{copy}'";
                await vacuum.ExecuteNonQueryAsync();
            }
            var older = await NewestAsync(connection);
            var recent = new RecentCases(capacity: 1_000);
            const string text = "申请公开淞沪路隧道出入口的噪声监测数据";
            var trigrams = Trigrams(text, 0, 20);
            (await MemoryAsync(recent, connection, trigrams, (int)older - 10, older, 200)).ShouldNotBeNull();
            recent.Count.ShouldBe(1_000);

            var added = await new CaseMaker(factory).ReceiveAsync("clerk", "周九", i => i.Description = text);
            var newest = await NewestAsync(connection);
            newest.ShouldBeGreaterThan(older);
            (await MemoryAsync(recent, connection, trigrams, (int)older, newest, 200)).ShouldNotBeNull().ShouldContain(added.Id);
            recent.Count.ShouldBe(1_000 + (int)(newest - older));

            // A request that read the newest id before the last case came in: nothing is read again or dropped.
            (await MemoryAsync(recent, connection, trigrams, (int)older, older, 200)).ShouldNotBeNull().ShouldContain(added.Id);
            recent.Count.ShouldBe(1_000 + (int)(newest - older));
            recent.Floor.ShouldBe((int)older - 1_000);

            // The same application on a file restored from before that case: held afresh from the file.
            await using var restored = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False");
            await restored.OpenAsync();
            (await NewestAsync(restored)).ShouldBe(older);
            var found = (await MemoryAsync(recent, restored, trigrams, (int)older - 500, older, 200)).ShouldNotBeNull();
            found.ShouldNotContain(added.Id);
            found.ShouldBe(await IndexAsync(restored, trigrams, (int)older - 500, 200));
            recent.Floor.ShouldBe((int)older - 1_000);
            recent.Count.ShouldBe(1_000);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
