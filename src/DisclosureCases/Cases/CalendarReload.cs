using DisclosureCases.Data;
using DisclosureCases.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// Puts a changed statutory calendar in force: an administrator's 重新加载节假日安排 re-reads <c>workflows/calendar/</c>
/// (a new year's notice, a corrected day), and start-up compares the calendar it loaded with the one deadlines were last
/// computed with. Either way the change is recorded (<see cref="CalendarChange"/>, with both versions stored) and the
/// caller has the <c>deadlines-recompute</c> job work through the open cases.
/// </summary>
public sealed class CalendarReload(Database database, AppPaths paths, CalendarHolder holder, TimeProvider time, ILogger<CalendarReload> log)
{
    public abstract record Outcome
    {
        /// <summary>The files hold the calendar already in force.</summary>
        public sealed record Unchanged(StatutoryCalendar Calendar) : Outcome;
        /// <summary>The files cannot be used; the calendar in force stays. <see cref="Problems"/> name file and line.</summary>
        public sealed record Refused(IReadOnlyList<string> Problems) : Outcome;
        public sealed record Changed(CalendarChange Change, StatutoryCalendar Calendar) : Outcome;
    }

    /// <summary>Re-reads the calendar files and, when their content differs, records the change and puts them in force.</summary>
    public async Task<Outcome> ReloadAsync(string by, CancellationToken ct)
    {
        StatutoryCalendar loaded;
        try
        {
            loaded = StatutoryCalendar.Load(paths.Calendar);
        }
        catch (CalendarDataException e)
        {
            return new Outcome.Refused(e.Problems);
        }
        var current = holder.Calendar;
        if (loaded.ContentHash == current.ContentHash)
            return new Outcome.Unchanged(current);
        var change = await RecordAsync(current, loaded, by, ct);
        holder.Replace(loaded);
        log.LogInformation("Calendar reloaded: {From} → {To} ({FirstYear}–{LastYear}), change {ChangeId}",
            current.ContentHash[..12], loaded.ContentHash[..12], loaded.FirstYear, loaded.LastYear, change.Id);
        return new Outcome.Changed(change, loaded);
    }

    /// <summary>
    /// At start-up: records the calendar in force and, when deadlines were last computed with another one (a year file
    /// was added before a restart), returns the change for the recompute job; null when there is nothing to recompute.
    /// </summary>
    public async Task<CalendarChange?> RecordAtStartupAsync(CancellationToken ct)
    {
        var current = holder.Calendar;
        await using (var db = database.CreateContext(AgencyScope.All))
        {
            // A handful of rows; ordered here because SQLite cannot order by a DateTimeOffset.
            var latest = (await db.CalendarVersions.AsNoTracking().ToListAsync(ct)).MaxBy(v => v.ActivatedAt);
            if (latest is null)
            {
                db.CalendarVersions.Add(StoredCalendarVersion.From(current, time.GetUtcNow()));
                try { await db.SaveChangesAsync(ct); } catch (DbUpdateException) { } // another node recorded it first
                return null;
            }
            if (latest.ContentHash == current.ContentHash)
                return null;
            var change = await RecordAsync(latest.ToCalendar(), current, "系统", ct);
            log.LogInformation("Calendar changed while the application was stopped: {From} → {To}, change {ChangeId}",
                latest.ContentHash[..12], current.ContentHash[..12], change.Id);
            return change;
        }
    }

    async Task<CalendarChange> RecordAsync(StatutoryCalendar from, StatutoryCalendar to, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateContext(AgencyScope.All);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.CalendarVersions.AnyAsync(v => v.ContentHash == from.ContentHash, ct))
        {
            var old = StoredCalendarVersion.From(from, now);
            old.ActivatedAt = now.AddTicks(-1);
            db.CalendarVersions.Add(old);
        }
        var target = await db.CalendarVersions.FirstOrDefaultAsync(v => v.ContentHash == to.ContentHash, ct);
        if (target is null)
            db.CalendarVersions.Add(StoredCalendarVersion.From(to, now));
        else
            target.ActivatedAt = now;
        // Two nodes starting with the same new calendar record one change between them.
        var change = await db.CalendarChanges.FirstOrDefaultAsync(c => c.FromHash == from.ContentHash && c.ToHash == to.ContentHash && c.CompletedAt == null, ct);
        if (change is null)
        {
            change = new CalendarChange { FromHash = from.ContentHash, ToHash = to.ContentHash, At = now, By = by };
            db.CalendarChanges.Add(change);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return change;
    }
}
