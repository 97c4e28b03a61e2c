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
