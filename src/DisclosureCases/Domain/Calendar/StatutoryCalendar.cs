using System.Security.Cryptography;
using System.Text;

namespace DisclosureCases.Domain.Calendar;

/// <summary>
/// The statutory calendar: which days are working days for counting periods (DOMAIN.md §4). A working day is a
/// Monday–Friday that is not a statutory holiday, or a weekend day declared a working day (调休上班); holidays and
/// 调休 days come from the 国务院办公厅 notices, one per year, loaded from <c>workflows/calendar/</c>.
/// </summary>
/// <remarks>
/// Edge cases:
/// <list type="bullet">
/// <item>A year's notice may reach back into the December before it (the 2019 notice made 2018-12-29 a working day
/// and 2018-12-30/31 holidays; the 2023 notice made 2022-12-31 a holiday). Those days are answered from the notice
/// although their year is not <see cref="Covers">covered</see>.</item>
/// <item>Days outside <see cref="FirstYear"/>..<see cref="LastYear"/> follow the plain weekend rule; a period that
/// depends on them is provisional (see <c>PeriodCalculator.IsProvisional</c>), never silently trusted.</item>
/// <item>Late December of <see cref="LastYear"/> counts as covered even though next year's notice could still move
/// days there, as the 2019 notice did; load each notice as soon as it is published (each November).</item>
/// </list>
/// </remarks>
public sealed class StatutoryCalendar
{
    readonly Dictionary<DateOnly, CalendarEntry> _byDate;
    readonly CalendarEntry[] _entries;

    StatutoryCalendar(CalendarEntry[] sortedEntries, int firstYear, int lastYear)
    {
        _entries = sortedEntries;
        _byDate = sortedEntries.ToDictionary(e => e.Date);
        FirstYear = firstYear;
        LastYear = lastYear;
        ContentHash = Hash(sortedEntries, firstYear, lastYear);
    }

    /// <summary>The first year whose notice is loaded.</summary>
    public int FirstYear { get; }

    /// <summary>The last year whose notice is loaded; deadlines reaching past it are provisional.</summary>
    public int LastYear { get; }

    /// <summary>Every entry, in date order.</summary>
    public IReadOnlyList<CalendarEntry> Entries => _entries;

    /// <summary>
    /// SHA-256 (lower-case hex) of the normalised calendar: the covered years and every entry's date, kind, name and
    /// notice in date order. Independent of file layout, comments, key order and line numbers, so it changes exactly
    /// when a computed deadline could change (or an entry's name or notice is corrected).
    /// </summary>
    public string ContentHash { get; }

    /// <summary>January 1st of <see cref="FirstYear"/>.</summary>
    public DateOnly FirstCoveredDay => new(FirstYear, 1, 1);

    /// <summary>December 31st of <see cref="LastYear"/>.</summary>
    public DateOnly LastCoveredDay => new(LastYear, 12, 31);

    /// <summary>
    /// Reads every <c>*.yaml</c> file of <paramref name="calendarDirectory"/> (one per year, format in
    /// <c>workflows/calendar/README.md</c>) and validates them together.
    /// </summary>
    /// <exception cref="CalendarDataException">
    /// Listing every problem as <c>workflows/calendar/2026.yaml:12: …</c>: unreadable YAML, an unknown or missing key, a
    /// malformed date, a date listed twice in one file or claimed by two year files, a Monday–Friday listed as 调休上班,
    /// a day outside the notice's range (its year and the December before), a year file that does not match its
    /// <c>year:</c>, a gap between the loaded years, or no year file at all.
    /// </exception>
    public static StatutoryCalendar Load(string calendarDirectory) => CalendarFiles.Load(calendarDirectory);

