using System.Text.Json;
using DisclosureCases.Domain.Calendar;

namespace DisclosureCases.Cases;

/// <summary>
/// A statutory calendar as it was loaded, kept by its <see cref="StatutoryCalendar.ContentHash"/> so that a later
/// calendar change can be compared with it on any node and after any restart: deadlines are recomputed under both the
/// old and the new calendar and the differences recorded.
/// </summary>
public class StoredCalendarVersion
{
    public string ContentHash { get; set; } = "";
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    /// <summary>The entries as JSON: <c>[{"date":"2026-01-01","kind":"Holiday","name":"元旦","notice":"…"}]</c>.</summary>
    public string Entries { get; set; } = "[]";
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>When it last became the calendar in force; the newest is the one deadlines were last computed with.</summary>
    public DateTimeOffset ActivatedAt { get; set; }

    sealed record Entry(DateOnly Date, CalendarEntryKind Kind, string Name, string Notice);

    public static StoredCalendarVersion From(StatutoryCalendar calendar, DateTimeOffset now) => new()
    {
        ContentHash = calendar.ContentHash,
        FirstYear = calendar.FirstYear,
        LastYear = calendar.LastYear,
        Entries = JsonSerializer.Serialize(calendar.Entries.Select(e => new Entry(e.Date, e.Kind, e.Name, e.Notice)), Json),
        RecordedAt = now,
        ActivatedAt = now,
    };

    /// <summary>The calendar again; its content hash is the stored one.</summary>
    public StatutoryCalendar ToCalendar()
    {
        var entries = JsonSerializer.Deserialize<List<Entry>>(Entries, Json) ?? [];
        return StatutoryCalendar.FromEntries(
            entries.Select(e => new CalendarEntry(e.Date, e.Kind, e.Name, e.Notice, $"calendar {ContentHash[..12]}")), FirstYear, LastYear);
    }

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All), PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}

/// <summary>
/// The calendar in force changed from one version to another (a year file added or corrected and reloaded, or found
/// different at start-up). The <c>deadlines-recompute</c> job works through it; <see cref="CalendarChangeCase"/> rows
/// say which cases it has already dealt with.
/// </summary>
public class CalendarChange
{
    public int Id { get; set; }
    public string FromHash { get; set; } = "";
    public string ToHash { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>Who reloaded the calendar, or 系统 for a change found at start-up.</summary>
    public string By { get; set; } = "";
    /// <summary>When the recompute job finished it, and how many cases' deadlines moved.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    public int? CasesMoved { get; set; }
}

/// <summary>
/// A case whose deadlines a <see cref="CalendarChange"/> moved, written in the same transaction as the case's
/// <c>deadlines-moved</c> audit event: a job that is run twice, or resumed after a crash, skips the case.
/// </summary>
public class CalendarChangeCase
{
    public int CalendarChangeId { get; set; }
    public int CaseId { get; set; }
}
