using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// Every change to the EF model comes with its migration for both providers (<c>tools/add-migration.sh</c>): a model
/// changed without one would run on a fresh test database (created from the model's migrations as they are) yet leave
/// existing installations without the column or index it describes.
/// </summary>
public class ModelMigrationsTests
{
    [Fact]
    public void Neither_provider_s_model_has_changes_its_migrations_lack()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        sqlite.Database.HasPendingModelChanges().ShouldBeFalse("SQLite: run tools/add-migration.sh");
        postgres.Database.HasPendingModelChanges().ShouldBeFalse("PostgreSQL: run tools/add-migration.sh");
    }
}
