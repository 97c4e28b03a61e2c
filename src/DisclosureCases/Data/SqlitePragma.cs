using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Data;

/// <summary>
/// Per-connection SQLite settings for bulk work, set on a context's open connection and put back afterwards: the
/// connection returns to the pool and must serve the application as it did before.
/// </summary>
public static class SqlitePragma
{
    /// <summary>Sets <paramref name="name"/> on the context's connection (opening it) and returns the value it had.</summary>
    public static async Task<long> SetAsync(DisclosureDbContext db, string name, long value, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var previous = await ExecuteAsync(db, $"PRAGMA {name}", ct);
        await ExecuteAsync(db, $"PRAGMA {name} = {value.ToString(CultureInfo.InvariantCulture)}", ct);
        return previous;
    }

    static async Task<long> ExecuteAsync(DisclosureDbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
    }
}
