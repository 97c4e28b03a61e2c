using System.Collections.Concurrent;
using System.Data.Common;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Similarity;

/// <summary>
/// The ten (or <see cref="SimilarQuery.Top"/>) past applications most like a new one. Two stages, so that a lookup
/// stays fast at a million cases: the database's n-gram index (<see cref="Data.SimilarityMigrations.SimilarityIndexSql"/>)
/// returns a few hundred candidates that share the query's rarest trigrams — common trigrams (规划许, 许可证) match
/// a large part of the table and would make the index read most of it — then <see cref="SimilarityRanking"/> scores
/// them with every trigram and the structured signals. The same applicant's cases and the agency's typical cases are
/// always added as candidates, since a repeat or a curated 口径 must not depend on the index's cut.
/// </summary>
public static class SimilarCases
{
    /// <summary>Candidates the index returns; measured in docs/benchmarks.md (more buys nothing on the evaluation set).</summary>
    public const int CandidateLimit = 200;

    /// <summary>
    /// Up to this many postings (cases × trigrams matched) FTS5 ranks every match by BM25; beyond it candidates are
    /// streamed newest first. BM25 reads each match's row length, about 2 µs a posting: at 5,000 postings that was 8–9 ms
    /// and the slowest lookups at a million cases; at 1,000 the evaluation set's figures are unchanged (small tables
    /// stay within it) and the top ten at a million cases score 0.930 against 0.937 (docs/benchmarks.md).
    /// </summary>
    public const long RankBudget = 1000;

    /// <summary>Document frequencies move slowly; a cached one is good for ranking for a few minutes.</summary>
    static readonly TimeSpan FrequencyLifetime = TimeSpan.FromMinutes(10);

    const int FrequencyCacheLimit = 200_000;

    static readonly ConcurrentDictionary<(string Database, string Gram), (long Df, long At)> Frequencies = new();

    /// <summary>How many of a case's candidates are kept (<see cref="StoredCandidates"/>): the ten shown and as many again
    /// that may overtake them as outcomes and replies change.</summary>
    public const int StoredCount = 30;

