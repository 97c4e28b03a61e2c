using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// PostgreSQL keeps the newest cases visible to the worklist's index-only reads and leaves room on each page for a case's
/// second write (<see cref="DisclosureCases.Data.StorageMigrations.PostgresCasesStorage"/>), on a database migrated from empty.
/// </summary>
public sealed class PostgresCasesStorageTests : IClassFixture<PostgresCasesStorageTests.Factory>
{
    public sealed class Factory : PostgresAppFactory;

    readonly Factory _factory;

    public PostgresCasesStorageTests(Factory factory)
    {
        _factory = factory;
        factory.SkipUnlessAvailable();
    }

    [SkippableFact]
    public async Task The_cases_table_is_vacuumed_every_thousand_cases_added_and_its_pages_keep_a_tenth_free()
    {
        await using var db = _factory.Database.CreateContext(AgencyScope.All);
        var options = await db.Database.SqlQueryRaw<string>("""
            SELECT unnest(reloptions) AS "Value" FROM pg_class WHERE oid = '"Cases"'::regclass
            """).ToListAsync();
        options.ShouldBe(["fillfactor=90", "autovacuum_vacuum_insert_threshold=1000", "autovacuum_vacuum_insert_scale_factor=0"], ignoreOrder: true);

        // Only the cases table: the others keep PostgreSQL's defaults.
        var others = await db.Database.SqlQueryRaw<string>("""
            SELECT relname AS "Value" FROM pg_class
            WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND reloptions IS NOT NULL AND relname <> 'Cases'
            """).ToListAsync();
        others.ShouldBeEmpty();
    }
}
