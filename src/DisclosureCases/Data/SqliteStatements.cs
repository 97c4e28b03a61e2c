using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosureCases.Data;

/// <summary>
/// Keeps SQLite's compiled statements between queries. Microsoft.Data.Sqlite compiles every command afresh and drops its
/// statements when the connection closes (dotnet/efcore#14044), and EF Core opens and closes the connection around each
/// query: compiling SQL was 17 % of a case page's time (docs/benchmarks.md). So the application keeps its own open
/// connections (<see cref="Lease"/>, one per context, handed back when the context is disposed) and, through
/// <see cref="Interceptor"/>, gives EF Core a command per SQL text of that connection, compiled once and run again with new
/// parameters. A command still running (a nested read of the same SQL) is never handed out twice: that use gets a fresh one.
/// </summary>
public sealed class SqliteStatements(string connectionString)
{
    /// <summary>SQL texts kept per connection; beyond it a text is compiled for each use as before.</summary>
    public const int PerConnection = 200;

    /// <summary>Open connections kept idle; more in use at once are opened and then closed when handed back.</summary>
    public const int IdleConnections = 64;

    readonly ConcurrentBag<SqliteConnection> _idle = [];
    int _idleCount;

    public static readonly CommandInterceptor Interceptor = new();

    /// <summary>An open connection for one context.</summary>
    public SqliteConnection Lease()
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }
        connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteBusyWait.Set(connection);
        Registry.AddOrUpdate(connection, new Kept(connection));
        return connection;
    }

    /// <summary>Takes a connection back from a disposed context.</summary>
    public void Return(SqliteConnection connection)
    {
        if (connection.State == ConnectionState.Open)
        {
            if (Interlocked.Increment(ref _idleCount) <= IdleConnections)
            {
                _idle.Add(connection);
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        Close(connection);
    }

    void Close(SqliteConnection connection)
    {
        if (Registry.TryGetValue(connection, out var kept))
        {
            kept.Dispose();
            Registry.Remove(connection);
        }
        connection.Dispose();
    }

    /// <summary>
    /// A command for the application's own SQL on <paramref name="connection"/>: on a kept connection its compiled statement
    /// is kept like EF Core's (so the text must not vary with values — they go as parameters); elsewhere a plain command.
    /// </summary>
    public static DbCommand CreateCommand(DbConnection connection) =>
        TryKept(connection, out var kept) ? new KeptCommand(kept, (SqliteConnection)connection).InConnectionTransaction() : connection.CreateCommand();

    internal static bool TryKept(DbConnection connection, [NotNullWhen(true)] out Kept? kept)
    {
        kept = null;
        return connection is SqliteConnection sqlite && Registry.TryGetValue(sqlite, out kept);
    }

    // Every kept connection of every instance (tests run several apps in one process).
    static readonly ConditionalWeakTable<SqliteConnection, Kept> Registry = new();

    /// <summary>One connection's compiled commands, by SQL text.</summary>
    internal sealed class Kept : IDisposable
    {
        readonly SqliteConnection _connection;
        readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
        readonly HashSet<SqliteCommand> _busy = [];

        public Kept(SqliteConnection connection) => _connection = connection;

        /// <summary>How many SQL texts are kept (tests).</summary>
        internal int Count { get { lock (_commands) return _commands.Count; } }

        /// <summary>The command for <paramref name="sql"/>, or null when it is running already or too many are kept.</summary>
        public SqliteCommand? Take(string sql)
        {
            lock (_commands)
            {
                if (!_commands.TryGetValue(sql, out var command))
                {
                    if (_commands.Count >= PerConnection) return null;
                    command = _connection.CreateCommand();
                    command.CommandText = sql;
                    _commands.Add(sql, command);
                }
                if (!_busy.Add(command)) return null;
                command.Parameters.Clear();
                command.Transaction = null;
                return command;
            }
        }

        public void Release(SqliteCommand command)
        {
            lock (_commands)
            {
                command.Parameters.Clear();
                _busy.Remove(command);
            }
        }

        public void Dispose()
        {
            lock (_commands)
            {
                foreach (var command in _commands.Values) command.Dispose();
                _commands.Clear();
            }
        }
    }

    /// <summary>Gives EF Core a <see cref="KeptCommand"/> on a kept connection.</summary>
    public sealed class CommandInterceptor : DbCommandInterceptor
    {
        public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
            TryKept(eventData.Connection, out var kept) ? InterceptionResult<DbCommand>.SuppressWithResult(new KeptCommand(kept, (SqliteConnection)eventData.Connection)) : result;
    }

    /// <summary>
    /// The command EF Core sees: its text picks the connection's compiled command for that SQL, to which parameters,
    /// transaction and timeout are passed; disposing it hands that command back instead of dropping its statements.
    /// </summary>
    sealed class KeptCommand(Kept kept, SqliteConnection connection) : DbCommand
    {
        SqliteCommand? _command;
        bool _fromCache;
        string _text = "";

        SqliteCommand _inner => _command ??= connection.CreateCommand();

        /// <summary>Starts from a command the connection makes, which joins the connection's open transaction if any (EF Core
        /// sets the transaction itself; the application's own SQL relies on this).</summary>
        internal KeptCommand InConnectionTransaction()
        {
            _ = _inner;
            return this;
        }

        [AllowNull]
        public override string CommandText
        {
            get => _text;
            set
            {
                SqliteTransaction? transaction = _command?.Transaction;
                int? timeout = _command?.CommandTimeout;
                Drop();
                _text = value ?? "";
                if (kept.Take(_text) is { } cached)
                {
                    _command = cached;
                    _fromCache = true;
                }
                else
                    _inner.CommandText = _text;
                if (transaction is not null) _inner.Transaction = transaction;
                if (timeout is { } t) _inner.CommandTimeout = t;
            }
        }

        public override int CommandTimeout { get => _inner.CommandTimeout; set => _inner.CommandTimeout = value; }
        public override CommandType CommandType { get => _inner.CommandType; set => _inner.CommandType = value; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get => _inner.UpdatedRowSource; set => _inner.UpdatedRowSource = value; }
        protected override DbConnection? DbConnection { get => connection; set { if (value != connection) throw new NotSupportedException("A kept command stays on its connection."); } }
        protected override DbParameterCollection DbParameterCollection => _inner.Parameters;
        protected override DbTransaction? DbTransaction { get => _inner.Transaction; set => _inner.Transaction = (SqliteTransaction?)value; }

        public override void Cancel() => _inner.Cancel();
        public override int ExecuteNonQuery() => _inner.ExecuteNonQuery();
        public override object? ExecuteScalar() => _inner.ExecuteScalar();
        public override void Prepare() => _inner.Prepare();
        protected override DbParameter CreateDbParameter() => _inner.CreateParameter();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => _inner.ExecuteReader(behavior);
        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
            await _inner.ExecuteReaderAsync(behavior, cancellationToken);
        public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => _inner.ExecuteNonQueryAsync(cancellationToken);
        public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => _inner.ExecuteScalarAsync(cancellationToken);

        /// <summary>Hands a kept command back, or disposes one made for this use.</summary>
        void Drop()
        {
            if (_command is null) return;
            if (_fromCache) kept.Release(_command);
            else _command.Dispose();
            _command = null;
            _fromCache = false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Drop();
            base.Dispose(disposing);
        }
    }
}
