using System.Globalization;

namespace DisclosureCases.Domain.Calendar;

/// <summary>How dates and weekdays are written in user-facing text.</summary>
public static class ChineseDates
{
    static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>周一 … 周日.</summary>
    public static string Weekday(DateOnly date) => Weekdays[(int)date.DayOfWeek];

    /// <summary>ISO form, <c>2026-11-30</c>: the form used throughout the system and on the command line.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses exactly <c>YYYY-MM-DD</c>; anything else (2026-2-1, 2026-02-30, 2026/02/01) is rejected.</summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>True for Saturday and Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>放假 / 调休上班.</summary>
    public static string Describe(CalendarEntryKind kind) => kind == CalendarEntryKind.Holiday ? "放假" : "调休上班";
}
