using System.Diagnostics;
using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Cli;

/// <summary>
/// <c>disclosure backup</c> while the application writes, <c>disclosure restore</c> into a stopped installation, and the
/// PostgreSQL way (pg_dump / pg_restore): what was saved comes back whole, with a verifying audit chain.
/// </summary>
public sealed class BackupVerbsTests
{
    /// <summary>An application started on an installation a test prepared (a restored one).</summary>
    sealed class InstallationAppFactory(string directory, bool keepDirectory = false) : AppFactory(directory, keepDirectory, DatabaseProvider.Sqlite);

    static Dictionary<string, string> SqliteAt(string directory) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:Path"] = Path.Combine(directory, "test.db"),
    };

    [Fact]
    public async Task A_backup_taken_while_cases_are_being_received_restores_into_a_new_installation_with_every_case_it_saw()
    {
        using var app = new SqliteAppFactory();
        var maker = new CaseMaker(app);
        for (var i = 0; i < 5; i++)
            await maker.ReceiveAsync("clerk", "备份前申请人");
        var file = Path.Combine(app.DataDirectory, "backup.db");

        // Clerks go on receiving applications during the backup.
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await maker.ReceiveAsync("clerk", "备份中申请人");
                n++;
            }
            return n;
        });
        await Task.Delay(200);
        var before = await CasesAsync(app);
        var backup = await CliHarness.RunAsync(app, "backup", file);
        await Task.Delay(200);
        stop.Cancel();
        var writtenDuring = await writes;

        backup.ExitCode.ShouldBe(0, backup.Error);
        backup.Out.ShouldContain("完整性检查通过");
        writtenDuring.ShouldBeGreaterThan(0, "the application kept writing during the backup");

        // The running installation cannot be restored over.
        var refused = await CliHarness.RunAsync(app, "restore", file);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("应用正在运行");

        var fresh = AppFactory.NewDirectory();
        Directory.CreateDirectory(fresh);
        var restore = await CliHarness.RunAsync(SqliteAt(fresh), "restore", file);
        restore.ExitCode.ShouldBe(0, restore.Error);
        (await CliHarness.RunAsync(SqliteAt(fresh), "audit", "verify")).ExitCode.ShouldBe(0, "the restored audit chains verify");

        using var restored = new InstallationAppFactory(fresh);
        var after = await CasesAsync(restored);
        foreach (var (id, head) in before)
            after.ShouldContainKey(id, $"case {id} existed before the backup began");
        foreach (var (id, head) in before)
            after[id].ShouldBe(head, $"case {id} comes back with the audit head it had");
        after.Count.ShouldBeLessThanOrEqualTo(before.Count + writtenDuring);
        var clerk = await restored.SignInAsync("clerk");
        (await clerk.GetAsync($"/Cases/{before.Keys.Max()}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_file_that_is_not_a_sound_database_is_refused_and_the_installation_is_left_as_it_was()
    {
        var directory = AppFactory.NewDirectory();
        int kept;
        using (var app = new InstallationAppFactory(directory, keepDirectory: true))
            kept = (await new CaseMaker(app).ReceiveAsync("clerk", "原有申请人")).Id;
        var junk = Path.Combine(directory, "junk.db");
        await File.WriteAllTextAsync(junk, "这不是数据库");
        try
        {
            var outcome = await CliHarness.RunAsync(SqliteAt(directory), "restore", junk);
            outcome.ExitCode.ShouldBe(1);
            outcome.Error.ShouldContain("不是完好的 DisclosureCases 数据库");
            outcome.Error.ShouldContain("未作任何改动");
            await using var db = Database.Sqlite(Path.Combine(directory, "test.db")).CreateContext(AgencyScope.All);
            (await db.Cases.AnyAsync(c => c.Id == kept)).ShouldBeTrue();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [SkippableFact]
    public async Task On_PostgreSQL_the_verbs_point_to_pg_dump_and_pg_restore()
    {
        TestDatabases.SkipUnlessPostgres();
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Postgres"] = TestDatabases.Server + ";Database=disclosure",
        };
        var backup = await CliHarness.RunAsync(settings, "backup", "disclosure.dump");
        backup.ExitCode.ShouldBe(2);
        backup.Error.ShouldContain("pg_dump -Fc -h 127.0.0.1 -p 5432 -U postgres -d disclosure -f disclosure.dump");
        backup.Error.ShouldNotContain("Password=");
        var restore = await CliHarness.RunAsync(settings, "restore", "disclosure.dump");
        restore.ExitCode.ShouldBe(2);
        restore.Error.ShouldContain("pg_restore --clean --if-exists");
    }

    [SkippableFact]
    public async Task A_PostgreSQL_database_dumped_with_pg_dump_and_restored_with_pg_restore_has_every_case_and_verifies()
    {
        TestDatabases.SkipUnlessPostgres();
        using var app = new PostgresAppFactory();
        var maker = new CaseMaker(app);
        var clerk = await maker.ActorAsync("clerk");
        for (var i = 0; i < 3; i++)
        {
            var c = await maker.ReceiveAsync("clerk", "转储申请人");
            await maker.FireAsync(c.Id, "register", clerk, new() { ["handler"] = clerk.UserId });
        }
        var before = await CasesAsync(app);
        var source = new Npgsql.NpgsqlConnectionStringBuilder(app.DatabaseSettings["ConnectionStrings:Postgres"]);
        var dump = Path.Combine(app.DataDirectory, "disclosure.dump");
        Run("pg_dump", $"-Fc -h {source.Host} -p {source.Port} -U {source.Username} -d {source.Database} -f {dump}", source.Password!);

        var target = TestDatabases.CreatePostgres(empty: true);
        try
        {
            var restoreInto = new Npgsql.NpgsqlConnectionStringBuilder(target);
            Run("pg_restore", $"--clean --if-exists --no-owner -h {restoreInto.Host} -p {restoreInto.Port} -U {restoreInto.Username} -d {restoreInto.Database} {dump}",
                source.Password!);
            var settings = new Dictionary<string, string> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Postgres"] = target };
            (await CliHarness.RunAsync(settings, "audit", "verify")).ExitCode.ShouldBe(0);
            var restored = new Database(DatabaseProvider.PostgreSQL, target);
            await using var db = restored.CreateContext(AgencyScope.All);
            var after = await db.Cases.ToDictionaryAsync(c => c.Id, c => c.AuditHead);
            after.OrderBy(kv => kv.Key).ShouldBe(before.OrderBy(kv => kv.Key));
        }
        finally
        {
            TestDatabases.DropPostgres(target);
        }
    }

    static async Task<Dictionary<int, string>> CasesAsync(AppFactory app)
    {
        await using var db = app.Database.CreateContext(AgencyScope.All);
        return await db.Cases.ToDictionaryAsync(c => c.Id, c => c.AuditHead);
    }

    /// <summary>Runs one of PostgreSQL's client tools (required under CI, where .ci/run installs them).</summary>
    static void Run(string tool, string arguments, string password)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PGPASSWORD"] = password;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception) when (Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip.If(true, $"{tool} is not installed here");
            return;
        }
        using (process)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"{tool} {arguments}: {error}");
        }
    }
}
