namespace DisclosureCases.Tests.Support;

/// <summary>
/// A throw-away copy of the checkout's <c>workflows/</c> and <c>templates/</c> (for <c>Paths:Root</c>), for tests that
/// edit the reviewed data — a year file added or corrected — while the application runs.
/// </summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Copy(RepoPaths.Workflows, System.IO.Path.Combine(Path, "workflows"));
        Copy(RepoPaths.Templates, System.IO.Path.Combine(Path, "templates"));
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "disclosure-root-" + Guid.NewGuid().ToString("N"));

    public string CalendarFile(int year) => System.IO.Path.Combine(Path, "workflows", "calendar", $"{year}.yaml");

    /// <summary>Adds a one-day holiday to the year file of <paramref name="day"/>, as a corrected notice would.</summary>
    public void AddHoliday(DateOnly day, string name = "调整放假") =>
        File.AppendAllText(CalendarFile(day.Year), $"  - name: {name}\n    off: {{from: {day:yyyy-MM-dd}, to: {day:yyyy-MM-dd}}}\n");

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
