using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Tests.Cli;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DisclosureCases.Tests.Reliability;

/// <summary>
/// The application killed outright (SIGKILL) while clerks receive and register applications through it: after a restart
/// every action it acknowledged is there, no case is half-changed, and <c>disclosure audit verify</c> passes. On SQLite
/// (WAL) and on PostgreSQL.
/// </summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task On_SQLite_every_acknowledged_action_survives_a_kill_and_no_case_is_half_changed()
    {
        var directory = AppFactory.NewDirectory();
        Directory.CreateDirectory(directory);
        try
        {
            await KillMidStreamAndCheckAsync(new Dictionary<string, string>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:Path"] = Path.Combine(directory, "crash.db"),
            }, directory);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact]
    public async Task On_PostgreSQL_every_acknowledged_action_survives_a_kill_and_no_case_is_half_changed()
    {
        TestDatabases.SkipUnlessPostgres();
        var database = TestDatabases.CreatePostgres();
        var directory = AppFactory.NewDirectory();
        Directory.CreateDirectory(directory);
        try
        {
            await KillMidStreamAndCheckAsync(new Dictionary<string, string>
            {
                ["Database:Provider"] = "PostgreSQL",
                ["ConnectionStrings:Postgres"] = database,
                ["Quartz:Clustered"] = "false",
            }, directory);
        }
        finally
        {
            TestDatabases.DropPostgres(database);
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>What the application acknowledged (a redirect back to the case): a case received, or registered.</summary>
    sealed record Acknowledged(int CaseId, string Action);

    static async Task KillMidStreamAndCheckAsync(Dictionary<string, string> settings, string directory)
    {
        var acknowledged = new ConcurrentBag<Acknowledged>();
        using (var app = await AppProcess.StartAsync(settings, directory))
        {
            var clerks = new List<HttpClient>();
            for (var i = 0; i < 4; i++)
                clerks.Add(await SignInAsync(app, "clerk"));
            var handler = await HandlerIdAsync(settings);

            // Four clerks receive and register applications as fast as the application answers, until it is killed.
            var streams = clerks.Select(clerk => Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        var id = await clerk.ReceiveAsync();
                        acknowledged.Add(new(id, "received"));
                        var response = await clerk.FireAsync(id, "register", new() { ["handler"] = handler });
                        if (response.StatusCode != HttpStatusCode.Redirect)
                            throw new ShouldAssertException($"register of case {id} answered {(int)response.StatusCode} before the kill");
                        acknowledged.Add(new(id, "register"));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException)
                {
                    // The connection died with the process: whatever was in flight was never acknowledged. A connection
                    // accepted by the kernel just as the process died fails as a bare SocketException ("Transport endpoint
                    // is not connected", from reading the remote end point), not wrapped in an HttpRequestException.
                }
            })).ToList();

            await Eventually.Async(() => Task.FromResult(acknowledged.Count(a => a.Action == "register") >= 20),
                "twenty registrations acknowledged", TimeSpan.FromSeconds(60));
            app.Kill();
            await Task.WhenAll(streams);
        }

        using (await AppProcess.StartAsync(settings, directory))
        {
            var database = Database.FromConfiguration(new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
            await using var db = database.CreateContext(AgencyScope.All);
            var cases = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id);
            var events = (await db.CaseEvents.AsNoTracking().ToListAsync()).ToLookup(e => e.CaseId);

            foreach (var a in acknowledged)
            {
                cases.ShouldContainKey(a.CaseId, $"case {a.CaseId} was acknowledged as received");
                if (a.Action == "register")
                    cases[a.CaseId].State.ShouldBe("processing", $"case {a.CaseId} was acknowledged as registered");
            }
            foreach (var c in cases.Values)
            {
                var trail = events[c.Id].OrderBy(e => e.Sequence).ToList();
                AuditChain.Verify(trail, c.AuditHead, c.AuditCount).ShouldBeEmpty($"case {c.Id}'s record");
                var whole = c.State switch
                {
                    "received" => c.Version == 1 && c.CaseNumber is null && trail.Count == 1,
                    "processing" => c.Version == 2 && c.CaseNumber is not null && c.HandlerId is not null && trail.Count == 2
                        && trail[^1].Trigger == "register",
                    _ => false,
                };
                whole.ShouldBeTrue($"case {c.Id} is whole: state {c.State}, version {c.Version}, number {c.CaseNumber}, {trail.Count} events");
            }
            (await CliHarness.RunAsync(settings, "audit", "verify")).ExitCode.ShouldBe(0);
        }
    }

    static async Task<HttpClient> SignInAsync(AppProcess app, string userName)
    {
        var client = app.NewClient();
        var response = await client.PostFormAsync("/Account/Login",
            new() { ["UserName"] = userName, ["Password"] = DisclosureCases.Web.Startup.DemoInstallation.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in as {userName} should redirect");
        return client;
    }

    static async Task<string> HandlerIdAsync(Dictionary<string, string> settings)
    {
        var database = Database.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
        await using var db = database.CreateContext(AgencyScope.All);
        return await db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync();
    }
}
