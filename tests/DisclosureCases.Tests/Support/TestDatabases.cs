using DisclosureCases.Data;
using Npgsql;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// Which database the integration tests run on and where: <c>DISCLOSURE_TEST_PROVIDER</c> (<c>sqlite</c>, the default, or
/// <c>postgres</c>) chooses the provider of every <see cref="AppFactory"/> that does not insist on one;
/// <c>DISCLOSURE_TEST_POSTGRES</c> names the PostgreSQL server (a connection string without a database; <c>.ci/run</c>
/// starts one and sets it). Each factory gets a database of its own, copied from a template migrated once per test run
/// (<c>CREATE DATABASE … TEMPLATE</c> takes a few milliseconds where migrating takes seconds).
/// </summary>
public static class TestDatabases
{
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("DISCLOSURE_TEST_POSTGRES");

    /// <summary>The provider chosen for the run.</summary>
    public static DatabaseProvider Provider { get; } = Environment.GetEnvironmentVariable("DISCLOSURE_TEST_PROVIDER")?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.PostgreSQL,
        var other => throw new InvalidOperationException($"DISCLOSURE_TEST_PROVIDER must be sqlite or postgres, not '{other}'."),
    };

    static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Skips the calling test when PostgreSQL is not configured, except under CI=true, where it fails.</summary>
    public static void SkipUnlessPostgres()
    {
        if (PostgresServer is not null) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("CI=true but DISCLOSURE_TEST_POSTGRES is not set: .ci/run should have started PostgreSQL.");
        Skip.If(true, "PostgreSQL not configured: set DISCLOSURE_TEST_POSTGRES (e.g. Host=127.0.0.1;Username=postgres;Password=postgres)");
    }

    /// <summary>The server, or a clear failure when a PostgreSQL run was asked for without one.</summary>
    public static string Server => PostgresServer ?? throw new InvalidOperationException(
        "DISCLOSURE_TEST_PROVIDER=postgres needs DISCLOSURE_TEST_POSTGRES (a connection string to a server, e.g. from .ci/postgres).");

    /// <summary>Creates a database of its own for one factory and returns its connection string: migrated (copied from the
    /// run's template) unless <paramref name="empty"/>, for tests that watch the migrations run from nothing.</summary>
    public static string CreatePostgres(bool empty = false)
    {
        var name = "disclosure_test_" + Guid.NewGuid().ToString("N")[..12];
        Admin(empty ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        return $"{Server};Database={name}";
    }

    public static void DropPostgres(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    static string CreateTemplate()
    {
        var name = "disclosure_template_" + Guid.NewGuid().ToString("N")[..12];
        Admin($"CREATE DATABASE \"{name}\"");
        // No pooling: a template must have no open connection when it is copied.
        var database = new Database(DatabaseProvider.PostgreSQL, $"{Server};Database={name};Pooling=false");
        database.MigrateAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"); } catch (NpgsqlException) { }
        };
        return name;
    }

    static void Admin(string sql)
    {
        using var admin = new NpgsqlConnection(Server + ";Database=postgres;Pooling=false");
        admin.Open();
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }
}