    // The panel's queries, compiled once (Data/Compiled.cs); a null agency leaves the context's own filter alone (EF Core
    // drops the comparison from the SQL for a null parameter).
    static readonly Compiled<Func<DisclosureDbContext, int, long, CancellationToken, Task<StoredCandidates?>>> StoredQuery = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, int caseId, long hash, CancellationToken ct) =>
            db.SimilarCandidates.AsNoTracking().FirstOrDefault(s => s.CaseId == caseId && s.TextHash == hash)));

    /// <summary>A candidate the view always adds: one of the applicant's own cases, or a typical case with its note.</summary>
    sealed class Added
    {
        public int CaseId { get; init; }
        public bool Typical { get; init; }
        public string? Note { get; init; }
    }

    // The applicant's newest cases (none when there is no document number) and the agency's typical cases, in one
    // statement: two in a row were two round trips of every case page on PostgreSQL.
    static readonly Compiled<Func<DisclosureDbContext, int?, string, int, IAsyncEnumerable<Added>>> AddedQuery = new(() =>
        EF.CompileAsyncQuery<DisclosureDbContext, int?, string, int, Added>((db, agency, idNumber, limit) => db.Cases.AsNoTracking()
            .Where(c => idNumber != "" && (agency == null || c.AgencyId == agency) && c.Applicant.IdNumber == idNumber)
            // Newest by receipt, the order of the applicant's index (Data/IndexMigrations): by id it sorted all of them.
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Take(limit)
            .Select(c => new Added { CaseId = c.Id, Typical = false, Note = null })
            .Concat(db.TypicalCases.AsNoTracking()
                .Where(t => t.WithdrawnAt == null && (agency == null || t.AgencyId == agency))
                .OrderByDescending(t => t.Id).Take(1000)
                .Select(t => new Added { CaseId = t.CaseId, Typical = true, Note = t.Note }))));

    sealed class Reply
    {
        public int CaseId { get; init; }
        public int Id { get; init; }
        public string? Number { get; init; }
    }

    static readonly Compiled<Func<DisclosureDbContext, List<int>, IAsyncEnumerable<Reply>>> RepliesQuery = new(() =>
        EF.CompileAsyncQuery<DisclosureDbContext, List<int>, Reply>((db, ids) => db.Letters.AsNoTracking()
            .Where(l => ids.Contains(l.CaseId) && l.CaseDocumentId == null && l.SupersedesId == null && l.Status == LetterStatus.Issued)
            .Select(l => new Reply { CaseId = l.CaseId, Id = l.Id, Number = l.Number })));

    public static async Task<IReadOnlyList<SimilarCase>> FindAsync(DisclosureDbContext db, SimilarQuery query, DateOnly today, CancellationToken ct)
    {
        var grams = TextGrams.Grams(query.Text);
        if (grams.Count == 0 || query.Top <= 0) return [];

        // A case's own page: its kept candidates and the matches among the cases received since, instead of a search of
        // every case (at a million cases that search and reading its ~200 candidates were most of the page's time).
        StoredCandidates? stored = null;
        long? knownNewest = null;
        if (query is { UseKept: true, ExcludeCaseId: { } self, Candidates: CandidateLimit })
        {
            var hash = TextHash(query.Text);
            if (db is SqliteDisclosureDbContext)
                stored = await StoredQuery.For(db)(db, self, hash, ct);
            else
                (stored, knownNewest) = await PostgresKeptAsync(db, self, hash, ct);
        }
        var (weights, ids, newest) = await CandidatesAsync(db, grams, query.Candidates, stored?.UpToCaseId ?? 0, ct, knownNewest);
        var candidateIds = new HashSet<int>(ids);
        if (stored is not null)
        {
            candidateIds.UnionWith(StoredCandidates.Unpack(stored.CandidateIds));
            if (newest - stored.UpToCaseId > SimilarCandidatesFill.Behind)
                SimilarCandidatesFill.NoteBehind(db.Database.GetDbConnection(), stored.CaseId);
        }

        var applicantId = DuplicateRule.Normalize(query.ApplicantIdNumber);
        var added = await AddedQuery.For(db)(db, query.AgencyId, applicantId, query.Candidates).ToListAsync(ct);
        candidateIds.UnionWith(added.Select(a => a.CaseId));
        var notes = added.Where(a => a.Typical).DistinctBy(t => t.CaseId).ToDictionary(t => t.CaseId, t => t.Note);
        if (query.ExcludeCaseId is { } exclude) candidateIds.Remove(exclude);
        if (candidateIds.Count == 0) return [];

        var rows = await RowsQuery.For(db)(db, query.AgencyId, candidateIds.ToList()).ToListAsync(ct);
        var ranked = Rank(query, weights, rows, applicantId, notes.ContainsKey, today, query.Top);

        var topIds = ranked.Select(r => r.Candidate.CaseId).ToList();
        var replies = (await RepliesQuery.For(db)(db, topIds).ToListAsync(ct))
            .GroupBy(l => l.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(l => l.Id)!);
        var byId = rows.ToDictionary(r => r.Id);
        return ranked.Select(r =>
        {
            var row = byId[r.Candidate.CaseId];
            var reply = replies.GetValueOrDefault(row.Id);
            return new SimilarCase(row.Id, row.CaseNumber, row.ReceivedOn, row.Kind, row.OrganizationKind, row.Outcome, row.RepliedOn,
                reply?.Id, reply?.Number, row.Description, r.Score, r.TextScore, r.MatchedTerms, r.Reasons, notes.GetValueOrDefault(row.Id), r.Pieces);
        }).ToList();
    }

    /// <summary>What the ranking reads of a candidate, and what the list shows of it.</summary>
    internal sealed record CandidateRow(int Id, int AgencyId, string? CaseNumber, DateOnly ReceivedOn, ApplicantKind Kind,
        OrganizationKind? OrganizationKind, string? IdNumber, string? Outcome, DateOnly? RepliedOn, string Description, int? DepartmentId);

    /// <summary>What is read of a candidate: the one projection of <see cref="RowsQuery"/> and <see cref="ReadRowsAsync"/>.</summary>
    static readonly System.Linq.Expressions.Expression<Func<Case, CandidateRow>> RowOf = c => new CandidateRow(c.Id, c.AgencyId,
        c.CaseNumber, c.ReceivedOn, c.Applicant.Kind, c.Applicant.OrganizationKind, c.Applicant.IdNumber, c.Outcome, c.RepliedOn,
        c.Description, c.DepartmentId);

    /// <summary>The rows of <see cref="FindAsync"/>'s candidates (of the agency, when given), compiled: a case page reads them on every view.</summary>
    static readonly Compiled<Func<DisclosureDbContext, int?, List<int>, IAsyncEnumerable<CandidateRow>>> RowsQuery = new(() =>
        EF.CompileAsyncQuery<DisclosureDbContext, int?, List<int>, CandidateRow>((db, agency, ids) => db.Cases.AsNoTracking()
            .Where(c => (agency == null || c.AgencyId == agency) && ids.Contains(c.Id)).Select(RowOf)));


    /// <summary>
    /// The candidates' rows. The ids go as one parameter (json_each on SQLite, an array on PostgreSQL): as ~200 parameters
    /// SQLite parsed a statement of their names on every lookup and bound each by a name search.
    /// </summary>
    /// <param name="ids">The cases to read (null: all of them, for a bulk fill).</param>
    internal static Task<List<CandidateRow>> ReadRowsAsync(IQueryable<Case> cases, IEnumerable<int>? ids, CancellationToken ct)
    {
        if (ids is not null)
        {
            var idList = ids.ToList();
            cases = cases.Where(c => EF.Parameter(idList).Contains(c.Id));
        }
        return cases.Select(RowOf).ToListAsync(ct);
    }

    static IReadOnlyList<RankedCandidate> Rank(SimilarQuery query, Func<string, double> weights, IEnumerable<CandidateRow> rows,
        string applicantId, Func<int, bool> isTypical, DateOnly today, int top) =>
        new SimilarityRanking(query.Text, weights).Rank(rows.Select(r => new SimilarCandidate(
                r.Id, r.Description,
                applicantId.Length > 0 && DuplicateRule.SameApplicant(applicantId, r.IdNumber),
                query.DepartmentId is { } d && r.DepartmentId == d,
                r.ReceivedOn, Usefulness(r.Outcome, r.RepliedOn), isTypical(r.Id))),
            today, top);

    /// <summary>
    /// The candidates to keep for a case (<see cref="StoredCandidates"/>): the index search of <see cref="FindAsync"/>
    /// over every case, ranked the same way, the first <see cref="StoredCount"/> kept. The applicant's own cases and the
    /// typical ones are not kept: a view adds them itself, current. <paramref name="rows"/> reads candidates' rows (the
    /// database, or memory for a bulk fill); each must belong to <paramref name="agencyId"/>, the case's agency.
    /// </summary>
    /// <param name="from">A list kept before for the same text: its candidates and the cases received since it stand for
    /// the search of every case (a refresh, <see cref="SimilarCandidatesFill.RefreshAsync"/>).</param>
    internal static async Task<StoredCandidates?> ComputeAsync(DisclosureDbContext db, int caseId, int agencyId, string text,
        string? applicantIdNumber, int? departmentId, DateOnly today,
        Func<IReadOnlyCollection<int>, CancellationToken, Task<IEnumerable<CandidateRow>>> rows, TimeProvider time, CancellationToken ct,
        StoredCandidates? from = null)
    {
        var grams = TextGrams.Grams(text);
        if (grams.Count == 0) return null;
        var (weights, ids, upTo) = await CandidatesAsync(db, grams, CandidateLimit, from?.UpToCaseId ?? 0, ct);
        var candidateIds = new HashSet<int>(ids);
        if (from is not null) candidateIds.UnionWith(StoredCandidates.Unpack(from.CandidateIds));
        candidateIds.Remove(caseId);
        var query = new SimilarQuery(text, applicantIdNumber, departmentId, caseId);
        var read = (await rows(candidateIds, ct)).Where(r => r.AgencyId == agencyId && r.Id != caseId);
        var ranked = Rank(query, weights, read, DuplicateRule.Normalize(applicantIdNumber), _ => false, today, StoredCount);
        return new StoredCandidates
        {
            CaseId = caseId, TextHash = TextHash(text), UpToCaseId = (int)upTo,
            CandidateIds = StoredCandidates.Pack(ranked.Select(r => r.Candidate.CaseId)),
            ComputedAt = time.GetUtcNow(),
        };
    }

    /// <summary>A stable 64-bit hash of a description (the first eight bytes of its SHA-256).</summary>
    public static long TextHash(string text) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0);

    /// <summary>The index search: weights for the ranking, candidate ids, and the newest case id there was.</summary>
    /// <param name="newest">The newest case id when the caller has just read it (PostgreSQL, with the kept list).</param>
    static Task<(Func<string, double> Weights, IReadOnlyList<int> Ids, long Total)> CandidatesAsync(DisclosureDbContext db,
        IReadOnlyList<string> grams, int limit, int since, CancellationToken ct, long? newest = null) =>
        db is SqliteDisclosureDbContext ? SqliteCandidatesAsync(db, grams, limit, since, ct) : PostgresCandidatesAsync(db, grams, limit, since, ct, newest);

    /// <summary>
    /// PostgreSQL: a case's kept list (null when there is none for this text) and the newest case id, in one statement —
    /// the case page asked them one after the other, each a round trip. <paramref name="caseId"/> is a case the caller
    /// has read through its context (its agency's), as the kept list belongs to it.
    /// </summary>
    static async Task<(StoredCandidates?, long)> PostgresKeptAsync(DisclosureDbContext db, int caseId, long hash, CancellationToken ct)
    {
        await using (var open = await OpenConnection.OfAsync(db, ct))
        {
            var connection = open.Connection;
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT coalesce((SELECT max("Id") FROM "Cases"), 0), kept."UpToCaseId", kept."CandidateIds", kept."ComputedAt"
                FROM (SELECT 1) AS one
                LEFT JOIN "SimilarCandidates" AS kept ON kept."CaseId" = @case AND kept."TextHash" = @hash
                """;
            Add(command, "case", caseId);
            Add(command, "hash", hash);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var newest = reader.GetInt64(0);
            if (await reader.IsDBNullAsync(1, ct)) return (null, newest);
            return (new StoredCandidates
            {
                CaseId = caseId, TextHash = hash, UpToCaseId = reader.GetInt32(1), CandidateIds = (byte[])reader.GetValue(2),
                ComputedAt = reader.GetFieldValue<DateTimeOffset>(3),
            }, newest);
        }
    }

    /// <summary>
    /// The context's connection for the lookups' own commands: opened for them and closed after, unless it was open
    /// already (a caller's transaction, a test's connection), which it leaves open.
    /// </summary>
    sealed class OpenConnection : IAsyncDisposable
    {
        readonly DisclosureDbContext _db;
        readonly bool _opened;

        OpenConnection(DisclosureDbContext db, bool opened) => (_db, _opened) = (db, opened);

        public DbConnection Connection => _db.Database.GetDbConnection();

        public static async Task<OpenConnection> OfAsync(DisclosureDbContext db, CancellationToken ct)
        {
            var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
            if (opened) await db.Database.OpenConnectionAsync(ct);
            return new OpenConnection(db, opened);
        }

        public async ValueTask DisposeAsync()
        {
            if (_opened) await _db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How much an outcome tells the clerk about the 口径: a substantive reply most, a procedural one less, none least.</summary>
    static double Usefulness(string? outcome, DateOnly? repliedOn) =>
        outcome is null || repliedOn is null ? 0
        : outcome.StartsWith("reject-", StringComparison.Ordinal) || outcome.StartsWith("other", StringComparison.Ordinal) ? 0.5
        : 1;

    /// <summary>
    /// SQLite: the document frequencies of the query's trigrams (from the fts5vocab table, cached), the
    /// rarest of them OR-ed in one FTS5 query ranked by BM25 (or streamed, see <see cref="RankBudget"/>), and an idf
    /// weight for the ranking.
    /// A query of two-character runs only (电梯) has no trigram to ask FTS5 for; those few use <c>LIKE</c>.
    /// </summary>
    static async Task<(Func<string, double>, IReadOnlyList<int>, long)> SqliteCandidatesAsync(DisclosureDbContext db, IReadOnlyList<string> grams, int limit, int since, CancellationToken ct)
    {
        await using (var open = await OpenConnection.OfAsync(db, ct))
        {
            var connection = open.Connection;
            var total = Math.Max(1, await NewestIdAsync(connection, ct));
            var trigrams = grams.Where(g => g.Length == 3).ToList();
            var df = await FrequenciesAsync(connection, trigrams, ct);
            double Weight(string g) => Math.Log(1 + total / (1.0 + df.GetValueOrDefault(g)));

            var ids = new List<int>();
            // A kept list with no case received since: nothing newer to search.
            if (since >= total) return (Weight, ids, total);
            // The rarest trigrams while their postings stay within the budget (at least three): on a small table that is
            // every trigram, so nothing of the same topic is missed; on a large one the specific ones.
            var present = new List<string>();
            long postings = 0;
            foreach (var g in trigrams.Where(g => df.GetValueOrDefault(g) > 0).OrderBy(g => df[g]))
            {
                if (present.Count >= 3 && postings + df[g] > RankBudget) break;
                present.Add(g);
                postings += df[g];
            }
            if (present.Count > 0)
            {
                // BM25 over every match while the matches are few; past that, ranking them all is what costs (it grows
                // with the table), so the index streams the newest cases holding the two rarest trigrams together,
                // then the newest holding any of the three rarest, and the re-ranking orders them.
                // Newer than a kept list: the few newest, from memory (RecentCases) or in the index's order (ranked by BM25
                // FTS5 scores every match before it applies the id range: 44 ms against 1 ms at a million cases).
                if (since > 0)
                {
                    if (Memory(connection) is not { } recent || !await recent.TryMatchAsync(connection, present, since, total, limit, ids, ct))
                        await MatchAsync(connection, TextGrams.Fts5AnyOf(present), "rowid DESC", limit, since, ids, ct);
                }
                else if (postings <= RankBudget)
                    await MatchAsync(connection, TextGrams.Fts5AnyOf(present), "rank", limit, since, ids, ct);
                else
                {
                    if (present.Count >= 2)
                        await MatchAsync(connection, TextGrams.Fts5AllOf(present.Take(2)), "rowid DESC", limit, since, ids, ct);
                    if (ids.Count < limit)
                        await MatchAsync(connection, TextGrams.Fts5AnyOf(present.Take(3)), "rowid DESC", limit, since, ids, ct);
                }
            }
            else if (trigrams.Count == 0)
            {
                foreach (var bigram in grams.Take(3))
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT Id FROM Cases WHERE Description LIKE $p ESCAPE '\\' AND Id > {since} ORDER BY Id DESC LIMIT {limit}";
                    Add(command, "$p", "%" + EscapeLike(bigram) + "%");
                    await ReadIdsAsync(command, ids, ct);
                }
            }
            return (Weight, ids, total);
        }
    }

    /// <summary>
    /// The newest cases' trigrams (<see cref="RecentCases"/>) that answer the search among cases received since a kept list;
    /// null when a test turned them off, and the database answers.
    /// </summary>
    static RecentCases? Memory(DbConnection connection) => RecentOverride.Value == false ? null : RecentCases.Of(connection);

    /// <summary>Tests set it to false in their own async flow to search the newer cases in the database.</summary>
    internal static readonly AsyncLocal<bool?> RecentOverride = new();

    /// <param name="since">Only cases with a greater id (0: all).</param>
    static async Task MatchAsync(DbConnection connection, string match, string order, int limit, int since, List<int> ids, CancellationToken ct)
    {
        const string table = Data.SimilarityMigrations.SimilarityIndexSql.SqliteTable;
        // The values as parameters: one text per order, compiled once per connection (SqliteStatements).
        await using var command = Data.SqliteStatements.CreateCommand(connection);
        command.CommandText = $"SELECT rowid FROM {table} WHERE {table} MATCH $q AND rowid > $since ORDER BY {order} LIMIT $limit";
        Add(command, "$q", match);
        Add(command, "$since", since);
        Add(command, "$limit", limit);
        await ReadIdsAsync(command, ids, ct);
    }

    static async Task<Dictionary<string, long>> FrequenciesAsync(DbConnection connection, IReadOnlyList<string> grams, CancellationToken ct)
    {
        var key = connection.ConnectionString;
        var now = Environment.TickCount64;
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var g in grams)
        {
            if (Frequencies.TryGetValue((key, g), out var hit) && now - hit.At < FrequencyLifetime.TotalMilliseconds)
                result[g] = hit.Df;
            else
                missing.Add(g);
        }
        if (missing.Count == 0) return result;
        if (Frequencies.Count > FrequencyCacheLimit) Frequencies.Clear();
        await using var command = connection.CreateCommand();
        var names = missing.Select((_, i) => "$g" + i).ToList();
        command.CommandText = $"SELECT term, doc FROM {Data.SimilarityMigrations.SimilarityIndexSql.SqliteVocabulary} WHERE term IN ({string.Join(", ", names)})";
        for (var i = 0; i < missing.Count; i++) Add(command, names[i], missing[i]);
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                result[reader.GetString(0)] = reader.GetInt64(1);
        foreach (var g in missing)
        {
            var df = result.GetValueOrDefault(g);
            result[g] = df;
            Frequencies[(key, g)] = (df, now);
        }
        return result;
    }

    /// <summary>
    /// PostgreSQL: the same two stages as SQLite's large-table path, over the stored trigram column
    /// (<see cref="Data.SimilarityMigrations.SimilarityIndexSql.PostgresColumn"/>). Document frequencies are estimated
    /// from the planner's own statistics of that column (<c>pg_stats.most_common_elems</c>, kept by ANALYZE and
    /// autovacuum, read once and cached): a trigram in that list has its sampled frequency, one absent from it is rarer
    /// than the list's least frequent element. The candidates are the newest cases holding the two rarest trigrams
    /// together, then those holding any of the rarest few; the re-ranking (with idf weights from the same estimates)
    /// orders them. How the newest are found depends on how many cases hold those trigrams (<see cref="PostgresWalkFrom"/>):
    /// few — the GIN index collects them all as a bitmap and they are sorted (<c>ORDER BY "Id" + 0</c> keeps the
    /// planner off the primary key), each match a heap visit of a few microseconds; many — the primary key is walked
    /// from the newest case down, testing each stored array (about a microsecond a row), and the walk stops at
    /// <see cref="CandidateLimit"/>. Only while the whole table is within <see cref="RankBudget"/> are matches ordered by
    /// shared trigrams in SQL.
    /// </summary>
    static async Task<(Func<string, double>, IReadOnlyList<int>, long)> PostgresCandidatesAsync(DisclosureDbContext db, IReadOnlyList<string> grams, int limit, int since, CancellationToken ct,
        long? newest = null)
    {
        const string column = "\"" + Data.SimilarityMigrations.SimilarityIndexSql.PostgresColumn + "\"";
        var trigrams = grams.Where(g => g.Length == 3).Take(60).ToList();
        await using (var open = await OpenConnection.OfAsync(db, ct))
        {
            var connection = open.Connection;
            var total = Math.Max(1, newest ?? await NewestIdAsync(connection, ct));
            var statistics = await PostgresStatisticsAsync(connection, ct);
            double Df(string g) => statistics.Frequency(g) * total;
            double Weight(string g) => Math.Log(1 + total / (1.0 + Df(g)));
            // Walking: the newest cases in a subquery with its own limit, which the planner can only read down the primary
            // key and stops reading once enough match — asked for as a filter, the planner estimates two trigrams together
            // as independent (a few hundred matches) and takes the GIN bitmap of all tens of thousands, or scans the table.
            // The cases received since a kept list (since > 0) are walked while they are few (PostgresNewerWalk); past that
            // (a list kept long ago, or the job behind) the search is the full one's with the id range as one more condition
            // (8,000 newer cases walked twice a case page were 1.4 s at p95 under load).
            // The database is asked for the cases in (since, upTo]: above upTo the newest cases' memory answered.
            bool FewNewer(long upTo) => since > 0 && upTo - since <= (NewerWalkOverride.Value ?? PostgresNewerWalk);
            bool Walk(double matches, long upTo) => FewNewer(upTo) || matches >= (WalkFromOverride.Value ?? PostgresWalkFrom);
            string[] Bounds(long upTo) => [.. since > 0 ? [$"\"Id\" > {since}"] : Array.Empty<string>(), .. upTo < total ? [$"\"Id\" <= {upTo}"] : Array.Empty<string>()];
            string Range(long upTo) => string.Concat(Bounds(upTo).Select(b => " AND " + b));
            string From(double matches, long upTo) => Walk(matches, upTo)
                ? $"(SELECT \"Id\", {column} FROM \"Cases\"{(Bounds(upTo) is { Length: > 0 } bounds ? " WHERE " + string.Join(" AND ", bounds) : "")} ORDER BY \"Id\" DESC LIMIT {PostgresWalkLimit}) AS newest"
                : "\"Cases\"";
            string Newest(double matches, long upTo) => Walk(matches, upTo) ? "\"Id\" DESC" : "\"Id\" + 0 DESC";

            var ids = new List<int>();
            if (since >= total) return (Weight, ids, total);
            if (trigrams.Count == 0)
            {
                var bigram = grams[0];
                ids.AddRange(await db.Cases.Where(c => c.Id > since && c.Description.Contains(bigram)).OrderByDescending(c => c.Id).Select(c => c.Id)
                    .Take(limit).ToListAsync(ct));
                return (Weight, ids, total);
            }
            if (total <= RankBudget)
            {
                await PostgresMatchAsync(connection, $"""
                    SELECT "Id" FROM "Cases"
                    WHERE {column} && @g0 AND "Id" > {since}
                    ORDER BY cardinality(ARRAY(SELECT unnest({column}) INTERSECT SELECT unnest(@g0))) DESC, "Id" DESC
                    """, [trigrams.ToArray()], limit, ids, ct);
                return (Weight, ids, total);
            }

            var rarest = trigrams.OrderBy(Df).ToList(); // stable: equal estimates keep the text's order
            string[]? pair = rarest.Count >= 2 ? [rarest[0], rarest[1]] : null;
            var any = new List<string>();
            double matches = 0;
            foreach (var g in rarest.Take(3))
            {
                if (any.Count > 0 && matches + Df(g) > PostgresOrBudget) break;
                any.Add(g);
                matches += Df(g);
            }

            // Each question is answered first from the newest cases' memory (RecentCases), which holds every case above its
            // floor: the matches it finds there are the newest there are, and the index is asked only below the floor, for as
            // many as are still wanted. A text applied for again and again (the same request from many applicants, or one
            // applicant's series) has thousands of recent matches; the index's bitmap visited every one of them to sort them
            // by id, for the 200 newest (docs/benchmarks.md).
            var recent = Memory(connection);
            async Task NewestAsync(string[] asked, bool allOf, double matches, Func<double, long, string> sql)
            {
                var before = ids.Count;
                var upTo = recent is null ? total : await recent.MatchNewestAsync(connection, asked, since, total, limit, ids, ct, allOf) ?? total;
                if (ids.Count - before >= limit || upTo <= since) return;
                // Asked for the full limit, so that the statement's text does not change with what is still wanted (each text
                // is planned and prepared on its own); the oldest beyond the limit are dropped.
                await PostgresMatchAsync(connection, sql(matches, upTo), allOf ? asked.Select(g => new[] { g }).ToList() : [asked], limit, ids, ct);
                if (ids.Count - before > limit) ids.RemoveRange(before + limit, ids.Count - before - limit);
            }

            if (pair is not null)
                // The two together are at most as many as the rarer of them.
                await NewestAsync(pair, allOf: true, Df(rarest[0]), (m, upTo) => $"""
                    SELECT "Id" FROM {From(m, upTo)}
                    WHERE {column} && @g0 AND {column} && @g1{Range(upTo)}
                    ORDER BY {Newest(m, upTo)}
                    """);
            // Between the two budgets the bitmap would visit thousands of cases for a few more candidates: skipped when the
            // pair already found some.
            if (ids.Count < limit && (matches <= PostgresOrBudget || matches >= PostgresWalkFrom || since > 0 || ids.Count == 0))
                await NewestAsync([.. any], allOf: false, matches, (m, upTo) => $"""
                    SELECT "Id" FROM {From(m, upTo)} WHERE {column} && @g0{Range(upTo)} ORDER BY {Newest(m, upTo)}
                    """);
            return (Weight, ids, total);
        }
    }

    /// <summary>
    /// Estimated matches up to which the newest cases holding any of the rarest trigrams are OR-ed (docs/benchmarks.md).
    /// </summary>
    public const long PostgresOrBudget = 2000;

    /// <summary>
    /// Estimated matches from which the newest are found by walking the primary key rather than from the GIN bitmap:
    /// the bitmap costs a heap visit per match (measured 3.6 µs), the walk 1.4 µs per case walked, about
    /// <c>total / matches × 200</c> of them — equal near 9,000 at a million cases. The estimate for two trigrams together
    /// is the rarer one's count, an upper bound. Measured at a million cases: 10,000 with a walk of at most 50,000 cases
    /// gave p95 41 ms, 8,000 with 20,000 gave 52 ms (docs/benchmarks.md).
    /// </summary>
    public const double PostgresWalkFrom = 10_000;

    /// <summary>Tests set it in their own async flow to take the walk on a small table (where the bitmap would be chosen).</summary>
    internal static readonly AsyncLocal<double?> WalkFromOverride = new();

    /// <summary>
    /// PostgreSQL: up to this many cases received since a kept list are walked newest first (about 1.4 µs each, twice a
    /// case page); more go the way of a full search with the id range (docs/benchmarks.md).
    /// </summary>
    public const long PostgresNewerWalk = 2_000;

    /// <summary>Tests set it in their own async flow to walk the newer cases, or not, whatever their number.</summary>
    internal static readonly AsyncLocal<long?> NewerWalkOverride = new();

    /// <summary>The newest cases a walk reads at most (1.4 µs each: 70 ms): older ones are not candidates then.</summary>
    public const int PostgresWalkLimit = 50_000;

    static async Task PostgresMatchAsync(DbConnection connection, string sql, IReadOnlyList<string[]> parameters, int limit, List<int> ids, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql + $" LIMIT {limit}";
        for (var i = 0; i < parameters.Count; i++) Add(command, "g" + i, parameters[i]);
        await ReadIdsAsync(command, ids, ct);
    }

    /// <summary>Trigram frequencies (share of cases) sampled by ANALYZE on the stored trigram column.</summary>
    sealed record TrigramStatistics(Dictionary<string, double> Frequencies, double Rare, long At)
    {
        /// <summary>A listed trigram's sampled share; an unlisted one is below the least listed (half of it is assumed).</summary>
        public double Frequency(string gram) => Frequencies.TryGetValue(gram, out var f) ? f : Rare;
    }

    static readonly ConcurrentDictionary<string, TrigramStatistics> PostgresStatistics = new();

    static async Task<TrigramStatistics> PostgresStatisticsAsync(DbConnection connection, CancellationToken ct)
    {
        var key = connection.ConnectionString;
        var now = Environment.TickCount64;
        if (PostgresStatistics.TryGetValue(key, out var cached) && now - cached.At < FrequencyLifetime.TotalMilliseconds)
            return cached;
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats
            WHERE schemaname = current_schema() AND tablename = 'Cases' AND attname = '{Data.SimilarityMigrations.SimilarityIndexSql.PostgresColumn}'
            """;
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var rare = 0.0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
            if (await reader.ReadAsync(ct) && !reader.IsDBNull(0) && !reader.IsDBNull(1))
            {
                var elements = reader.GetFieldValue<string[]>(0);
                var shares = reader.GetFieldValue<float[]>(1);
                for (var i = 0; i < elements.Length && i < shares.Length; i++) frequencies[elements[i]] = shares[i];
                // After the elements' shares come the least and the greatest of them, then the share of null arrays.
                rare = shares.Length > elements.Length ? shares[elements.Length] / 2 : 0;
            }
        // Never analyzed: every trigram counts as equally rare, and the text's own order decides.
        var statistics = new TrigramStatistics(frequencies, rare > 0 ? rare : 1e-6, now);
        PostgresStatistics[key] = statistics;
        return statistics;
    }

    /// <summary>The greatest case id (0 when there is none); the same text on both providers.</summary>
    internal static Task<long> NewestIdAsync(DbConnection connection, CancellationToken ct) =>
        ScalarAsync(connection, "SELECT coalesce(max(\"Id\"), 0) FROM \"Cases\"", [], ct);

    static async Task<long> ScalarAsync(DbConnection connection, string sql, IReadOnlyList<(string, object)> parameters, CancellationToken ct)
    {
        await using var command = Data.SqliteStatements.CreateCommand(connection);
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    static async Task ReadIdsAsync(DbCommand command, List<int> ids, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
    }

    static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    static string EscapeLike(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
