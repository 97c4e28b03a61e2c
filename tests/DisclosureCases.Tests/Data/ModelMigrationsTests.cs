using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// Every change to the EF model comes with its migration for both providers (<c>tools/add-migration.sh</c>): databases
/// are created and upgraded by the migrations alone, so a model changed without one leaves every database, new or
/// existing, without the column or index the model describes — and a missing index no other test would notice.
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
