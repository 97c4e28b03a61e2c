using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DisclosureCases.Data;

public enum DatabaseProvider { Sqlite, PostgreSQL }

/// <summary>
/// The database settings: <c>Database:Provider</c> (Sqlite | PostgreSQL), <c>Database:Path</c> for SQLite (default
/// <c>data/disclosure.db</c> under the working directory; env <c>Database__Path</c>), and
/// <c>ConnectionStrings:Postgres</c> for PostgreSQL. Creates contexts for a given <see cref="AgencyScope"/>.
/// </summary>
public sealed class Database
{
    /// <param name="keepStatements">SQLite: keep compiled statements on the application's own open connections
    /// (<see cref="SqliteStatements"/>; setting <c>Database:KeepStatements</c>, default true).</param>
    public Database(DatabaseProvider provider, string connectionString, bool keepStatements = true)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == DatabaseProvider.Sqlite && keepStatements) _statements = new SqliteStatements(connectionString);
        // Options are immutable: built once here rather than for every request's context.
        _options = provider switch
        {
            DatabaseProvider.PostgreSQL => new DbContextOptionsBuilder<PostgresDisclosureDbContext>()
                .UseNpgsql(ForContexts(connectionString), o => o.UseParameterizedCollectionMode(CollectionMode))
                .ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>().Options,
            _ => new DbContextOptionsBuilder<SqliteDisclosureDbContext>()
                .UseSqlite(connectionString, o => o.UseParameterizedCollectionMode(CollectionMode))
                .AddInterceptors(SqliteBusyWait.Instance, SqliteStatements.Interceptor)
                .ReplaceService<IModelCacheKeyFactory, ScopedModelCacheKeyFactory>().Options,
        };
        _pool = provider switch
        {
            DatabaseProvider.PostgreSQL => new PooledDbContextFactory<PostgresDisclosureDbContext>((DbContextOptions<PostgresDisclosureDbContext>)_options, PoolSize).CreateDbContext,
            _ => new PooledDbContextFactory<SqliteDisclosureDbContext>((DbContextOptions<SqliteDisclosureDbContext>)_options, PoolSize).CreateDbContext,
        };
    }

    /// <summary>
    /// A list in a query (<c>ids.Contains(c.Id)</c>) goes as one parameter: a JSON array read with <c>json_each</c> on
    /// SQLite, an array compared with <c>= ANY</c> on PostgreSQL. EF Core 10's default writes one parameter per item,
    /// which makes the statement's text depend on the list's length: EF Core then generated the SQL anew on every run
    /// (4 % of the app's CPU under the load run, the similar panel's candidate rows and the worklist's page rows), and
    /// each length was a statement of its own to prepare and plan (docs/benchmarks.md).
    /// </summary>
    internal const ParameterTranslationMode CollectionMode = ParameterTranslationMode.Parameter;

    /// <summary>Contexts kept for reuse (<see cref="LeaseContext"/>): more than the requests a node has in flight.</summary>
    const int PoolSize = 256;

    readonly DbContextOptions _options;
    readonly Func<DisclosureDbContext> _pool;
    readonly SqliteStatements? _statements;

    /// <summary>
    /// PostgreSQL, for the contexts' connections; a setting the connection string gives keeps its value.
    /// <list type="bullet">
    /// <item>Statements the application runs again and again (a case page runs about twenty) are prepared on the server
    /// after their second use, so that they are parsed and planned once per connection rather than on every run (Npgsql's
    /// automatic preparation; off unless the connection string asks).</item>
    /// <item>A connection going back to the pool is not reset: Npgsql's reset (session authorization, settings, advisory
    /// locks, sequences, temporary tables — four statements, sent before the connection's next use) undoes session state
    /// the contexts never create, and EF Core takes a connection from the pool for every query it runs: under load that
    /// was nine resets a request (docs/benchmarks.md).</item>
    /// <item>Commands are multiplexed: the statements of all requests in flight share a few connections, written and read
    /// together, instead of each taking a connection and a server process for one round trip at a time (Npgsql's
    /// multiplexing; 45 % more requests a second on the load run, docs/benchmarks.md). It refuses synchronous commands:
    /// code that cannot be asynchronous uses <see cref="ForSynchronousUse"/>. Npgsql 11 removes the mode; upgrading
    /// means taking this default out.</item>
    /// <item>Multiplexed to a server on this machine, at most four connections a processor: with Npgsql's default of 100,
    /// fifty requests in flight kept fifteen server processes on two cores, each waking for a few statements at a time;
    /// with eight the server's CPU a request fell by a fifth and the load run gave 494–558 requests a second against
    /// 447–468 (docs/benchmarks.md, 2026-12-08). A server elsewhere has cores of its own, unknown here: Npgsql's default.</item>
    /// <item>A server on this machine (a loopback address or a Unix socket) is spoken to without TLS: encryption that
    /// crosses no network protects nothing and costs both sides on every message, and Npgsql's default tries it whenever
    /// the server offers it (Debian's does). A server elsewhere keeps the connection string's TLS setting.</item>
    /// </list>
    /// </summary>
    static string ForContexts(string connectionString)
    {
        var given = Given(connectionString);
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = 100;
            tuned.AutoPrepareMinUsages = 2;
        }
        if (!given.Contains("NoResetOnClose")) tuned.NoResetOnClose = true;
        // Npgsql multiplexes only pooled connections.
        if (!given.Contains("Multiplexing") && tuned.Pooling) tuned.Multiplexing = true;
        if (!given.Contains("SslMode") && OnThisMachine(tuned.Host)) tuned.SslMode = Npgsql.SslMode.Disable;
        if (!given.Contains("MaximumPoolSize") && !given.Contains("MaxPoolSize") && tuned.Multiplexing && OnThisMachine(tuned.Host))
            tuned.MaxPoolSize = LocalPoolSize;
        return tuned.ConnectionString;
    }

    /// <summary>The most connections multiplexed to a server on this machine (four a processor).</summary>
    internal static int LocalPoolSize => 4 * Environment.ProcessorCount;

    /// <summary>The settings a connection string names, spaces taken out ("Max Auto Prepare" is "MaxAutoPrepare").</summary>
    static HashSet<string> Given(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every host is this machine: a loopback name or address, or a Unix socket's directory.</summary>
    internal static bool OnThisMachine(string? hosts) =>
        !string.IsNullOrWhiteSpace(hosts) && hosts.Split(',').All(h =>
        {
            var host = h.Trim();
            if (host.StartsWith('/') || host.StartsWith('@')) return true;
            // "host:port" of a multi-host list; an IPv6 address in brackets.
            if (host.StartsWith('[') && host.IndexOf(']') is > 0 and var close) host = host[1..close];
            else if (host.Count(ch => ch == ':') == 1) host = host[..host.IndexOf(':')];
            return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address);
        });

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// This database for code that must run synchronously (Data Protection's key ring): the same database without
    /// Npgsql's multiplexing, which refuses synchronous commands.
    /// </summary>
    public Database ForSynchronousUse() => Provider == DatabaseProvider.PostgreSQL
        ? new Database(Provider, new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Multiplexing = false }.ConnectionString)
        : this;

    /// <summary>The SQLite database file (full path).</summary>
    public string SqliteFile => Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)
        : throw new InvalidOperationException("The database is not SQLite.");

    public static Database FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or PostgreSQL, not '{providerText}'.");
        if (provider == DatabaseProvider.PostgreSQL)
        {
            var cs = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Postgres is not set.");
            return new Database(provider, cs);
        }
        var path = Path.GetFullPath(configuration["Database:Path"] ?? Path.Combine("data", "disclosure.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var keep = configuration["Database:KeepStatements"] is not { Length: > 0 } text || (bool.TryParse(text, out var value)
            ? value : throw new InvalidOperationException($"Database:KeepStatements 应为 true 或 false，而不是“{text}”。"));
        return Sqlite(path, keep);
    }

    public static Database Sqlite(string path, bool keepStatements = true) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString(), keepStatements);

    public DisclosureDbContext CreateContext(AgencyScope scope) => CreateContext(() => scope);

    /// <summary>A context whose agency scope is looked up afresh for every query (the web request's signed-in user).</summary>
    public DisclosureDbContext CreateContext(Func<AgencyScope> scope) => Prepare(Provider switch
    {
        DatabaseProvider.PostgreSQL => new PostgresDisclosureDbContext((DbContextOptions<PostgresDisclosureDbContext>)_options),
        _ => new SqliteDisclosureDbContext((DbContextOptions<SqliteDisclosureDbContext>)_options),
    }, scope, scope().IsAll);

    /// <summary>
    /// A web request's context, from a pool of contexts: disposing it hands it back, its tracked entities and settings
    /// reset (EF Core's context pooling). Making a context sets up EF Core's services for it, and the load run spent about
    /// 5 % of the server's CPU on that (docs/benchmarks.md). Only an agency's context is pooled (a context's model is fixed
    /// by its first scope, <see cref="DisclosureDbContext.MadeForAllAgencies"/>); a scope that sees all gets a new one.
    /// Dispose it once only, as the request's service scope does: a second dispose could hand back a context that has
    /// been leased again.
    /// </summary>
    public DisclosureDbContext LeaseContext(Func<AgencyScope> scope) =>
        scope().IsAll ? CreateContext(scope) : Prepare(_pool(), scope, allAgencies: false);

    DisclosureDbContext Prepare(DisclosureDbContext context, Func<AgencyScope> scope, bool allAgencies)
    {
        context.Bind(scope, allAgencies);
        if (_statements is { } kept) ((SqliteDisclosureDbContext)context).UseKeptConnection(kept);
        return context;
    }

    /// <summary>
    /// Applies pending migrations; on SQLite also switches to WAL so readers never block the writer, and refreshes the
    /// query planner's statistics.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext(AgencyScope.All);
        if (Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Without statistics SQLite guesses from index shapes alone, and on a large file it guesses wrong where it
            // matters: the case page's "this applicant's applications this month" read a month of the agency's cases
            // (AgencyId, ReceivedOn) instead of the applicant's few (ApplicantIdNumber): 0.4–4 s instead of 1 ms on a
            // million cases. The statistics must be whole: sampled ones (analysis_limit=1000) said each agency held about
            // 1,000 cases, so looking up the similar-case candidates by id walked the agency's whole index instead (490 ms
            // instead of 1 ms). A full ANALYZE takes about 2 s on a million cases.
            // PostgreSQL keeps its statistics itself (autovacuum).
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=0; ANALYZE;", ct);
        }
    }
}

/// <summary>Design-time factories so that <c>dotnet ef migrations add</c> keeps one folder per provider.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDisclosureDbContext>
{
    public SqliteDisclosureDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDisclosureDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDisclosureDbContext>
{
    public PostgresDisclosureDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDisclosureDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
