using DisclosureCases.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// SQLite's choice of plan for the worklist's "mine" of a user with no cases of their own (a manager, a reviewer): the
/// unassigned new cases, newest receipt first. SQLite chooses by its statistics, so the test gives an empty database the
/// statistics of the one-million-case load-run file (<c>sqlite_stat1</c> as ANALYZE wrote them there) and asks for the plan.
/// On that file, with the handler index ending at the state, SQLite read all ~40,000 unassigned cases and sorted them
/// (31,000 page reads, 65 ms a page; docs/benchmarks.md); with the receipt date and id in that index the page is read
/// from it in order. The statistics alone do not bring the old choice back on an empty file (SQLite 3.53 then walks the
/// receipt index instead, checked), so this guards the index's use, and fails if the index loses those columns or the
/// query a filter the index cannot answer.
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
        ("IX_Cases_Worklist_Received", "1000000 1000000 4167 1 1 1 1"),
        ("IX_Cases_Worklist_Due", "1000000 1000000 27778 1 1 1 1"),
        ("IX_Cases_Report_Replies", "1000000 1000000 4202 216 215 54 54"),
        ("IX_Cases_Report_Open", "1000000 1000000 500000 83334 4785 780"),
        ("IX_Cases_Report_Annual", "1000000 1000000 4167 216 17"),
        ("IX_Cases_DepartmentId", "1000000 250000"),
        ("IX_Cases_AgencyId_CaseNumber", "1000000 1000000 1"),
        ("IX_Cases_AgencyId_HandlerId_Archived_State_ReceivedOn_Id", "1000000 1000000 500000 333334 83334 920 1"),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(2_500)]
    public async Task The_unassigned_new_cases_newest_first_are_read_in_order_from_an_index_without_a_sort(int skip)
    {
        var database = DisclosureCases.Data.Database.Sqlite(_file, keepStatements: false);
        await database.MigrateAsync();
        await using var db = database.CreateContext(AgencyScope.For(1));
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

        // The ids of a page as Pages/Cases/Index.cshtml.cs asks for them when the user has no cases of their own ("mine":
        // the open cases, unassigned and new), sorted by receipt.
        var archived = false;
        var ids = db.Cases.AsNoTracking()
            .Where(c => c.Archived == archived)
            .Where(c => c.HandlerId == null && c.State == "received")
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Skip(skip)
            .Take(26).Select(c => c.Id);
        await using var explain = ids.CreateDbCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + explain.CommandText;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));

        var text = string.Join(" | ", plan);
        text.ShouldNotContain("TEMP B-TREE", customMessage: "the page must come from an index in order, not a sort of every unassigned case");
        text.ShouldContain("USING COVERING INDEX IX_Cases_AgencyId_HandlerId_Archived_State_ReceivedOn_Id", customMessage: text);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }
}
