using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DisclosureCases.Tests.Web.HostileInput;

/// <summary>
/// Every table's row count and a hash of its content, to tell whether a request changed anything at all.
/// </summary>
/// <remarks><see cref="Watcher"/> takes one only when SQLite's <c>PRAGMA data_version</c> says another connection
/// committed since the last look: a refused request that commits nothing costs no hashing.</remarks>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    public static DatabaseSnapshot Take(string sqlitePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            var all = new List<(string Name, string Sql)>();
            while (reader.Read()) all.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
            // Full-text indexes (FTS5 virtual tables and their shadow tables, some WITHOUT ROWID) are derived from the
            // tables they index, which are hashed themselves.
            var virtualTables = all.Where(t => t.Sql.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
            tables.AddRange(all.Select(t => t.Name).Where(n => !virtualTables.Any(v => n == v || n.StartsWith(v + "_", StringComparison.Ordinal))));
        }
        var result = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            if (table.StartsWith("QRTZ_", StringComparison.Ordinal) || table == "__EFMigrationsHistory")
                select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    hash.AppendData(value is byte[] bytes ? bytes : Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    hash.AppendData([0]);
                }
            }
            result[table] = (rows, Convert.ToHexString(hash.GetHashAndReset()));
        }
        return new DatabaseSnapshot(result);
    }

    /// <summary>The tables that differ, with their row counts before and after ("" when nothing changed).</summary>
    public string Difference(DatabaseSnapshot after) => string.Join(", ",
        Tables.Keys.Union(after.Tables.Keys).Order(StringComparer.Ordinal)
            .Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t))
            .Select(t => $"{t} ({Tables.GetValueOrDefault(t).Rows} → {after.Tables.GetValueOrDefault(t).Rows} rows)"));
}

/// <summary>The database's content as of now, re-read only when something was committed since the last look.</summary>
public sealed class DatabaseWatcher : IDisposable
{
    readonly string _path;
    readonly SqliteConnection _connection;
    long _version = -1;
    DatabaseSnapshot? _snapshot;

    public DatabaseWatcher(string sqlitePath)
    {
        _path = sqlitePath;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _connection.Open();
    }

    public DatabaseSnapshot Current()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        var version = (long)command.ExecuteScalar()!;
        if (version != _version || _snapshot is null)
        {
            _snapshot = DatabaseSnapshot.Take(_path);
            _version = version;
        }
        return _snapshot;
    }

    public void Dispose() => _connection.Dispose();
}
