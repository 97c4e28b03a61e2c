using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// The real application on PostgreSQL: a fresh database per factory on the server named by
/// <c>DISCLOSURE_TEST_POSTGRES</c> (a connection string without a database; <c>.ci/run</c> starts a server and sets it).
/// Without it the tests skip — except under <c>CI=true</c>, where they fail: CI never passes a PostgreSQL test silently.
/// </summary>
public class PostgresAppFactory : AppFactory
{
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("DISCLOSURE_TEST_POSTGRES");
    readonly string _database = "disclosure_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string Provider => "PostgreSQL";

    public override void SkipUnlessAvailable()
    {
        if (PostgresServer is not null) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("CI=true but DISCLOSURE_TEST_POSTGRES is not set: .ci/run should have started PostgreSQL.");
        Skip.If(true, "PostgreSQL not configured: set DISCLOSURE_TEST_POSTGRES (e.g. Host=127.0.0.1;Username=postgres;Password=postgres)");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (PostgresServer is null) return;
        using (var admin = new NpgsqlConnection(PostgresServer + ";Database=postgres"))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            create.ExecuteNonQuery();
        }
        builder.UseSetting("Database:Provider", "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Postgres", $"{PostgresServer};Database={_database}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (PostgresServer is null) return;
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(PostgresServer + ";Database=postgres");
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
