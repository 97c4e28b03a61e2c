using DisclosureCases.Cases;
using DisclosureCases.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// SQLite's choice of plan for the worklist's filters (<see cref="WorklistFilter"/>, the page's own queries). SQLite chooses
/// by its statistics, so each test gives an empty database the statistics of the one-million-case load-run file
/// (<c>sqlite_stat1</c> as ANALYZE wrote them there) and asks for the plan. The statistics alone do not always bring an
/// old bad choice back on an empty file (the unassigned new cases: SQLite 3.53 then walks the receipt index instead,
/// checked), so these guard each index's use, and fail if an index loses its columns or a query gains a filter the index
/// cannot answer. The times quoted are of the million-case file (docs/benchmarks.md).
/// </summary>
public class WorklistPlanTests : IDisposable
{
    readonly string _file = Path.Combine(Path.GetTempPath(), $"worklist-plan-{Guid.NewGuid():N}.db");

    // ANALYZE of the load run's file: 1,000,000 cases of one agency, half of them archived; two handler values (a clerk and
    // none), so SQLite estimates half a million rows a handler and 83,334 for handler, archived and state together.
    static readonly (string Index, string Stat)[] MillionCaseStatistics =
    [
        ("IX_Cases_AgencyId_State_NextDue_Id", "1000000 1000000 83334 4785 1"),
        ("IX_Cases_Applicant_Receipt", "1000000 1 1 1"),
        ("IX_Cases_Worklist_Received", "1000000 1000000 4167 1 1 1 1 1"),
        ("IX_Cases_Worklist_Due", "1000000 1000000 27778 1 1 1 1"),
        ("IX_Cases_Report_Replies", "1000000 1000000 4202 216 215 54 54"),
        ("IX_Cases_Report_Open", "1000000 1000000 500000 83334 4785 780"),
        ("IX_Cases_Report_Annual", "1000000 1000000 4167 216 17"),
        ("IX_Cases_DepartmentId", "1000000 250000"),
        ("IX_Cases_AgencyId_CaseNumber", "1000000 1000000 1"),
        ("IX_Cases_AgencyId_HandlerId_Archived_State_ReceivedOn_Id", "1000000 1000000 500000 333334 83334 920 1"),
        ("IX_Cases_AgencyId_State_CaseNumber_Id", "1000000 1000000 83334 1 1"),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(2_500)]
    public async Task The_unassigned_new_cases_newest_first_are_read_in_order_from_an_index_without_a_sort(int skip)
    {
        await using var db = await MillionCaseStatisticsAsync();
        // "Mine" of a user without cases of their own: the open cases, unassigned and new, sorted by receipt.
        var filter = new WorklistFilter("mine", null, null, false, null, null);
        var ids = filter.Unassigned(filter.Apply(db.Cases.AsNoTracking(), Today))
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Skip(skip)
            .Take(26).Select(c => c.Id);

        var text = await PlanAsync(db, ids);
        text.ShouldNotContain("TEMP B-TREE", customMessage: "the page must come from an index in order, not a sort of every unassigned case");
        text.ShouldContain("USING COVERING INDEX IX_Cases_AgencyId_HandlerId_Archived_State_ReceivedOn_Id", customMessage: text);
    }

    /// <summary>
    /// "Mine" filtered to one state, counted: a manager's own 已归档 cases (none) were counted through the state index, each
    /// of the 550,000 archived cases' rows visited for its handler (550 ms). The handler index answers it by a seek.
    /// </summary>
    [Theory]
    [InlineData("archived")]
    [InlineData("processing")]
    public async Task A_handlers_cases_of_one_state_are_counted_by_a_seek_of_the_handler_index(string state)
    {
        await using var db = await MillionCaseStatisticsAsync();
        var filter = new WorklistFilter("mine", state, null, false, null, null);
        var query = filter.Apply(db.Cases.AsNoTracking(), Today);

        var own = await PlanAsync(db, WorklistFilter.UpTo(filter.ForCount(filter.Own(query, "a-user")), 1001).Select(c => c.Id));
        own.ShouldContain("IX_Cases_AgencyId_HandlerId_Archived_State_ReceivedOn_Id (AgencyId=? AND HandlerId=? AND Archived=? AND State=?)", customMessage: own);
        var unassigned = await PlanAsync(db, WorklistFilter.UpTo(filter.ForCount(filter.Unassigned(query)), 1001).Select(c => c.Id));
        unassigned.ShouldContain("IX_Cases_AgencyId_HandlerId_Archived_State_ReceivedOn_Id (AgencyId=? AND HandlerId=? AND Archived=? AND State=?)", customMessage: unassigned);
    }

