using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Notifications;

/// <summary>
/// One user's notifications, read through the request's context (so within the user's agency) and only ever the
/// user's own: another user's notification is not found.
/// </summary>
public sealed class Inbox(DisclosureDbContext db, TimeProvider time)
{
    public const int PageSize = 50;

    // Every page's bell asks it.
    static readonly Compiled<Func<DisclosureDbContext, string, CancellationToken, Task<int>>> Unread = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, string userId, CancellationToken ct) =>
            db.Notifications.Count(n => n.RecipientId == userId && n.ReadAt == null)));

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct) => Unread.For(db)(db, userId, ct);

    /// <summary>Newest first; unread only when <paramref name="unreadOnly"/>.</summary>
    public async Task<(IReadOnlyList<Notification> Items, int Total)> PageAsync(string userId, bool unreadOnly, int page, CancellationToken ct)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        var total = await query.CountAsync(ct);
        // Ids grow with time; SQLite cannot order by a DateTimeOffset.
        var items = await query.OrderByDescending(n => n.Id).Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Marks one of the user's notifications read and returns it; null when the user has no such notification.</summary>
    public async Task<Notification?> MarkReadAsync(string userId, long id, CancellationToken ct)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.RecipientId == userId, ct);
        if (n is null) return null;
        n.ReadAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return n;
    }

    /// <summary>Marks all the user's unread notifications read; returns how many.</summary>
    public Task<int> MarkAllReadAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
