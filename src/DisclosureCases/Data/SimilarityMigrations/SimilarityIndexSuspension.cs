using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Data.SimilarityMigrations;

/// <summary>
/// Index upkeep switched off for a bulk insert and the index rebuilt once at the end (<c>disclosure seed</c>): keeping
/// the n-gram index current row by row made seeding about 14 times slower (docs/benchmarks.md). SQLite: the
/// <c>CaseText</c> triggers are dropped, then the FTS5 index is rebuilt from <c>Cases</c> and the triggers recreated in
/// one transaction, so an interrupted rebuild leaves the triggers missing rather than a half index — and every statement
/// is idempotent, so the next <see cref="RebuildAsync"/> (the next seed, however small) repairs it. PostgreSQL: the GIN
/// index stays, since its pending list already batches insertions (dropping it and building it again measured slower
/// when adding 100,000 cases to 100,000, docs/benchmarks.md); the end of the run creates it if it is missing and
/// analyzes the table, because the lookup reads its trigram frequencies from the planner's statistics.
/// </summary>
public static class SimilarityIndexSuspension
{
    /// <summary>Stops the index's upkeep on SQLite; until <see cref="RebuildAsync"/> inserted cases are not found by text.</summary>
    public static async Task SuspendAsync(DisclosureDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        foreach (var sql in SimilarityIndexSql.SqliteDown.Take(3))
            await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>
    /// Rebuilds the index from every case and restores its upkeep, in one transaction (PostgreSQL: creates it if missing
    /// and refreshes the statistics); returns the time taken.
    /// </summary>
    public static async Task<TimeSpan> RebuildAsync(DisclosureDbContext db, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var sqlite = db.Database.IsSqlite();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var statements = sqlite
                ? [$"INSERT INTO {SimilarityIndexSql.SqliteTable}({SimilarityIndexSql.SqliteTable}) VALUES ('rebuild')", .. SimilarityIndexSql.SqliteTriggers]
                : new[] { SimilarityIndexSql.PostgresCreateIndex };
            foreach (var sql in statements)
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            await transaction.CommitAsync(ct);
        }
        if (!sqlite)
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "Cases" """, ct);
        return watch.Elapsed;
    }
}
