using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosureCases.Data.StorageMigrations;

/// <summary>
/// PostgreSQL: how the cases table is stored and vacuumed.
/// <list type="bullet">
/// <item>The worklist reads its pages from indexes alone (index-only scans), which need the visibility map to call a page
/// all-visible; only a vacuum sets it. At the default thresholds autovacuum runs for inserts only after a fifth of the
/// table was added (200,000 cases at a million), so the newest cases, the ones the worklist shows first, were never
/// all-visible and each one skipped on the way to a page was a visit to the table (a load run's page 100 of the newest
/// received: 2,044 visits, docs/benchmarks.md). A vacuum after every 1,000 cases added keeps them visible; it reads only
/// the pages written since the last one.</item>
/// <item>A case is written twice as it is received: the row, then its audit chain's head and count. With every page filled,
/// the second write found no room beside the first and became a new row version with an entry in each of the table's
/// indexes, the trigram index among them; a tenth of each new page left free lets it stay on the page (a HOT update,
/// no index entries), and later writes that change no indexed column with it.</item>
/// </list>
/// The EF model cannot describe storage parameters, so this is a hand-written migration outside <c>Data/Migrations</c>
/// with an id that sorts after the regenerated <c>Initial</c>. SQLite has no such parameters.
/// </summary>
[DbContext(typeof(PostgresDisclosureDbContext))]
[Migration("20991231000002_CasesStorage")]
public sealed class PostgresCasesStorage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE "Cases" SET (fillfactor = 90, autovacuum_vacuum_insert_threshold = 1000, autovacuum_vacuum_insert_scale_factor = 0)
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            ALTER TABLE "Cases" RESET (fillfactor, autovacuum_vacuum_insert_threshold, autovacuum_vacuum_insert_scale_factor)
            """);
}
