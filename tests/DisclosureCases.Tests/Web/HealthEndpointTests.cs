using System.Net;
using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Npgsql;

namespace DisclosureCases.Tests.Web;

/// <summary><c>/health</c>: what a load balancer and a monitor learn about one node, without signing in.</summary>
public sealed class HealthEndpointTests
{
    static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> HealthAsync(AppFactory app)
    {
        var response = await app.NewClient().GetAsync("/health");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement, text);
    }

    [Fact]
    public async Task A_node_without_its_scheduler_reports_the_database_connected_and_migrated()
    {
        using var app = new AppFactory();
        var (status, body, text) = await HealthAsync(app);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("ok");
        var database = body.GetProperty("database");
        database.GetProperty("provider").GetString().ShouldBe(app.Provider);
        database.GetProperty("connected").GetBoolean().ShouldBeTrue();
        database.GetProperty("pendingMigrations").GetInt32().ShouldBe(0);
        body.GetProperty("scheduler").GetProperty("state").GetString().ShouldBe("disabled");
        text.ShouldNotContain("Password", Case.Insensitive, "an anonymous endpoint names no secret");
        text.ShouldNotContain("王晓梅", customMessage: "nor a person");
    }

    [Fact]
    public async Task A_node_whose_scheduler_runs_says_so_and_is_unhealthy_while_the_scheduler_stands_by()
    {
        using var app = new SchedulerAppFactory();
        var text = await Eventually.Async(async () =>
        {
            var (status, _, t) = await HealthAsync(app);
            return status == HttpStatusCode.OK ? t : null;
        }, "the scheduler to start");
        var scheduler = JsonDocument.Parse(text).RootElement.GetProperty("scheduler");
        scheduler.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        scheduler.GetProperty("state").GetString().ShouldBe("started");
        scheduler.GetProperty("clustered").GetBoolean().ShouldBe(app.DatabaseProvider == DatabaseProvider.PostgreSQL);
        scheduler.GetProperty("instanceId").GetString().ShouldNotBeNullOrEmpty();
        scheduler.GetProperty("jobStore").GetString().ShouldNotBeNullOrEmpty();
        scheduler.GetProperty("openIncidents").GetInt32().ShouldBe(0);

        await (await app.SchedulerAsync()).Standby();
        var (standby, standbyBody, _) = await HealthAsync(app);
        standby.ShouldBe(HttpStatusCode.ServiceUnavailable, "a node whose jobs do not run is not healthy");
        standbyBody.GetProperty("scheduler").GetProperty("state").GetString().ShouldBe("standby");
        standbyBody.GetProperty("database").GetProperty("connected").GetBoolean().ShouldBeTrue();

        await (await app.SchedulerAsync()).Start();
        (await HealthAsync(app)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_node_whose_database_is_gone_answers_503_and_says_the_database_is_not_connected()
    {
        using var app = new AppFactory();
        (await HealthAsync(app)).Status.ShouldBe(HttpStatusCode.OK);

        TakeDatabaseAway(app);

        var (status, body, _) = await HealthAsync(app);
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("status").GetString().ShouldBe("unavailable");
        body.GetProperty("database").GetProperty("connected").GetBoolean().ShouldBeFalse();
    }

    /// <summary>On SQLite a directory where the file was (it cannot be opened, nor silently created anew); on PostgreSQL the
    /// database dropped under the running node.</summary>
    static void TakeDatabaseAway(AppFactory app)
    {
        if (app.DatabaseProvider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(app.DatabasePath + suffix);
            Directory.CreateDirectory(app.DatabasePath);
            return;
        }
        var database = new NpgsqlConnectionStringBuilder(app.DatabaseSettings["ConnectionStrings:Postgres"]).Database;
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(TestDatabases.Server + ";Database=postgres;Pooling=false");
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
