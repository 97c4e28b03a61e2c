using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DisclosureCases.Data;

/// <summary>
/// Saves and commits a change guarded by a version (optimistic concurrency), and tells a lost race from a real failure.
/// </summary>
public static class GuardedCommit
{
    /// <summary>
    /// Saves and commits; returns null when it did. When the database refuses the save — a concurrency-token mismatch,
    /// or two writers appending the same audit sequence number (the unique index refuses the later one) — rolls back,
    /// forgets the tracked changes and returns the row as it now is, provided someone else changed it first
    /// (<paramref name="changedByOther"/>); any other refusal is rethrown.
    /// </summary>
    public static async Task<T?> CommitOrFreshAsync<T>(DbContext db, IDbContextTransaction tx, Func<CancellationToken, Task<T>> fresh,
        Func<T, bool> changedByOther, CancellationToken ct) where T : class
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        catch (DbUpdateException e)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var now = await fresh(ct);
            if (e is DbUpdateConcurrencyException || changedByOther(now))
                return now;
            throw;
        }
    }
}
