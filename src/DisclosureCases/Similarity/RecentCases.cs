using System.Collections.Concurrent;
using System.Data.Common;

namespace DisclosureCases.Similarity;

/// <summary>
/// The trigrams of a database's newest cases, in memory, for the case page's search among the cases received since its
/// kept candidates (<see cref="StoredCandidates.UpToCaseId"/>): the same answer as the index's query (FTS5 on SQLite, the
/// trigram array on PostgreSQL) — the newest cases holding any (or all) of the given trigrams — without reading the index,
/// which cost 0.3–0.9 ms a case page on SQLite and most of PostgreSQL's time under load (docs/benchmarks.md). Holds every
/// case with an id above <see cref="Floor"/>: the newest <see cref="Capacity"/> when first used, then each case received
/// since, read by id from the table when the newest id has moved (a primary-key range, nothing at all while no case came
/// in). A search reaching below the floor goes to the index as before.
/// <para>
/// SQLite's single writer hands out ids in commit order, so a case with a lower id never commits after a higher one was
/// read. PostgreSQL's identity sequence promises no such thing: an intake holding id 7 may commit after one holding id 8
/// was read. There every id missing below one read is a gap (<see cref="Gaps"/>), looked up again at most once a
/// <see cref="GapRecheck"/> and given up after <see cref="GapLifetime"/> (an id rolled back never appears); and every
/// <see cref="Reconcile"/> the held cases are counted against the table's, anything else (a bulk import committing late,
/// a deleted case) reading them afresh. An edited description is brought in by <see cref="Changed"/> on the node that
/// saved it, and by the next <see cref="Reconcile"/> on the others (the held cases written since the last one are read
/// again, and those whose text changed listed anew); until then another node may miss the case by its new text, or take it
/// as a candidate by its old one and rank it by the current text. A database whose newest id went down (replaced,
/// restored) is read afresh.
/// </para>
/// <para>
/// On PostgreSQL memory also answers the newest part of a search of every case (<see cref="MatchNewestAsync"/>): what it
/// finds above its floor are the newest matches there are, and the index is asked only below the floor for the rest.
/// </para>
/// </summary>
public sealed class RecentCases(int capacity = RecentCases.Capacity, TimeProvider? time = null)
{
    /// <summary>Cases read when first used, and kept after a trim (twice as many are held before one).</summary>
    public const int Capacity = 10_000;

    const int ReadBatch = 5_000;

    /// <summary>How often missing ids below the newest held are looked up again (PostgreSQL).</summary>
    public static readonly TimeSpan GapRecheck = TimeSpan.FromSeconds(1);

    /// <summary>A missing id not committed after this long is taken for rolled back (PostgreSQL).</summary>
    public static readonly TimeSpan GapLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How often the held cases are counted against the table (PostgreSQL).</summary>
    public static readonly TimeSpan Reconcile = TimeSpan.FromMinutes(5);

    /// <summary>
    /// More ids missing in one place than this are not waited for one by one (a sequence that jumped, a bulk import rolled
    /// back); the count of <see cref="Reconcile"/> still finds any of them that commits.
    /// </summary>
    const int GapRun = 1_000;

    const int GapLimit = 10_000;

    readonly TimeProvider _time = time ?? TimeProvider.System;

    static readonly ConcurrentDictionary<string, RecentCases> ByDatabase = new();

    readonly object _gate = new();
    readonly SemaphoreSlim _reading = new(1, 1);
    // Each trigram's cases, ascending; and every case held, ascending.
    readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    readonly List<int> _ids = [];
    // Each held case's description, hashed: at a reconcile, an edit made on another node is told from a touch that left
    // the text as it was (every transition writes UpdatedAt).
    readonly Dictionary<int, int> _textHashes = [];
    // Ids missing below the newest held, with when they were first missed (PostgreSQL).
    readonly Dictionary<int, DateTimeOffset> _gaps = [];
    DateTimeOffset _gapsChecked;
    DateTimeOffset _reconciled;
    bool _loaded;
    int _last;

    /// <summary>Every case with a greater id is held.</summary>
    public int Floor { get; private set; }

    /// <summary>The recent cases of the database behind <paramref name="connection"/>.</summary>
    public static RecentCases Of(DbConnection connection) => ByDatabase.GetOrAdd(Key(connection), _ => new RecentCases());

