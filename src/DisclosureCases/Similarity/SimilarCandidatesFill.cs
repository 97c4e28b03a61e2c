using System.Collections.Concurrent;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Similarity;

/// <summary>
/// Finds and keeps the similar-case candidates (<see cref="StoredCandidates"/>) of cases that have none, newest first,
/// one agency at a time in its own scope. Used by <c>SimilarCandidatesJob</c> for the cases received since its last run
/// (and the descriptions edited) and by <c>disclosure similar fill</c> for a seeded or imported database, which reads the
/// agency's ranking inputs into memory once instead of each case's ~200 candidates from the file (about 1 ms a case
/// instead of 7 on a million).
/// </summary>
public sealed class SimilarCandidatesFill(Database database, TimeProvider time)
{
    sealed record Pending(int Id, string Description, string? IdNumber, int? DepartmentId);

    /// <param name="limit">At most this many cases per agency (null: all that have none).</param>
    /// <param name="inMemory">Read each agency's ranking inputs once (a bulk fill) instead of each case's candidates.</param>
    /// <param name="workers">Cases computed at once.</param>
    /// <param name="report">Told of progress now and then.</param>
    /// <returns>How many cases got their candidates.</returns>
    public async Task<int> FillAsync(int? limit, bool inMemory, int workers, Action<string>? report, CancellationToken ct)
    {
        List<int> agencies;
        await using (var all = database.CreateContext(AgencyScope.All))
            agencies = await all.Agencies.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var filled = 0;
        foreach (var agency in agencies)
        {
            List<Pending> pending;
            Dictionary<int, SimilarCases.CandidateRow>? memory = null;
            await using (var db = database.CreateContext(AgencyScope.For(agency)))
            {
                var missing = db.Cases.AsNoTracking().Where(c => !db.SimilarCandidates.Any(s => s.CaseId == c.Id)).OrderByDescending(c => c.Id);
                pending = await (limit is { } n ? missing.Take(n) : missing)
                    .Select(c => new Pending(c.Id, c.Description, c.Applicant.IdNumber, c.DepartmentId)).ToListAsync(ct);
                if (pending.Count == 0) continue;
                if (inMemory)
                    memory = (await SimilarCases.ReadRowsAsync(db.Cases.AsNoTracking(), null, ct)).ToDictionary(r => r.Id);
            }
            report?.Invoke($"机关 {agency}：{pending.Count:N0} 件案件待计算");
            var today = ShanghaiTime.Today(time);
            var done = 0;
            await Parallel.ForEachAsync(pending.Chunk(500), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = ct },
                async (chunk, token) =>
                {
                    await using var db = database.CreateContext(AgencyScope.For(agency));
                    Func<IReadOnlyCollection<int>, CancellationToken, Task<IEnumerable<SimilarCases.CandidateRow>>> rows = memory is { } m
                        ? (ids, _) => Task.FromResult(ids.Select(m.GetValueOrDefault).OfType<SimilarCases.CandidateRow>())
                        : async (ids, c) => await SimilarCases.ReadRowsAsync(db.Cases.AsNoTracking(), ids, c);
                    var kept = new List<StoredCandidates>();
                    foreach (var p in chunk)
                        if (await SimilarCases.ComputeAsync(db, p.Id, agency, p.Description, p.IdNumber, p.DepartmentId, today, rows, time, token) is { } s)
                            kept.Add(s);
                    Interlocked.Add(ref filled, await StoreAsync(db, kept, token));
                    var now = Interlocked.Add(ref done, chunk.Length);
                    if (now % 20_000 < chunk.Length) report?.Invoke($"机关 {agency}：{now:N0} / {pending.Count:N0}");
                });
        }
        return filled;
    }

    /// <summary>
    /// A kept list is topped up on every view with the cases received since it was computed, from memory while
    /// <see cref="RecentCases"/> holds them (its newest <see cref="RecentCases.Capacity"/>); a list older than that is
    /// topped up by the database's search, which costs a case page 1–50 ms. A page that finds its list more than this many
    /// cases behind notes the case (<see cref="NoteBehind"/>), and the next run brings its list forward
    /// (<see cref="RefreshAsync"/>) while memory still holds what came since. Driven by views rather than by a search for
    /// lists behind, which at a million cases read the whole table every run.
    /// </summary>
    public const int RefreshBehind = RecentCases.Capacity / 2;

    /// <summary>Tests set it in their own async flow (a page's note and the run that follows) to call a list behind sooner.</summary>
    internal static readonly AsyncLocal<int?> BehindOverride = new();

    internal static int Behind => BehindOverride.Value ?? RefreshBehind;

    /// <summary>Cases noted per database (this node's views); at most <see cref="NotedLimit"/>, the rest noted again on a later view.</summary>
    static readonly ConcurrentDictionary<string, ConcurrentDictionary<int, byte>> Noted = new();

    const int NotedLimit = 10_000;

    /// <summary>A case page found its kept list <see cref="Behind"/> cases behind.</summary>
    internal static void NoteBehind(System.Data.Common.DbConnection connection, int caseId)
    {
        var noted = Noted.GetOrAdd(RecentCases.Key(connection), _ => new());
        if (noted.Count < NotedLimit) noted.TryAdd(caseId, 0);
    }

    /// <summary>
    /// Brings forward the kept lists that case pages found far behind (<see cref="NoteBehind"/>), newest case first, at
    /// most <paramref name="limit"/>: the list's candidates and the matches among the cases received since, ranked again in
    /// the case's agency (about what one view of the case costs), kept with the newest id. A list kept for an older text is
    /// left alone (a view does not use it; the fill replaces it).
    /// </summary>
    /// <returns>How many lists were brought forward.</returns>
    public async Task<int> RefreshAsync(int limit, CancellationToken ct)
    {
        await using var all = database.CreateContext(AgencyScope.All);
        if (!Noted.TryGetValue(RecentCases.Key(all.Database.GetDbConnection()), out var noted) || noted.IsEmpty) return 0;
        var ids = noted.Keys.OrderByDescending(id => id).Take(limit).ToList();
        foreach (var id in ids) noted.TryRemove(id, out _);
        var newest = await all.Cases.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        var cases = await all.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.AgencyId, c.Description, c.Applicant.IdNumber, c.DepartmentId }).ToListAsync(ct);
        var today = ShanghaiTime.Today(time);
        var refreshed = 0;
        foreach (var agency in cases.GroupBy(c => c.AgencyId))
        {
            await using var db = database.CreateContext(AgencyScope.For(agency.Key));
            foreach (var c in agency.OrderByDescending(c => c.Id))
            {
                var kept = await db.SimilarCandidates.SingleOrDefaultAsync(s => s.CaseId == c.Id, ct);
                if (kept is null || newest - kept.UpToCaseId <= Behind || kept.TextHash != SimilarCases.TextHash(c.Description)) continue;
                var fresh = await SimilarCases.ComputeAsync(db, c.Id, agency.Key, c.Description, c.IdNumber, c.DepartmentId, today,
                    async (candidates, token) => await SimilarCases.ReadRowsAsync(db.Cases.AsNoTracking(), candidates, token), time, ct, from: kept);
                if (fresh is null) continue;
                kept.CandidateIds = fresh.CandidateIds;
                kept.UpToCaseId = fresh.UpToCaseId;
                kept.ComputedAt = fresh.ComputedAt;
                await db.SaveChangesAsync(ct);
                refreshed++;
            }
        }
        return refreshed;
    }

    /// <summary>Adds the lists of cases that still have none (another node or run may have been quicker).</summary>
    static async Task<int> StoreAsync(DisclosureDbContext db, List<StoredCandidates> kept, CancellationToken ct)
    {
        if (kept.Count == 0) return 0;
        var ids = kept.Select(k => k.CaseId).ToList();
        var present = (await db.SimilarCandidates.Where(s => ids.Contains(s.CaseId)).Select(s => s.CaseId).ToListAsync(ct)).ToHashSet();
        var added = kept.Where(k => !present.Contains(k.CaseId)).ToList();
        db.SimilarCandidates.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // One of them was stored meanwhile: the rest one by one, skipping those.
            db.ChangeTracker.Clear();
            var stored = 0;
            foreach (var k in added)
            {
                db.SimilarCandidates.Add(k);
                try { await db.SaveChangesAsync(ct); stored++; }
                catch (DbUpdateException) { }
                db.ChangeTracker.Clear();
            }
            return stored;
        }
        return added.Count;
    }
}
