using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Notifications;

/// <summary>
/// Adds notifications that do not exist yet. The unique index on (recipient, case, deadline, threshold, due date) is
/// the guarantee; the writer reads the existing keys first so that the usual case — a sweep that runs again on the
/// same day — inserts nothing and fails nothing, and falls back to one insert at a time when another node wrote some
/// of the same rows in between.
/// </summary>
public sealed class NotificationWriter(Database database)
{
    /// <summary>Adds those of <paramref name="candidates"/> not written before; returns how many were added.</summary>
    public async Task<int> AddMissingAsync(IReadOnlyCollection<Notification> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0) return 0;
        await using var db = database.CreateContext(AgencyScope.All);
        var fresh = await MissingAsync(db, candidates, ct);
        if (fresh.Count == 0) return 0;
        db.Notifications.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Someone else wrote some of them a moment ago: add the rest one by one.
            db.ChangeTracker.Clear();
            var added = 0;
            foreach (var n in fresh)
            {
                n.Id = 0;
                db.Notifications.Add(n);
                try
                {
                    await db.SaveChangesAsync(ct);
                    added++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    if (!await ExistsAsync(db, n, ct))
                        throw;
                }
                db.ChangeTracker.Clear();
            }
            return added;
        }
    }

    /// <summary>
    /// Adds those of <paramref name="candidates"/> not written before to <paramref name="db"/>'s change tracker, for a
    /// caller that saves them in its own transaction together with the change they report.
    /// </summary>
    public static async Task AddMissingAsync(DisclosureDbContext db, IReadOnlyCollection<Notification> candidates, CancellationToken ct) =>
        db.Notifications.AddRange(await MissingAsync(db, candidates, ct));

    static async Task<List<Notification>> MissingAsync(DisclosureDbContext db, IReadOnlyCollection<Notification> candidates, CancellationToken ct)
    {
        var caseIds = candidates.Select(n => n.CaseId).Distinct().ToList();
        var existing = new HashSet<(string, int, string, NotificationThreshold, DateOnly)>();
        foreach (var chunk in caseIds.Chunk(500))
            foreach (var k in await db.Notifications.IgnoreQueryFilters().AsNoTracking()
                         .Where(n => chunk.Contains(n.CaseId))
                         .Select(n => new { n.RecipientId, n.CaseId, n.DeadlineKey, n.Threshold, n.DueDate })
                         .ToListAsync(ct))
                existing.Add((k.RecipientId, k.CaseId, k.DeadlineKey, k.Threshold, k.DueDate));
        return candidates.Where(n => existing.Add(Key(n))).ToList();
    }

    static (string, int, string, NotificationThreshold, DateOnly) Key(Notification n) => (n.RecipientId, n.CaseId, n.DeadlineKey, n.Threshold, n.DueDate);

    static Task<bool> ExistsAsync(DisclosureDbContext db, Notification n, CancellationToken ct) =>
        db.Notifications.IgnoreQueryFilters().AnyAsync(x => x.RecipientId == n.RecipientId && x.CaseId == n.CaseId
            && x.DeadlineKey == n.DeadlineKey && x.Threshold == n.Threshold && x.DueDate == n.DueDate, ct);
}
