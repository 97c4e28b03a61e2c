using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DisclosureCases.Data.SimilarityMigrations;

/// <summary>The trigram-array GIN index of request texts on PostgreSQL: see <see cref="SimilarityIndexSql"/>.</summary>
[DbContext(typeof(PostgresDisclosureDbContext))]
[Migration(SimilarityIndexSql.MigrationId)]
public sealed class PostgresAddSimilarityIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in SimilarityIndexSql.Postgres)
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in SimilarityIndexSql.PostgresDown)
            migrationBuilder.Sql(statement);
    }
}
