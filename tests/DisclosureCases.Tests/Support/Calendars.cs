using System.Globalization;
using DisclosureCases.Domain.Calendar;
using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Tests.Support;

/// <summary>The checkout's real holiday calendar, loaded once, and small helpers for writing dates in tests.</summary>
public static class Calendars
{
    static readonly Lazy<StatutoryCalendar> RealCalendar =
        new(() => StatutoryCalendar.Load(Path.Combine(RepoPaths.Workflows, "calendar")));
    static readonly Lazy<PeriodCalculator> RealCalculatorInstance = new(() => new PeriodCalculator(Real));

    public static StatutoryCalendar Real => RealCalendar.Value;
    public static PeriodCalculator RealCalculator => RealCalculatorInstance.Value;

    /// <summary><c>D("2026-11-02")</c>.</summary>
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A throw-away <c>&lt;temp&gt;/workflows/calendar/</c> folder holding the given year files, for loader fixtures.
/// </summary>
public sealed class TempCalendarFolder : IDisposable
{
    readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "calendar-test-" + Guid.NewGuid().ToString("N"));

    public TempCalendarFolder(params (string FileName, string Yaml)[] files)
    {
        Directory.CreateDirectory(Path);
        foreach (var (fileName, yaml) in files)
            File.WriteAllText(System.IO.Path.Combine(Path, fileName), yaml.ReplaceLineEndings("\n"));
    }

    public string Path => System.IO.Path.Combine(_root, "workflows", "calendar");

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
