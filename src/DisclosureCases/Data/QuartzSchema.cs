using System.Security.Cryptography;
using System.Text;

namespace DisclosureCases.Data;

/// <summary>
/// The <c>qrtz_</c> tables of Quartz's ADO.NET job store, created by our own migrations (<c>AddQuartzTables</c>, one per
/// provider) rather than by Quartz at start-up: the application's migrations own every table in its database.
/// </summary>
/// <remarks>
/// The DDL is the script the Quartz package itself ships for its schema provisioning
/// (<c>Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql</c> / <c>create_postgres.sql</c>, the same schema as
/// <c>database/tables/tables_*.sql</c> of the Quartz repository, without their DROP statements and written so that every
/// statement only creates what is missing). It is read from the referenced Quartz assembly, so it always matches the
/// Quartz that will use the tables, and it is pinned by hash so that the migration cannot change under a database
/// silently: a Quartz upgrade that changes the schema fails <see cref="Statements"/> (and a unit test) until someone
/// writes the migration that takes existing databases to the new schema (Quartz's <c>database/migrations/</c>) and
/// pins the new hash. Quartz validates the tables at start (<c>SchemaProvisioning.Validate</c>).
/// </remarks>
public static class QuartzSchema
{
    /// <summary>The job store's table prefix (<c>quartz.jobStore.tablePrefix</c>).</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>The Quartz version whose schema scripts are pinned below.</summary>
    public const string QuartzVersion = "4.7.3";

    /// <summary>SHA-256 of each provider's script as Quartz <see cref="QuartzVersion"/> ships it (LF line endings).</summary>
    public static readonly IReadOnlyDictionary<DatabaseProvider, string> PinnedHashes = new Dictionary<DatabaseProvider, string>
    {
        [DatabaseProvider.Sqlite] = "e5329b72180d04128e7f21b5726978f2ddbe39e7fd50a54a11dbf6a40ba63e6f",
        [DatabaseProvider.PostgreSQL] = "c7e6745411425f02f4464e4d33dc910b7dc93ac067f2da6ddf4690a604f4ec78",
    };

    /// <summary>The tables of the schema without their prefix, those referencing others first (the order to drop them in).</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS",
        "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "FIRED_TRIGGERS", "SCHEDULER_STATE", "LOCKS", "EXECUTION_HISTORY",
        "MISFIRE_HISTORY", "JOB_STATUS",
    ];

    /// <summary>The name of the script inside the Quartz assembly.</summary>
    public static string ResourceName(DatabaseProvider provider) =>
        "Quartz.Impl.AdoJobStore.Schema.create_" + (provider == DatabaseProvider.PostgreSQL ? "postgres" : "sqlite") + ".sql";

    /// <summary>The script as the referenced Quartz assembly ships it, line endings normalised to LF.</summary>
    public static string Script(DatabaseProvider provider)
    {
        var name = ResourceName(provider);
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Quartz assembly no longer contains the schema script {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    public static string Hash(string script) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    /// <summary>
    /// The statements that create the tables, indexes (and on SQLite the delete triggers) with the table prefix filled
    /// in, in order. Quartz separates its statements by a line reading exactly <c>--;;</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The referenced Quartz ships a different script than the one pinned.</exception>
    public static IReadOnlyList<string> Statements(DatabaseProvider provider)
    {
        var script = Script(provider);
        var hash = Hash(script);
        if (hash != PinnedHashes[provider])
            throw new InvalidOperationException(
                $"The Quartz package's schema script {ResourceName(provider)} (SHA-256 {hash}) is not the one the AddQuartzTables " +
                $"migration was written for (Quartz {QuartzVersion}, {PinnedHashes[provider]}). A Quartz upgrade changed the job store's " +
                "schema: add a migration that brings existing databases to it (see Quartz's database/migrations/), then pin the new hash " +
                "in Data/QuartzSchema.cs. See docs/decisions/0005-quartz-for-background-jobs.md.");
        return script.Split("\n--;;\n")
            .Select(piece => string.Join("\n", piece.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(statement => statement.Length > 0)
            // {0}: the prefix, possibly schema-qualified; {1}: the same without a schema, for index and trigger names.
            .Select(statement => statement.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal))
            .ToList();
    }
}
