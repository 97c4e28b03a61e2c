using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// SQLite contexts on the application's own open connections, whose compiled statements are kept between queries
/// (<see cref="SqliteStatements"/>): the same answers as without, in and out of transactions, with nested reads of the
/// same SQL, and a connection never in two contexts at once.
/// </summary>
public sealed class SqliteStatementsTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "disclosure-statements", Guid.NewGuid().ToString("N"));
    readonly Database _database;

    public SqliteStatementsTests()
    {
        Directory.CreateDirectory(_root);
        _database = Database.Sqlite(Path.Combine(_root, "test.db"));
        _database.MigrateAsync().GetAwaiter().GetResult();
        using var db = _database.CreateContext(AgencyScope.All);
        for (var i = 1; i <= 5; i++)
            db.Agencies.Add(new Agency { Code = $"A{i}", Name = $"机关{i}" });
        db.SaveChanges();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static Task<string?> NameAsync(DisclosureDbContext db, string code) =>
        db.Agencies.Where(a => a.Code == code).Select(a => a.Name).SingleOrDefaultAsync();

    [Fact]
    public async Task The_same_query_with_other_values_answers_for_those_values()
    {
        for (var round = 0; round < 3; round++)
            for (var i = 1; i <= 5; i++)
            {
                await using var db = _database.CreateContext(AgencyScope.All);
                (await NameAsync(db, $"A{i}")).ShouldBe($"机关{i}");
                (await NameAsync(db, "none")).ShouldBeNull();
            }
    }

    [Fact]
    public async Task A_context_works_on_an_open_connection_of_its_own_and_hands_it_back_once()
    {
        var first = _database.CreateContext(AgencyScope.All);
        var connection = first.Database.GetDbConnection();
        connection.State.ShouldBe(System.Data.ConnectionState.Open);
        await first.DisposeAsync();
        first.Dispose(); // twice: must not hand the connection out twice

        await using var a = _database.CreateContext(AgencyScope.All);
        await using var b = _database.CreateContext(AgencyScope.All);
        a.Database.GetDbConnection().ShouldNotBeSameAs(b.Database.GetDbConnection());
        (await NameAsync(a, "A1")).ShouldBe("机关1");
        (await NameAsync(b, "A2")).ShouldBe("机关2");
    }

    [Fact]
    public async Task Statements_kept_from_a_transaction_run_after_it_and_a_rollback_is_a_rollback()
    {
        await using (var db = _database.CreateContext(AgencyScope.All))
        {
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var agency = await db.Agencies.SingleAsync(a => a.Code == "A3");
                agency.Name = "改名";
                await db.SaveChangesAsync();
                (await NameAsync(db, "A3")).ShouldBe("改名");
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            (await NameAsync(db, "A3")).ShouldBe("机关3"); // the same SQL, no transaction now
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                (await NameAsync(db, "A3")).ShouldBe("机关3");
                await tx.CommitAsync();
            }
        }
        await using var other = _database.CreateContext(AgencyScope.All);
        (await NameAsync(other, "A3")).ShouldBe("机关3");
    }

    [Fact]
    public async Task A_read_of_the_same_sql_inside_a_running_one_gets_its_own_statement()
    {
        await using var db = _database.CreateContext(AgencyScope.All);
        var names = new List<string>();
        await foreach (var agency in db.Agencies.AsNoTracking().OrderBy(a => a.Code).AsAsyncEnumerable())
        {
            // The same query while the outer one is still reading.
            var inner = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Name).ToListAsync();
            inner.Count.ShouldBe(5);
            names.Add(agency.Name);
        }
        names.ShouldBe(["机关1", "机关2", "机关3", "机关4", "机关5"]);
    }

    [Fact]
    public async Task Raw_commands_on_the_context_connection_still_work()
    {
        await using var db = _database.CreateContext(AgencyScope.All);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Agencies";
        Convert.ToInt32(await command.ExecuteScalarAsync()).ShouldBe(5);
        (await db.Database.ExecuteSqlRawAsync("UPDATE Agencies SET Name = Name WHERE Code = {0}", "A1")).ShouldBe(1);
    }

    static async Task<string?> OwnSqlNameAsync(DisclosureDbContext db, string code)
    {
        await using var command = SqliteStatements.CreateCommand(db.Database.GetDbConnection());
        command.CommandText = "SELECT Name FROM Agencies WHERE Code = $code";
        var p = command.CreateParameter();
        p.ParameterName = "$code";
        p.Value = code;
        command.Parameters.Add(p);
        return (string?)await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task The_application_s_own_sql_keeps_its_statement_and_joins_an_open_transaction()
    {
        await using var db = _database.CreateContext(AgencyScope.All);
        SqliteStatements.TryKept(db.Database.GetDbConnection(), out var kept).ShouldBeTrue();
        var before = kept.Count;
        (await OwnSqlNameAsync(db, "A1")).ShouldBe("机关1");
        (await OwnSqlNameAsync(db, "A2")).ShouldBe("机关2"); // the same text with another value: the same kept statement
        (await OwnSqlNameAsync(db, "none")).ShouldBeNull();
        kept.Count.ShouldBe(before + 1);

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var agency = await db.Agencies.SingleAsync(a => a.Code == "A5");
            agency.Name = "改名";
            await db.SaveChangesAsync();
            (await OwnSqlNameAsync(db, "A5")).ShouldBe("改名"); // inside the transaction, not refused for lacking it
            await tx.RollbackAsync();
        }
        (await OwnSqlNameAsync(db, "A5")).ShouldBe("机关5");
    }

    [Fact]
    public async Task Switched_off_a_context_opens_and_closes_as_usual()
    {
        var database = Database.Sqlite(Path.Combine(_root, "test.db"), keepStatements: false);
        await using var db = database.CreateContext(AgencyScope.All);
        db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Closed);
        (await NameAsync(db, "A4")).ShouldBe("机关4");
    }

    [Fact]
    public void The_setting_must_be_true_or_false()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = Path.Combine(_root, "other.db"),
            ["Database:KeepStatements"] = "maybe",
        }).Build();
        Should.Throw<InvalidOperationException>(() => Database.FromConfiguration(configuration))
            .Message.ShouldContain("Database:KeepStatements");
    }
}
