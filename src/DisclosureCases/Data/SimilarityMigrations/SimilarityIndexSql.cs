namespace DisclosureCases.Data.SimilarityMigrations;

/// <summary>
/// The n-gram index over the request text (<c>Cases.Description</c>) that finds similar applications
/// (<see cref="Similarity.SimilarCases"/>). Database objects the EF model does not describe, so they live in a
/// hand-written migration per provider outside <c>Data/Migrations</c> (like the Quartz tables) and survive regenerating
/// the model's migrations. Both indexes are kept current by the database itself, inside the transaction of whatever
/// writes the case — intake, edit, JSONL import, <c>disclosure seed</c>'s bulk insert — with no application code to forget.
/// </summary>
public static class SimilarityIndexSql
{
    /// <summary>
    /// The migration id. It must sort after the model's <c>Initial</c> migration, which creates <c>Cases</c> and is
    /// regenerated with a fresh timestamp from time to time: hence a date far ahead.
    /// </summary>
    public const string MigrationId = "20991231000000_AddSimilarityIndex";

    public const string SqliteTable = "CaseText";
    public const string SqliteVocabulary = "CaseTextVocab";
    public const string PostgresIndex = "IX_Cases_DescriptionTrigrams";

    /// <summary>PostgreSQL: the stored column of each case's trigrams, kept by the database from the description.</summary>
    public const string PostgresColumn = "DescriptionTrigrams";

    /// <summary>The triggers that keep the SQLite index current (dropped by <see cref="SimilarityIndexSuspension"/>).</summary>
    public static readonly string[] SqliteTriggers =
    [
        $"""
        CREATE TRIGGER IF NOT EXISTS {SqliteTable}_Insert AFTER INSERT ON Cases BEGIN
            INSERT INTO {SqliteTable}(rowid, Description) VALUES (new.Id, new.Description);
        END
        """,
        $"""
        CREATE TRIGGER IF NOT EXISTS {SqliteTable}_Delete AFTER DELETE ON Cases BEGIN
            INSERT INTO {SqliteTable}({SqliteTable}, rowid, Description) VALUES ('delete', old.Id, old.Description);
        END
        """,
        $"""
        CREATE TRIGGER IF NOT EXISTS {SqliteTable}_Update AFTER UPDATE OF Description ON Cases BEGIN
            INSERT INTO {SqliteTable}({SqliteTable}, rowid, Description) VALUES ('delete', old.Id, old.Description);
            INSERT INTO {SqliteTable}(rowid, Description) VALUES (new.Id, new.Description);
        END
        """,
    ];

    /// <summary>
    /// SQLite: an FTS5 table with the built-in <c>trigram</c> tokenizer as an external-content index of
    /// <c>Cases.Description</c> (no second copy of the text), its document frequencies readable through an
    /// <c>fts5vocab</c> table, and triggers that keep it current. The update trigger fires only when the description
    /// changes, so state transitions (which update other columns) cost nothing here.
    /// </summary>
    public static readonly string[] Sqlite =
    [
        $"CREATE VIRTUAL TABLE {SqliteTable} USING fts5(Description, content='Cases', content_rowid='Id', tokenize='trigram')",
        $"CREATE VIRTUAL TABLE {SqliteVocabulary} USING fts5vocab({SqliteTable}, 'row')",
        .. SqliteTriggers,
        $"INSERT INTO {SqliteTable}({SqliteTable}) VALUES ('rebuild')",
    ];

    public static readonly string[] SqliteDown =
    [
        $"DROP TRIGGER IF EXISTS {SqliteTable}_Insert",
        $"DROP TRIGGER IF EXISTS {SqliteTable}_Delete",
        $"DROP TRIGGER IF EXISTS {SqliteTable}_Update",
        $"DROP TABLE IF EXISTS {SqliteVocabulary}",
        $"DROP TABLE IF EXISTS {SqliteTable}",
    ];

    /// <summary>
    /// PostgreSQL: the same trigrams as an array per case, computed by an immutable function into a stored generated
    /// column (<see cref="PostgresColumn"/>) under a GIN index; a query asks for cases whose array overlaps
    /// (<c>&amp;&amp;</c>) the query's chosen trigrams. Chosen over pg_trgm because pg_trgm only takes characters its
    /// locale calls alphanumeric: under a C-locale cluster it sees no Chinese at all. Stored rather than an expression
    /// index, so that walking the newest cases and testing each one's array costs about a microsecond a row, not the
    /// 50 µs of computing it: the lookup walks the newest cases when the rarest trigrams are common (docs/benchmarks.md).
    /// The column is not in the EF model, so EF never reads or writes it.
    /// </summary>
    public static readonly string[] Postgres =
    [
        """
        CREATE OR REPLACE FUNCTION disclosure_trigrams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
            SELECT coalesce(array_agg(DISTINCT lower(substr(t, i, 3))), '{}')
            FROM generate_series(1, char_length(t) - 2) AS i
        $$
        """,
        $"""
        ALTER TABLE "Cases" ADD COLUMN IF NOT EXISTS "{PostgresColumn}" text[]
            GENERATED ALWAYS AS (disclosure_trigrams("Description")) STORED
        """,
        // The lookup picks the rarest trigrams by the planner's statistics of this column; at the default target the
        // 1,000 commonest trigrams were listed (down to 0.37 % of cases at a million) and every other one looked equally
        // rare, so the first of them in the text was taken. At 1,000 ANALYZE samples 300,000 cases and listed 2,920
        // (docs/benchmarks.md).
        $"""ALTER TABLE "Cases" ALTER COLUMN "{PostgresColumn}" SET STATISTICS 1000""",
        PostgresCreateIndex,
    ];

    public const string PostgresCreateIndex = $"""CREATE INDEX IF NOT EXISTS "{PostgresIndex}" ON "Cases" USING gin ("{PostgresColumn}")""";

    public static readonly string[] PostgresDown =
    [
        $"""DROP INDEX IF EXISTS "{PostgresIndex}" """,
        $"""ALTER TABLE "Cases" DROP COLUMN IF EXISTS "{PostgresColumn}" """,
        "DROP FUNCTION IF EXISTS disclosure_trigrams(text)",
    ];
}
