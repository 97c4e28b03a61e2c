using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosureCases.Data.QuartzMigrations;

/// <summary>
/// Quartz's job store tables (<c>QRTZ_*</c>) for PostgreSQL: a migration written by hand, not derived from the
/// EF model, and kept outside <c>Data/Migrations</c>, so that regenerating the model's migrations (even deleting that
/// folder) leaves it alone; EF finds it by its <c>[DbContext]</c> attribute. The tables reference nothing of ours, so
/// its order among the migrations does not matter. The DDL is Quartz's own, pinned by hash: see <see cref="QuartzSchema"/>.
/// </summary>
[DbContext(typeof(PostgresDisclosureDbContext))]
[Migration("20261122000000_AddQuartzTables")]
public sealed class PostgresAddQuartzTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in QuartzSchema.Statements(DatabaseProvider.PostgreSQL))
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in QuartzSchema.Tables)
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzSchema.TablePrefix}{table}");
    }
}
