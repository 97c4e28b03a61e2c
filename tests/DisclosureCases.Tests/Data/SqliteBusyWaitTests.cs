using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>A writer that finds SQLite busy waits inside SQLite, in short steps, rather than in the driver's long sleeps.</summary>
public class SqliteBusyWaitTests(SqliteBusyWaitTests.Factory factory) : IClassFixture<SqliteBusyWaitTests.Factory>
{
    public sealed class Factory : SqliteAppFactory;

    [Fact]
    public async Task Every_connection_of_a_context_waits_for_a_busy_writer_up_to_the_command_timeout()
    {
        _ = factory.Services;
        for (var i = 0; i < 2; i++) // the second open takes the connection back from the pool
        {
            await using var db = factory.Database.CreateContext(AgencyScope.All);
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Convert.ToInt64(await command.ExecuteScalarAsync()).ShouldBe(30_000);
        }
    }

    [Fact]
    public async Task A_write_waits_for_another_connections_write_transaction_and_then_succeeds()
    {
        _ = factory.Services;
        await using var holder = factory.Database.CreateContext(AgencyScope.All);
        await holder.Database.OpenConnectionAsync();
        await using var hold = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlRawAsync("UPDATE Agencies SET Name = Name");

        await using var writer = factory.Database.CreateContext(AgencyScope.All);
        // On its own thread: the SQLite driver runs "async" commands synchronously.
        var write = Task.Run(() => writer.Database.ExecuteSqlRawAsync("UPDATE Agencies SET Name = Name"));
        await Task.Delay(100);
        write.IsCompleted.ShouldBeFalse("the second writer waits while the first holds the write lock");
        await hold.CommitAsync();
        (await write).ShouldBeGreaterThan(0);
    }
}
