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

    /// <summary>
    /// Parses exactly <c>YYYY-MM-DD</c> (years 0001–9999); anything else (2026-2-1, 2026-02-30, 2026/02/01, surrounding
    /// blanks) is rejected. Hand-written because the command line's batch mode parses millions of dates and the
    /// culture-driven <see cref="DateOnly.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, out DateOnly)"/> is
    /// several times slower.
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..], out var day))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>True for Saturday and Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>放假 / 调休上班.</summary>
    public static string Describe(CalendarEntryKind kind) => kind == CalendarEntryKind.Holiday ? "放假" : "调休上班";
}
