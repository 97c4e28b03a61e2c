using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosureCases.Data.Migrations.Sqlite;

/// <summary>
/// Quartz's job store tables (<c>QRTZ_*</c>), written by hand and not derived from the EF model, so regenerating
/// <c>Initial</c> leaves it alone. The tables reference nothing of ours, so their order relative to other migrations
/// does not matter. The DDL is Quartz's own, pinned by hash: see <see cref="QuartzSchema"/>.
/// </summary>
[DbContext(typeof(SqliteDisclosureDbContext))]
[Migration("20261122000000_AddQuartzTables")]
public sealed class AddQuartzTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in QuartzSchema.Statements(DatabaseProvider.Sqlite))
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in QuartzSchema.Tables)
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzSchema.TablePrefix}{table}");
    }
}