    /// <summary>
    /// The database behind a connection. SQLite: its connection string (the same open or closed). Otherwise the server and
    /// database name, not the connection string, which Npgsql gives without the password once the connection was opened:
    /// an edit seen on a closed connection would miss the cases held.
    /// </summary>
    internal static string Key(DbConnection connection) => connection is Microsoft.Data.Sqlite.SqliteConnection
        ? connection.ConnectionString
        : $"{connection.GetType().Name}|{connection.DataSource}|{connection.Database}";

    /// <summary>
    /// Puts <paramref name="recent"/> in the place of the database's memory (null: none, made afresh at next use) and returns
    /// the one it replaced: tests hold fewer cases than <see cref="Capacity"/> to put the floor inside a small table.
    /// </summary>
    internal static RecentCases? Install(DbConnection connection, RecentCases? recent)
    {
        var key = Key(connection);
        ByDatabase.TryRemove(key, out var replaced);
        if (recent is not null) ByDatabase[key] = recent;
        return replaced;
    }

    /// <summary>A description edited in place: its trigrams replace the held ones (a case not held is left alone).</summary>
    public static void Changed(DbConnection connection, int caseId, string description)
    {
        if (ByDatabase.TryGetValue(Key(connection), out var recent)) recent.Replace(caseId, description);
    }

    /// <summary>How many cases are held (tests).</summary>
    internal int Count { get { lock (_gate) return _ids.Count; } }

    /// <summary>Ids missing below the newest held, waited for (tests).</summary>
    internal int Gaps { get { lock (_gate) return _gaps.Count; } }

    /// <summary>Whether ids may commit out of order on this connection's database (all but SQLite).</summary>
    static bool OutOfOrder(DbConnection connection) => connection is not Microsoft.Data.Sqlite.SqliteConnection;

    /// <summary>
    /// The newest cases above <paramref name="since"/> holding any of <paramref name="trigrams"/> (with
    /// <paramref name="allOf"/>: all of them), newest first, at most <paramref name="limit"/>, added to
    /// <paramref name="ids"/>; false (nothing added) when <paramref name="since"/> lies below what is held.
    /// <paramref name="newest"/> is the table's greatest id, read by the caller in this request.
    /// </summary>
    public async Task<bool> TryMatchAsync(DbConnection connection, IReadOnlyList<string> trigrams, int since, long newest, int limit,
        List<int> ids, CancellationToken ct, bool allOf = false) =>
        await MatchAsync(connection, trigrams, since, newest, limit, ids, allOf, partly: false, ct) is not null;

    /// <summary>
    /// As <see cref="TryMatchAsync"/>, but when <paramref name="since"/> lies below what is held, the part that is held:
    /// the matches above the floor. Returns the id above which it searched (<paramref name="since"/>, or the floor when
    /// that is higher): what is at or below it is the caller's to find elsewhere. Null (nothing added) before anything
    /// is held.
    /// </summary>
    public Task<int?> MatchNewestAsync(DbConnection connection, IReadOnlyList<string> trigrams, int since, long newest, int limit,
        List<int> ids, CancellationToken ct, bool allOf = false) =>
        MatchAsync(connection, trigrams, since, newest, limit, ids, allOf, partly: true, ct);

    async Task<int?> MatchAsync(DbConnection connection, IReadOnlyList<string> trigrams, int since, long newest, int limit,
        List<int> ids, bool allOf, bool partly, CancellationToken ct)
    {
        if (OutOfOrder(connection)) await SettleAsync(connection, ct);
        await CatchUpAsync(connection, newest, ct);
        lock (_gate)
        {
            if (!_loaded || (!partly && since < Floor)) return null;
            var above = Math.Max(since, Floor);
            if (allOf)
            {
                var lists = trigrams.Select(g => _postings.GetValueOrDefault(g)).ToList();
                if (lists.Count == 0 || lists.Any(l => l is null)) return above;
                // Down the shortest list from its newest, each case looked up in the others.
                var shortest = lists.MinBy(l => l!.Count)!;
                var added = 0;
                for (var i = shortest.Count - 1; i >= 0 && shortest[i] > above && added < limit; i--)
                    if (lists.All(l => ReferenceEquals(l, shortest) || l!.BinarySearch(shortest[i]) >= 0))
                    {
                        ids.Add(shortest[i]);
                        added++;
                    }
                return above;
            }
            var found = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
            foreach (var gram in trigrams)
            {
                if (!_postings.TryGetValue(gram, out var list)) continue;
                for (var i = list.Count - 1; i >= 0 && list[i] > above; i--)
                {
                    // Newer than the limit-th found: the rest of this list is older still.
                    if (found.Count >= limit && list[i] < found.Max) break;
                    found.Add(list[i]);
                    if (found.Count > limit) found.Remove(found.Max);
                }
            }
            ids.AddRange(found);
            return above;
        }
    }