    /// <summary>
    /// "Mine" filtered to a state in receipt order, listed: walked in the receipt index. The counting's condition on the
    /// archived column (<see cref="WorklistFilter.ForCount"/>) made SQLite seek the handler's cases of the state and sort
    /// them all instead (a clerk's 528,000 archived cases: 1.3 s a page).
    /// </summary>
    [Theory]
    [InlineData("archived")]
    [InlineData("processing")]
    public async Task Mine_of_one_state_in_receipt_order_is_listed_from_the_receipt_index_without_a_sort(string state)
    {
        await using var db = await MillionCaseStatisticsAsync();
        var filter = new WorklistFilter("mine", state, null, false, null, null);
        var ids = filter.Mine(filter.Apply(db.Cases.AsNoTracking(), Today), "a-user")
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Take(26).Select(c => c.Id);

        var text = await PlanAsync(db, ids);
        text.ShouldNotContain("TEMP B-TREE", customMessage: text);
    }

    /// <summary>
    /// The list filtered to one state in case-number order: SQLite read every case of the state from the state index and
    /// sorted them (已归档: 550,000 rows, 600 ms a page). The state's part of the number index is read in order.
    /// </summary>
    [Theory]
    [InlineData("agency", 0)]
    [InlineData("agency", 2_500)]
    [InlineData("all-states", 0)]
    public async Task One_state_in_case_number_order_is_read_in_order_from_an_index_without_a_sort(string scope, int skip)
    {
        await using var db = await MillionCaseStatisticsAsync();
        var filter = new WorklistFilter(scope, "archived", null, false, null, null);
        var ids = filter.Apply(db.Cases.AsNoTracking(), Today)
            .OrderBy(c => c.CaseNumber).ThenBy(c => c.Id).Skip(skip).Take(26).Select(c => c.Id);

        var text = await PlanAsync(db, ids);
        text.ShouldNotContain("TEMP B-TREE", customMessage: text);
        text.ShouldContain("IX_Cases_AgencyId_State_CaseNumber_Id", customMessage: text);
    }

    /// <summary>
    /// The open cases overdue or due within days, in receipt or case-number order: SQLite read all the cases due by then
    /// (~140,000 at a million) from the due index and sorted them (150-300 ms a page). Walked in the order's index, with
    /// the deadline judged from the receipt index itself, a page is 10-45 ms.
    /// </summary>
    [Theory]
    [InlineData("received", true, 0)]
    [InlineData("received", false, 0)]
    [InlineData("received", false, 2_500)]
    [InlineData("number", false, 0)]
    public async Task Due_filters_in_receipt_or_number_order_walk_the_orders_index_without_a_sort(string sort, bool overdue, int skip)
    {
        await using var db = await MillionCaseStatisticsAsync();
        var filter = new WorklistFilter("agency", null, null, overdue, overdue ? null : Today.AddDays(7), null);
        var query = filter.Apply(db.Cases.AsNoTracking(), Today);
        var ordered = sort == "received"
            ? query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            : query.OrderBy(c => c.CaseNumber).ThenBy(c => c.Id);

        var text = await PlanAsync(db, ordered.Skip(skip).Take(26).Select(c => c.Id));
        text.ShouldNotContain("TEMP B-TREE", customMessage: text);
        text.ShouldContain(sort == "received" ? "USING COVERING INDEX IX_Cases_Worklist_Received" : "IX_Cases_AgencyId_CaseNumber", customMessage: text);
    }

    static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>A migrated empty database of one agency with the million-case file's statistics.</summary>
    async Task<DisclosureDbContext> MillionCaseStatisticsAsync()
    {
        var database = DisclosureCases.Data.Database.Sqlite(_file, keepStatements: false);
        await database.MigrateAsync();
        var db = database.CreateContext(AgencyScope.For(1));
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var (index, stat) in MillionCaseStatistics)
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = $index";
            exists.Parameters.AddWithValue("$index", index);
            ((long)(await exists.ExecuteScalarAsync())!).ShouldBe(1, $"index {index} (update the statistics when an index is renamed)");
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('Cases', $index, $stat)";
            insert.Parameters.AddWithValue("$index", index);
            insert.Parameters.AddWithValue("$stat", stat);
            await insert.ExecuteNonQueryAsync();
        }
        await using (var reload = connection.CreateCommand())
        {
            reload.CommandText = "ANALYZE sqlite_schema";
            await reload.ExecuteNonQueryAsync();
        }
        return db;
    }

    static async Task<string> PlanAsync(DisclosureDbContext db, IQueryable<int> ids)
    {
        await using var explain = ids.CreateDbCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + explain.CommandText;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        return string.Join(" | ", plan);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }
}
