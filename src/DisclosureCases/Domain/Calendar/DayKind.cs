namespace DisclosureCases.Domain.Calendar;

/// <summary>What a day is for counting working-day periods.</summary>
public enum DayKind
{
    /// <summary>Monday to Friday with no holiday: a working day.</summary>
    Workday,

    /// <summary>Saturday or Sunday with no 调休上班: not a working day.</summary>
    Weekend,

    /// <summary>A statutory holiday (放假), whatever the weekday: not a working day.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday declared a working day by a 国务院办公厅 notice.</summary>
    AdjustedWorkday,
}
