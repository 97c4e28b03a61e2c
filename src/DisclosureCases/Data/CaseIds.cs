using System.Data.Common;
using System.Globalization;

namespace DisclosureCases.Data;

/// <summary>
/// Case ids allocated ahead of a bulk insert, for writers that need them before the row exists (the audit hash covers
/// the case id). Call inside the transaction that inserts the rows.
/// </summary>
public static class CaseIds
{
    /// <summary>
    /// SQLite: the transaction holds the write lock, so the ids after the highest ever used (AUTOINCREMENT's
    /// sqlite_sequence included) are free. PostgreSQL: drawn from the identity sequence, so inserts by the running
    /// application never collide with them.
    /// </summary>
    public static async Task<int[]> AllocateAsync(DatabaseProvider provider, DbConnection connection, DbTransaction transaction, int n, CancellationToken ct)
    {
        if (n == 0) return [];
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (provider == DatabaseProvider.PostgreSQL)
        {
            command.CommandText = """SELECT nextval(pg_get_serial_sequence('"Cases"', 'Id'))::integer FROM generate_series(1, @n)""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "n";
            parameter.Value = n;
            command.Parameters.Add(parameter);
            var ids = new List<int>(n);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt32(0));
            return [.. ids];
        }
        command.CommandText = """
            SELECT MAX(m) FROM (
                SELECT COALESCE(MAX("Id"), 0) AS m FROM "Cases"
                UNION ALL SELECT seq FROM sqlite_sequence WHERE name = 'Cases')
            """;
        var highest = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return Enumerable.Range(highest + 1, n).ToArray();
    }
}
