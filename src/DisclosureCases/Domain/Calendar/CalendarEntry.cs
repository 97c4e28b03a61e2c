namespace DisclosureCases.Domain.Calendar;

/// <summary>One day declared by a 国务院办公厅 holiday notice.</summary>
/// <param name="Date">The day.</param>
/// <param name="Kind">放假 or 调休上班.</param>
/// <param name="Name">The holiday it belongs to as the notice names it (元旦, 春节, 国庆节、中秋节, 春节延长 …);
/// a 调休上班 day carries the name of the holiday it makes up for.</param>
/// <param name="Notice">The notice's title, with its 文号 where known.</param>
/// <param name="Source">Where the day is written down, e.g. <c>workflows/calendar/2026.yaml:12</c>, so that an
/// explanation or an error can point at it.</param>
public sealed record CalendarEntry(DateOnly Date, CalendarEntryKind Kind, string Name, string Notice, string Source);
