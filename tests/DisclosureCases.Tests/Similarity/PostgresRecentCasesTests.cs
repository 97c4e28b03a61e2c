using System.Data.Common;
using DisclosureCases.Data;
using DisclosureCases.Similarity;
using static DisclosureCases.Tests.Similarity.RecentCasesChecks;
using DisclosureCases.Tests.Cli;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Similarity;

/// <summary>
/// The newest cases' trigrams in memory on PostgreSQL (<see cref="RecentCases"/>): the same cases, in the same order, as
/// the trigram column's search among the cases above an id; and, since PostgreSQL's sequence hands out ids that may commit
/// out of order, a case committed after a newer one was read is found once it commits, an id rolled back is given up, and
/// one committed later than that is found by the periodic count.
/// </summary>
public sealed class PostgresRecentCasesTests : IClassFixture<PostgresRecentCasesTests.Factory>
{
    public sealed class Factory : PostgresAppFactory;

    readonly Factory _factory;

    public PostgresRecentCasesTests(Factory factory)
    {
        _factory = factory;
        factory.SkipUnlessAvailable();
    }

    Task SeedAsync() => SeedOnceAsync(_factory, 1_500, 500);

    /// <summary>What the database answers: the newest cases above <paramref name="since"/> whose trigrams overlap them.</summary>
    static Task<List<int>> ColumnAsync(DbConnection connection, IReadOnlyList<string> trigrams, int since, int limit) =>
        IdsAsync(connection, $"""
            SELECT "Id" FROM "Cases" WHERE "{SimilarityIndexSqlColumn}" && @g AND "Id" > {since} ORDER BY "Id" DESC LIMIT {limit}
            """, "g", trigrams.ToArray());

    const string SimilarityIndexSqlColumn = DisclosureCases.Data.SimilarityMigrations.SimilarityIndexSql.PostgresColumn;

