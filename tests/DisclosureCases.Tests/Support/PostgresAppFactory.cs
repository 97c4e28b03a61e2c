using DisclosureCases.Data;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// The real application on PostgreSQL whatever <c>DISCLOSURE_TEST_PROVIDER</c> says, on a database created empty so
/// that every migration (the model's and the Quartz tables) runs from nothing. Without <c>DISCLOSURE_TEST_POSTGRES</c>
/// the tests skip — except under <c>CI=true</c>, where they fail: CI never passes a PostgreSQL test silently.
/// </summary>
public class PostgresAppFactory : AppFactory
{
    public PostgresAppFactory() : base(NewDirectory(), keepDirectory: false, DatabaseProvider.PostgreSQL, migrateFromEmpty: true)
    {
    }
}

/// <summary>The application on SQLite whatever <c>DISCLOSURE_TEST_PROVIDER</c> says, for tests about SQLite itself
/// (its file, WAL, the online backup, refusing a cluster).</summary>
public class SqliteAppFactory : AppFactory
{
    public SqliteAppFactory() : base(NewDirectory(), keepDirectory: false, DatabaseProvider.Sqlite)
    {
    }
}
