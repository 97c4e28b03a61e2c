using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Jobs;

/// <summary>The qrtz_ tables our migrations create are the ones the referenced Quartz expects.</summary>
public class QuartzSchemaTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public void The_referenced_Quartz_ships_the_schema_script_our_migration_was_written_for(DatabaseProvider provider) =>
        // When this fails after a Quartz upgrade: write the migration that upgrades existing qrtz_ tables, then pin the new hash.
        QuartzSchema.Hash(QuartzSchema.Script(provider)).ShouldBe(QuartzSchema.PinnedHashes[provider]);

    [Fact]
    public void Both_providers_migrations_include_the_qrtz_tables_after_the_models_own()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        foreach (DbContext db in new DbContext[] { sqlite, postgres })
        {
            var migrations = db.Database.GetMigrations().ToList();
            migrations.ShouldContain("20261122000000_AddQuartzTables");
            migrations.ShouldContain(m => m.EndsWith("_Initial", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public void The_statements_create_every_table_with_our_prefix_and_no_placeholder_left(DatabaseProvider provider)
    {
        var statements = QuartzSchema.Statements(provider);
        statements.ShouldAllBe(s => !s.Contains("{0}") && !s.Contains("{1}") && !s.StartsWith("--"));
        statements.ShouldNotContain(s => s.Contains("DROP", StringComparison.OrdinalIgnoreCase));
        foreach (var table in QuartzSchema.Tables)
            statements.ShouldContain(s => s.StartsWith($"CREATE TABLE IF NOT EXISTS QRTZ_{table} (", StringComparison.OrdinalIgnoreCase), table);
    }
}