    /// <summary>
    /// Builds a calendar from entries already read (tests; administrators' overrides stored in the database).
    /// </summary>
    /// <param name="entries">The holidays and 调休 days; <see cref="CalendarEntry.Source"/> is used in error messages.</param>
    /// <param name="firstYear">First year whose notice the entries hold completely.</param>
    /// <param name="lastYear">Last such year.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="lastYear"/> precedes
    /// <paramref name="firstYear"/> or either lies outside 2..9998.</exception>
    /// <exception cref="CalendarDataException">A date given twice, a Monday–Friday given as 调休上班, or an entry
    /// outside December of <paramref name="firstYear"/>−1 … the end of <paramref name="lastYear"/>.</exception>
    public static StatutoryCalendar FromEntries(IEnumerable<CalendarEntry> entries, int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        var list = entries.ToList();
        var problems = new List<string>();
        var earliest = new DateOnly(firstYear - 1, 12, 1);
        var seen = new Dictionary<DateOnly, CalendarEntry>();
        foreach (var entry in list)
        {
            if (seen.TryGetValue(entry.Date, out var first))
                problems.Add($"{entry.Source}: {ChineseDates.Iso(entry.Date)} 重复列出（另见 {first.Source}）");
            else
                seen.Add(entry.Date, entry);
            if (CalendarRules.AdjustedWorkdayOnAWeekday(entry) is { } weekday)
                problems.Add($"{entry.Source}: {weekday}");
            if (entry.Date < earliest || entry.Date.Year > lastYear)
                problems.Add($"{entry.Source}: {ChineseDates.Iso(entry.Date)} 不在 {firstYear}—{lastYear} 年的通知范围内");
        }
        if (problems.Count > 0)
            throw new CalendarDataException(problems);
        return Create(list, firstYear, lastYear);
    }

    internal static StatutoryCalendar Create(IEnumerable<CalendarEntry> validEntries, int firstYear, int lastYear) =>
        new(validEntries.OrderBy(e => e.Date).ToArray(), firstYear, lastYear);

    /// <summary>True when the notice of <paramref name="date"/>'s year is loaded.</summary>
    public bool Covers(DateOnly date) => date.Year >= FirstYear && date.Year <= LastYear;

    /// <summary>
    /// The kind of <paramref name="date"/>: the notice's entry if there is one, otherwise the weekend rule. Outside the
    /// loaded years the weekend rule is a guess (see <see cref="Covers"/>).
    /// </summary>
    public DayKind KindOf(DateOnly date) =>
        _byDate.TryGetValue(date, out var entry)
            ? entry.Kind == CalendarEntryKind.Holiday ? DayKind.Holiday : DayKind.AdjustedWorkday
            : ChineseDates.IsWeekend(date) ? DayKind.Weekend : DayKind.Workday;

    /// <summary>True for a plain workday and for 调休上班.</summary>
    public bool IsWorkingDay(DateOnly date) => KindOf(date) is DayKind.Workday or DayKind.AdjustedWorkday;

    /// <summary>The notice's entry for <paramref name="date"/>, or null for an ordinary workday or weekend day.</summary>
    public CalendarEntry? EntryFor(DateOnly date) => _byDate.GetValueOrDefault(date);

    /// <summary>
    /// The entries dated in <paramref name="year"/>, in date order. Days of late December that the next year's notice
    /// arranges (2018-12-29…31 by the 2019 notice) are dated, and so listed, in the earlier year.
    /// </summary>
    public IReadOnlyList<CalendarEntry> EntriesOf(int year) => _entries.Where(e => e.Date.Year == year).ToArray();

    static string Hash(CalendarEntry[] sorted, int firstYear, int lastYear)
    {
        var text = new StringBuilder().Append("years ").Append(firstYear).Append('-').Append(lastYear).Append('\n');
        foreach (var e in sorted)
            text.Append(ChineseDates.Iso(e.Date)).Append('|').Append(e.Kind).Append('|').Append(e.Name).Append('|')
                .Append(e.Notice).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>Checks shared by the file loader and <see cref="StatutoryCalendar.FromEntries"/>.</summary>
static class CalendarRules
{
    /// <summary>
    /// 调休上班 only ever turns a weekend day into a working day; a Monday–Friday listed as one is a typing error
    /// (usually the wrong day of the month).
    /// </summary>
    public static string? AdjustedWorkdayOnAWeekday(CalendarEntry entry) =>
        entry.Kind == CalendarEntryKind.AdjustedWorkday && !ChineseDates.IsWeekend(entry.Date)
            ? $"{ChineseDates.Iso(entry.Date)}（{ChineseDates.Weekday(entry.Date)}）不是周末，不能列为调休上班日"
            : null;
}
