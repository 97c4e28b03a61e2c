using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DisclosureCases.Data;

/// <summary>
/// Bulk <c>INSERT</c>s for one entity type on the connection of a <see cref="DisclosureDbContext"/>, without the change
/// tracker. Table and column names, owned types stored in the same table (the case's applicant) and value conversions
/// (enums as names) come from the EF Core model, so a new column is written without touching this class, and
/// parameters are made by the provider's own type mappings — the values EF Core itself would send.
/// The statement shape follows the provider: SQLite is fastest with one prepared single-row command executed again and
/// again (it binds parameters by name, so a statement with thousands of them costs quadratic time), PostgreSQL with
/// multi-row <c>VALUES (…), (…)</c> statements that save round trips.
/// </summary>
/// <typeparam name="T">An entity type of the model.</typeparam>
public sealed class BulkInsert<T> where T : class
{
    /// <summary>Well below Npgsql's 65 535 parameters per statement.</summary>
    const int MaxParameters = 30_000;
    const int MaxRowsPerStatement = 500;

    readonly string _prefix;
    readonly Column[] _columns;
    readonly int _rowsPerStatement;

    sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<T, object?> Value)
    {
        /// <summary>The value as the provider stores it (an enum's name), as EF Core's parameter would carry it.</summary>
        public object ProviderValue(T row) => Value(row) is { } v ? Mapping.Converter?.ConvertToProvider(v) ?? v : DBNull.Value;
    }

    /// <param name="db">Supplies the model and the provider; its connection is used by <see cref="InsertAsync"/>.</param>
    /// <param name="withKey">Whether the primary key is written (ids allocated by the caller) or left to the database.</param>
    public BulkInsert(DbContext db, bool withKey)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not in the model.");
        var tableName = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsPrimaryKey() && !withKey) continue;
            if (property.IsShadowProperty())
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name} is a shadow property; BulkInsert writes CLR properties only.");
            var getter = property.GetGetter();
            columns.Add(new Column(property.GetColumnName(table)!, property.GetRelationalTypeMapping(), property.IsNullable, e => getter.GetClrValue(e)));
        }
        // Owned types split into the owner's table (Case.Applicant → ApplicantName, ApplicantKind …).
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.TargetEntityType.GetTableName() == tableName))
        {
            var owner = navigation.GetGetter();
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var getter = property.GetGetter();
                columns.Add(new Column(property.GetColumnName(table)!, property.GetRelationalTypeMapping(), property.IsNullable,
                    e => owner.GetClrValue(e) is { } owned ? getter.GetClrValue(owned) : null));
            }
        }
        _columns = [.. columns];
        var sql = db.GetService<ISqlGenerationHelper>();
        _prefix = $"INSERT INTO {sql.DelimitIdentifier(tableName, entity.GetSchema())} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        _rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Clamp(MaxParameters / _columns.Length, 1, MaxRowsPerStatement);
    }

    /// <summary>The column names written, in order.</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToList();

    /// <summary>Inserts <paramref name="rows"/> inside <paramref name="transaction"/> (which the caller commits).</summary>
    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows, CancellationToken ct)
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += _rowsPerStatement)
            {
                var count = Math.Min(_rowsPerStatement, rows.Count - start);
                // Full-size statements reuse one prepared command; only the last, shorter one needs its own.
                if (count == _rowsPerStatement)
                {
                    full ??= await CommandAsync(connection, transaction, count, ct);
                    await ExecuteAsync(full, rows, start, count, ct);
                }
                else
                {
                    await using var rest = await CommandAsync(connection, transaction, count, ct);
                    await ExecuteAsync(rest, rows, start, count, ct);
                }
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    static bool Multiplexed(DbConnection connection) =>
        connection is Npgsql.NpgsqlConnection && new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString).Multiplexing;

    async Task<DbCommand> CommandAsync(DbConnection connection, DbTransaction transaction, int rows, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(_prefix, _prefix.Length + rows * _columns.Length * 8);
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var name = "@p" + p++;
                if (c > 0) text.Append(", ");
                text.Append(name);
                command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, name, null, _columns[c].Nullable));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        // Npgsql's multiplexing (the application's PostgreSQL contexts, Database.ForContexts) refuses an explicit
        // preparation; its automatic one prepares the statement after its second use instead.
        if (!Multiplexed(connection)) await command.PrepareAsync(ct);
        return command;
    }

    async Task ExecuteAsync(DbCommand command, IReadOnlyList<T> rows, int start, int count, CancellationToken ct)
    {
        var p = 0;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            foreach (var column in _columns)
                command.Parameters[p++].Value = column.ProviderValue(row);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
