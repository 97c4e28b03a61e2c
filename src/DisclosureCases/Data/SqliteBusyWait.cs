using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosureCases.Data;

/// <summary>
/// SQLite lets one writer in at a time. When a second one finds the database busy, Microsoft.Data.Sqlite retries by
/// putting the thread to sleep between attempts — long sleeps, seen in the load run as intake's p99 of 470 ms and
/// stalls of ~370 ms (docs/benchmarks.md). With a busy timeout on the native connection SQLite waits inside itself in
/// short steps (1, 2, 5, 10 … ms) and lets the writer in as soon as the other commits; the driver's own retry then only
/// sees a database still busy after the whole timeout. Set on every open, since a pooled connection is opened again.
/// </summary>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static readonly SqliteBusyWait Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    /// <summary>Sets the wait on an open connection (also the application's kept ones, <see cref="SqliteStatements"/>).</summary>
    internal static void Set(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
            SQLitePCL.raw.sqlite3_busy_timeout(handle, sqlite.DefaultTimeout * 1000);
    }
}
