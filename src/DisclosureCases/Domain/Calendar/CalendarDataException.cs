namespace DisclosureCases.Domain.Calendar;

/// <summary>
/// The holiday data cannot be used. <see cref="Exception.Message"/> holds every problem found, one a line, each as
/// <c>&lt;file&gt;:&lt;line&gt;: &lt;what is wrong&gt;</c> (for example
/// <c>workflows/calendar/2026.yaml:12: 2026-02-16（周一）不是周末，不能列为调休上班日</c>), so that the person editing the
/// file can fix all of them in one pass.
/// </summary>
public sealed class CalendarDataException(IReadOnlyList<string> problems) : Exception(string.Join("\n", problems))
{
    /// <summary>The problems, in file and line order.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
