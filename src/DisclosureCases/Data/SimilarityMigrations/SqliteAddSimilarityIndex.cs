using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosureCases.Data.SimilarityMigrations;

/// <summary>The FTS5 trigram index of request texts on SQLite: see <see cref="SimilarityIndexSql"/>.</summary>
[DbContext(typeof(SqliteDisclosureDbContext))]
[Migration(SimilarityIndexSql.MigrationId)]
public sealed class SqliteAddSimilarityIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in SimilarityIndexSql.Sqlite)
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in SimilarityIndexSql.SqliteDown)
            migrationBuilder.Sql(statement);
    }
}
