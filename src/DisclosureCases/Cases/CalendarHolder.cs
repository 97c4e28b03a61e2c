using DisclosureCases.Domain.Calendar;
using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Cases;

/// <summary>
/// The statutory calendar in force and its period calculator, loaded from <c>workflows/calendar/</c> at start-up.
/// One object so that a calendar change replaces both at once.
/// </summary>
public sealed class CalendarHolder(StatutoryCalendar calendar)
{
    volatile Snapshot _current = new(calendar, new PeriodCalculator(calendar));

    public StatutoryCalendar Calendar => _current.Calendar;
    public PeriodCalculator Calculator => _current.Calculator;

    public void Replace(StatutoryCalendar calendar) => _current = new Snapshot(calendar, new PeriodCalculator(calendar));

    sealed record Snapshot(StatutoryCalendar Calendar, PeriodCalculator Calculator);
}