    /// <summary>Reads the cases up to <paramref name="newest"/> not held yet (all of the newest, the first time).</summary>
    async Task CatchUpAsync(DbConnection connection, long newest, CancellationToken ct)
    {
        bool behind;
        lock (_gate)
        {
            if (_loaded && newest == _last) return;
            behind = _loaded && newest < _last;
        }
        // Below what is held: another request read a newer id since this one did — or the database went back (a file
        // replaced under the app), which only a fresh look tells apart.
        if (behind)
        {
            var now = await SimilarCases.NewestIdAsync(connection, ct);
            lock (_gate)
            {
                if (now >= _last) return;
                Clear();
            }
            newest = now;
        }
        // One request reads at a time; the others find the cases read when their turn comes (at first use under load,
        // every case page arriving before the first read was done read the same 10,000 cases: 178 times at 50 clients).
        await _reading.WaitAsync(ct);
        try
        {
            await ReadUpToAsync(connection, newest, ct);
        }
        finally
        {
            _reading.Release();
        }
    }

    async Task ReadUpToAsync(DbConnection connection, long newest, CancellationToken ct)
    {
        int last;
        bool loaded;
        lock (_gate)
        {
            if (_loaded && newest <= _last) return;
            last = _last;
            loaded = _loaded;
        }
        var outOfOrder = OutOfOrder(connection);
        if (!loaded)
        {
            // The newest Capacity cases; the floor is just below the oldest of them (0 when that is all there are).
            var rows = await ReadAsync(connection, $"""SELECT "Id", "Description" FROM "Cases" WHERE "Id" <= {newest} ORDER BY "Id" DESC LIMIT {capacity}""", ct);
            lock (_gate)
            {
                if (_loaded) return;
                rows.Reverse();
                Floor = rows.Count < capacity ? 0 : rows[0].Id - 1;
                _last = Floor;
                var now = _time.GetUtcNow();
                foreach (var (id, text) in rows) Append(id, text, outOfOrder, now);
                _last = (int)newest;
                _gapsChecked = _reconciled = now;
                _loaded = true;
            }
            return;
        }
        while (last < newest)
        {
            var rows = await ReadAsync(connection, $"""SELECT "Id", "Description" FROM "Cases" WHERE "Id" > {last} AND "Id" <= {newest} ORDER BY "Id" LIMIT {ReadBatch}""", ct);
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                foreach (var (id, text) in rows)
                    if (id > _last) Append(id, text, outOfOrder, now);
                if (rows.Count < ReadBatch) _last = Math.Max(_last, (int)newest);
                last = _last;
                if (_ids.Count > 2 * capacity) Trim();
            }
        }
    }

    static async Task<List<(int Id, string Text)>> ReadAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await ReadAsync(command, ct);
    }

    static async Task<List<(int Id, string Text)>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt32(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>
    /// Appends a case newer than every one held; where ids may commit out of order, the ids skipped since the last one held
    /// are waited for.
    /// </summary>
    void Append(int id, string text, bool outOfOrder, DateTimeOffset now)
    {
        if (outOfOrder && id - _last - 1 is > 0 and <= GapRun)
            for (var missing = _last + 1; missing < id && _gaps.Count < GapLimit; missing++)
                _gaps.TryAdd(missing, now);
        _ids.Add(id);
        List(id, text);
        _last = id;
    }

    /// <summary>
    /// Where ids may commit out of order: the missing ids looked up again (at most once a <see cref="GapRecheck"/>), those
    /// older than <see cref="GapLifetime"/> given up; every <see cref="Reconcile"/> the held cases counted against the
    /// table's, and read afresh if they differ.
    /// </summary>
    async Task SettleAsync(DbConnection connection, CancellationToken ct)
    {
        int[] gaps;
        bool reconcile;
        int floor, last;
        DateTimeOffset previous;
        lock (_gate)
        {
            if (!_loaded) return;
            var now = _time.GetUtcNow();
            reconcile = now - _reconciled >= Reconcile;
            if (!reconcile && (_gaps.Count == 0 || now - _gapsChecked < GapRecheck)) return;
            foreach (var (id, missed) in _gaps.ToList())
                if (now - missed >= GapLifetime) _gaps.Remove(id);
            gaps = [.. _gaps.Keys];
            _gapsChecked = now;
            previous = _reconciled;
            if (reconcile) _reconciled = now;
            (floor, last) = (Floor, _last);
        }
        if (gaps.Length > 0)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Id", "Description" FROM "Cases" WHERE "Id" = ANY(@ids)""";
            var p = command.CreateParameter();
            p.ParameterName = "ids";
            p.Value = gaps;
            command.Parameters.Add(p);
            var rows = await ReadAsync(command, ct);
            lock (_gate)
                foreach (var (id, text) in rows)
                    if (_gaps.Remove(id) && id > Floor && _ids.BinarySearch(id) is var at and < 0)
                    {
                        _ids.Insert(~at, id);
                        List(id, text);
                    }
        }
        if (reconcile)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT count(*) FROM "Cases" WHERE "Id" > {floor} AND "Id" <= {last}""";
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            lock (_gate)
            {
                // The held ones up to the same id (newer ones may have been read meanwhile). A missing id committing between
                // the two looks reads them afresh once more than needed, harmlessly.
                var at = _ids.BinarySearch(last);
                var upTo = at >= 0 ? at + 1 : ~at;
                if (Floor == floor && count != upTo) Clear();
                // Read afresh at next use, edits with the rest: nothing to look for.
                if (!_loaded) return;
            }
            // Descriptions edited since the last look on another node (this node's own edits come in through Changed), with a
            // minute's allowance for the nodes' clocks: at most one Reconcile late there, where the kept lists' newer cases and
            // the lookups take them from memory.
            await using var edited = connection.CreateCommand();
            edited.CommandText = $"""SELECT "Id", "Description" FROM "Cases" WHERE "Id" > {floor} AND "Id" <= {last} AND "UpdatedAt" >= @since""";
            var since = edited.CreateParameter();
            since.ParameterName = "since";
            since.Value = (previous - EditAllowance).ToUniversalTime();
            edited.Parameters.Add(since);
            var rows = await ReadAsync(edited, ct);
            lock (_gate)
                foreach (var (id, text) in rows)
                    if (Floor == floor && _textHashes.TryGetValue(id, out var hash) && hash != text.GetHashCode())
                        Replace(id, text);
        }
    }

    /// <summary>How far before the last reconcile an edit on another node is looked for (the nodes' clocks may differ).</summary>
    static readonly TimeSpan EditAllowance = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Lists a case under every trigram of its text's runs, as the FTS5 trigram tokenizer finds them (folded the same way):
    /// at the end of a list for a case newer than all in it, in its place otherwise. A trigram already listed is looked up
    /// by its characters, without a string of its own (reading in the first cases made ~30 MB of short-lived strings).
    /// </summary>
    void List(int id, string text)
    {
        _textHashes[id] = text.GetHashCode();
        var lookup = _postings.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var run in TextGrams.Runs(text))
            for (var i = 0; i + 3 <= run.Length; i++)
            {
                var gram = run.AsSpan(i, 3);
                if (!lookup.TryGetValue(gram, out var list)) lookup[gram] = list = [];
                if (list.Count == 0 || list[^1] < id) list.Add(id);
                else if (list.BinarySearch(id) is var at and < 0) list.Insert(~at, id); // present already: the same trigram twice
            }
    }

    /// <summary>A held case's new text: out of every list, into its trigrams' (an edit is rare; this looks at all lists).</summary>
    internal void Replace(int id, string text)
    {
        lock (_gate)
        {
            if (_ids.BinarySearch(id) < 0) return;
            foreach (var list in _postings.Values)
                if (list.BinarySearch(id) is var at and >= 0) list.RemoveAt(at);
            List(id, text);
        }
    }

    /// <summary>Keeps the newest <c>capacity</c> cases and raises the floor below them.</summary>
    void Trim()
    {
        var floor = _ids[_ids.Count - capacity - 1];
        foreach (var id in _ids.Take(_ids.Count - capacity)) _textHashes.Remove(id);
        _ids.RemoveRange(0, _ids.Count - capacity);
        foreach (var id in _gaps.Keys.Where(id => id <= floor).ToList()) _gaps.Remove(id);
        foreach (var (gram, list) in _postings.ToList())
        {
            var at = list.BinarySearch(floor + 1);
            list.RemoveRange(0, at >= 0 ? at : ~at);
            if (list.Count == 0) _postings.Remove(gram);
        }
        Floor = floor;
    }

    void Clear()
    {
        _postings.Clear();
        _textHashes.Clear();
        _ids.Clear();
        _gaps.Clear();
        _loaded = false;
        _last = 0;
        Floor = 0;
    }
}