    /// <summary>
    /// A copy of the oldest case with another description, inserted on <paramref name="connection"/> (in its transaction,
    /// if one is open): the id comes from the table's sequence, as an intake's does.
    /// </summary>
    static async Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, string description)
    {
        await using var columns = connection.CreateCommand();
        columns.Transaction = transaction;
        columns.CommandText = """
            SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'Cases'
              AND column_name NOT IN ('Id', 'CaseNumber', 'Description', 'DescriptionTrigrams')
            """;
        var list = (string)(await columns.ExecuteScalarAsync())!;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO "Cases" ({list}, "Description") SELECT {list}, @d FROM "Cases" WHERE "Id" = (SELECT min("Id") FROM "Cases")
            RETURNING "Id"
            """;
        var p = insert.CreateParameter();
        p.ParameterName = "d";
        p.Value = description;
        insert.Parameters.Add(p);
        return Convert.ToInt32(await insert.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [SkippableFact]
    public async Task Lists_the_cases_the_trigram_column_lists_above_an_id_in_the_same_order()
    {
        await SeedAsync();
        await RecentCasesChecks.ListsWhatTheIndexListsAsync(_factory, ColumnAsync);
    }

    [SkippableFact]
    public async Task Below_its_floor_it_answers_the_newest_part_and_the_index_the_rest()
    {
        await SeedAsync();
        await RecentCasesChecks.AnswersAboveItsFloorAsync(_factory, ColumnAsync);
    }

    /// <summary>Memory holding the newest 500 cases, first used now: the newest id then.</summary>
    async Task<(RecentCases Recent, DisclosureDbContext Db, DbConnection Connection, int Start)> StartAsync(TestClock clock)
    {
        await SeedAsync();
        var recent = new RecentCases(capacity: 500, clock);
        var db = _factory.Database.CreateContext(AgencyScope.All);
        var connection = await OpenAsync(db);
        var start = (int)await NewestAsync(connection);
        (await MemoryAsync(recent, connection, ["冷链仓"], start - 10, start)).ShouldNotBeNull();
        return (recent, db, connection, start);
    }

    [SkippableFact]
    public async Task A_case_committing_after_a_newer_one_was_read_is_found_and_a_rolled_back_id_is_given_up()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var (recent, db, connection, start) = await StartAsync(clock);
        await using var _ = db;
        // Ids another test rolled back may lie among the held ones: waited for like any.
        var waited = recent.Gaps;

        const string late = "申请公开殷高西路立交桥改建工程的竣工验收备案材料";
        const string rolledBack = "申请公开殷高西路立交桥改建工程的施工许可证";
        var trigrams = Trigrams("殷高西路立交桥改建工程", 0, 20);
        await using var lateDb = _factory.Database.CreateContext(AgencyScope.All);
        var lateConnection = await OpenAsync(lateDb);
        await using var lateTransaction = await lateConnection.BeginTransactionAsync();
        var lateId = await InsertAsync(lateConnection, lateTransaction, late);
        await using var undoneDb = _factory.Database.CreateContext(AgencyScope.All);
        var undoneConnection = await OpenAsync(undoneDb);
        await using var undoneTransaction = await undoneConnection.BeginTransactionAsync();
        var undoneId = await InsertAsync(undoneConnection, undoneTransaction, rolledBack);
        var newerId = await InsertAsync(connection, null, "申请公开殷高西路立交桥改建工程的规划许可证");
        newerId.ShouldBeGreaterThan(undoneId);
        undoneId.ShouldBeGreaterThan(lateId);

        // The newer one is read; the two below it are not committed yet and are waited for.
        var newest = await NewestAsync(connection);
        newest.ShouldBe(newerId);
        (await MemoryAsync(recent, connection, trigrams, start, newest)).ShouldNotBeNull().ShouldBe([newerId]);
        recent.Gaps.ShouldBe(waited + 2);

        await lateTransaction.CommitAsync();
        await undoneTransaction.RollbackAsync();
        clock.Advance(RecentCases.GapRecheck);
        var found = (await MemoryAsync(recent, connection, trigrams, start, newest)).ShouldNotBeNull();
        found.ShouldBe([newerId, lateId]);
        found.ShouldBe(await ColumnAsync(connection, trigrams, start, 200));
        recent.Gaps.ShouldBe(waited + 1);

        // The rolled-back id never comes: given up.
        clock.Advance(RecentCases.GapLifetime);
        (await MemoryAsync(recent, connection, trigrams, start, newest)).ShouldNotBeNull().ShouldBe([newerId, lateId]);
        recent.Gaps.ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_case_committing_after_its_id_was_given_up_is_found_by_the_periodic_count()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var (recent, db, connection, start) = await StartAsync(clock);
        await using var _ = db;
        var waited = recent.Gaps;

        var trigrams = Trigrams("国权北路绿地改造", 0, 20);
        await using var slowDb = _factory.Database.CreateContext(AgencyScope.All);
        var slowConnection = await OpenAsync(slowDb);
        await using var slow = await slowConnection.BeginTransactionAsync();
        var slowId = await InsertAsync(slowConnection, slow, "申请公开国权北路绿地改造项目的设计方案");
        var newerId = await InsertAsync(connection, null, "申请公开国权北路绿地改造项目的招标文件");
        var newest = await NewestAsync(connection);
        (await MemoryAsync(recent, connection, trigrams, start, newest)).ShouldNotBeNull().ShouldBe([newerId]);
        recent.Gaps.ShouldBe(waited + 1);

        clock.Advance(RecentCases.GapLifetime);
        (await MemoryAsync(recent, connection, trigrams, start, newest)).ShouldNotBeNull().ShouldBe([newerId]);
        recent.Gaps.ShouldBe(0);
        await slow.CommitAsync();
        clock.Advance(RecentCases.GapRecheck);
        (await MemoryAsync(recent, connection, trigrams, start, newest)).ShouldNotBeNull().ShouldBe([newerId]);

        // The count differs from what is held: everything is read afresh, the late case with it.
        clock.Advance(RecentCases.Reconcile);
        var found = (await MemoryAsync(recent, connection, trigrams, start, newest)).ShouldNotBeNull();
        found.ShouldBe([newerId, slowId]);
        found.ShouldBe(await ColumnAsync(connection, trigrams, start, 200));
        recent.Count.ShouldBe(500);
    }

    [SkippableFact]
    public async Task A_description_edited_on_another_node_is_matched_by_its_new_text_from_the_next_reconcile()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var (recent, db, connection, start) = await StartAsync(clock);
        await using var _ = db;
        var edited = await InsertAsync(connection, null, "申请公开长阳路滨江绿地提升工程的设计方案");
        var touched = await InsertAsync(connection, null, "申请公开长阳路滨江绿地提升工程的招标文件");
        var oldText = Trigrams("长阳路滨江绿地", 0, 20);
        var newText = Trigrams("淞沪路地下通道", 0, 20);
        var newest = await NewestAsync(connection);
        (await MemoryAsync(recent, connection, oldText, start, newest)).ShouldNotBeNull().ShouldBe([touched, edited]);

        // Another node saves a new description (its own memory hears of it, this one does not), and a transition there
        // writes the other case without changing its text.
        async Task WriteAsync(int id, string? description)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = description is null
                ? """UPDATE "Cases" SET "UpdatedAt" = @at WHERE "Id" = @id"""
                : """UPDATE "Cases" SET "UpdatedAt" = @at, "Description" = @d WHERE "Id" = @id""";
            foreach (var (name, value) in new (string, object?)[] { ("at", clock.GetUtcNow()), ("id", id), ("d", description) })
            {
                if (value is null) continue;
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        await WriteAsync(edited, "申请公开淞沪路地下通道改建工程的设计方案");
        await WriteAsync(touched, null);
        (await MemoryAsync(recent, connection, newText, start, newest)).ShouldNotBeNull().ShouldBeEmpty();

        clock.Advance(RecentCases.Reconcile);
        var found = (await MemoryAsync(recent, connection, newText, start, newest)).ShouldNotBeNull();
        found.ShouldBe([edited]);
        found.ShouldBe(await ColumnAsync(connection, newText, start, 200));
        (await MemoryAsync(recent, connection, oldText, start, newest)).ShouldNotBeNull().ShouldBe([touched]);
        (await ColumnAsync(connection, oldText, start, 200)).ShouldBe([touched]);
    }

    [SkippableFact]
    public async Task An_edited_description_is_matched_by_its_new_text_whether_or_not_the_connection_was_open()
    {
        await SeedAsync();
        await RecentCasesChecks.FollowsAnEditAsync(_factory, ColumnAsync);
    }
}
