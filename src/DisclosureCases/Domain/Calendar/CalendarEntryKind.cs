namespace DisclosureCases.Domain.Calendar;

/// <summary>The two kinds of day a 国务院办公厅 holiday notice declares.</summary>
public enum CalendarEntryKind
{
    /// <summary>放假: a day off, including the weekend days inside a holiday block.</summary>
    Holiday,

    /// <summary>调休上班: a weekend day on which people work.</summary>
    AdjustedWorkday,
}
