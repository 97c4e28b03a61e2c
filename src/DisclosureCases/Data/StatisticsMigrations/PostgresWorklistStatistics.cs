using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosureCases.Data.StatisticsMigrations;

/// <summary>
/// PostgreSQL: statistics over the handler, state and archive flag of cases together. The worklist's 我的案件 asks for
/// the unassigned new cases (<c>HandlerId IS NULL AND State = 'received'</c>) beside the user's own; estimating the
/// columns as independent, the planner counted 709 of 40,000 such cases at a million and sorted them all for each page
/// (90–100 ms); with these statistics it reads the due-date index in order (docs/benchmarks.md). The EF model cannot
/// describe statistics objects, so this is a hand-written migration outside <c>Data/Migrations</c> with an id that
/// sorts after the regenerated <c>Initial</c>. SQLite has no such statistics.
/// </summary>
[DbContext(typeof(PostgresDisclosureDbContext))]
[Migration("20991231000001_AddWorklistStatistics")]
public sealed class PostgresWorklistStatistics : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""CREATE STATISTICS IF NOT EXISTS "ST_Cases_Handler_State" (mcv, dependencies) ON "HandlerId", "State", "Archived" FROM "Cases" """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""DROP STATISTICS IF EXISTS "ST_Cases_Handler_State" """);
}
