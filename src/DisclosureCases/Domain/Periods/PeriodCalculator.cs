using DisclosureCases.Domain.Calendar;

namespace DisclosureCases.Domain.Periods;

/// <summary>
/// Computes due dates on a <see cref="StatutoryCalendar"/> (DOMAIN.md §4). Pure: the same calendar and inputs give
/// the same answer. Every working-day question is answered in constant time from an index built once, so a calculator
/// should be built once per calendar and shared; it is immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// The index counts working days over the loaded years plus <see cref="YearsBefore"/> years before and
/// <see cref="YearsAfter"/> after (the weekend rule applying outside the loaded years). Outside the index only the
/// weekend rule can apply, so those days are counted arithmetically: still constant time, for any date
/// <see cref="DateOnly"/> can hold.
/// </remarks>
public sealed class PeriodCalculator
{
    /// <summary>Years indexed before <see cref="StatutoryCalendar.FirstYear"/> (and its December-before entries).</summary>
    public const int YearsBefore = 5;

    /// <summary>Years indexed after <see cref="StatutoryCalendar.LastYear"/>.</summary>
    public const int YearsAfter = 10;

    readonly int _first;               // day number of the first indexed day
    readonly int _last;                // day number of the last indexed day
    readonly int[] _countThrough;      // _countThrough[i]: working days in [_first, _first + i]
    readonly int[] _workingDays;       // day numbers of the indexed working days, ascending
    readonly long _before;             // working days before _first (weekend rule)

    public PeriodCalculator(StatutoryCalendar calendar)
    {
        Calendar = calendar;
        _first = new DateOnly(Math.Max(1, calendar.FirstYear - YearsBefore), 1, 1).DayNumber;
        _last = new DateOnly(Math.Min(9999, calendar.LastYear + YearsAfter), 12, 31).DayNumber;
        _countThrough = new int[_last - _first + 1];
        var working = new List<int>(_countThrough.Length * 5 / 7 + 8);
        for (var day = _first; day <= _last; day++)
        {
            if (calendar.IsWorkingDay(DateOnly.FromDayNumber(day)))
                working.Add(day);
            _countThrough[day - _first] = working.Count;
        }
        _workingDays = working.ToArray();
        _before = Weekdays(_first - 1);
    }

    /// <summary>The calendar the answers come from.</summary>
    public StatutoryCalendar Calendar { get; }

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/>: the start day never counts, whatever it
    /// is (条例 periods run "自收到申请之日起", the day of receipt not counted). <c>n = 0</c> returns
    /// <paramref name="start"/> unchanged. Constant time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, or the result would lie after
    /// 9999-12-31.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
            return start;
        var i = start.DayNumber - _first;
        if ((uint)i < (uint)_countThrough.Length)
        {
            var k = _countThrough[i] + n - 1; // wraps negative on overflow, which falls through to the general case
            if ((uint)k < (uint)_workingDays.Length)
                return DateOnly.FromDayNumber(_workingDays[k]);
        }
        return Day(NthWorkingDay(WorkingDaysThrough(start.DayNumber) + n), nameof(n));
    }

    /// <summary>
    /// The number of working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; negative
    /// when the dates are reversed, zero when they are equal. Constant time. <c>WorkingDaysBetween(s,
    /// AddWorkingDays(s, n)) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) =>
        (int)(WorkingDaysThrough(toInclusive.DayNumber) - WorkingDaysThrough(fromExclusive.DayNumber));

    /// <summary>True for a working day; the same answer as <see cref="StatutoryCalendar.IsWorkingDay"/>, from the index.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        WorkingDaysThrough(date.DayNumber) - WorkingDaysThrough(date.DayNumber - 1) == 1;

    /// <summary><paramref name="date"/> if it is a working day, otherwise the first working day after it.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : AddWorkingDays(date, 1);

    /// <summary>
    /// True when a period from <paramref name="start"/> to <paramref name="due"/> depended on a day outside the loaded
    /// years, i.e. when some day in (<paramref name="start"/>, <paramref name="due"/>] is not
    /// <see cref="StatutoryCalendar.Covers">covered</see>: that day was counted by the weekend rule only, and next
    /// year's notice may still change the result. False when the dates are equal (nothing was counted). Symmetric in
    /// its arguments.
    /// </summary>
    public bool IsProvisional(DateOnly start, DateOnly due) =>
        start != due && DependsOnUncoveredDays(Math.Min(start.DayNumber, due.DayNumber) + 1, Math.Max(start.DayNumber, due.DayNumber));

    /// <summary>
    /// The due date of <paramref name="period"/> counted from <paramref name="start"/> (the start day not counted):
    /// <list type="bullet">
    /// <item>working days: the N-th working day after <paramref name="start"/>;</item>
    /// <item>days: <paramref name="start"/> + N; if that is not a working day, the first working day after it
    /// (民事诉讼法第85条);</item>
    /// <item>months: the same day number N months later, or that month's last day when it has no such day (民法典第202条:
    /// 2025-03-31 + 6个月 = 2025-09-30, 2024-08-31 + 6个月 = 2025-02-28), then moved like days.</item>
    /// </list>
    /// The result is provisional when a day it depended on lies outside the loaded years (see
    /// <see cref="IsProvisional"/>); the explanation is built when first read.
    /// </summary>
    public DueDate Due(DateOnly start, Period period, LegalBasis basis)
    {
        if (period.Unit == PeriodUnit.WorkingDays)
        {
            var due = AddWorkingDays(start, period.Amount);
            var provisional = IsProvisional(start, due);
            return new DueDate(due, provisional,
                DeadlineExplanation.ForWorkingDays(Calendar, start, period, basis, due, provisional));
        }
        var nominal = period.Unit == PeriodUnit.Days ? start.AddDays(period.Amount) : start.AddMonths(period.Amount);
        var moved = NextWorkingDayOnOrAfter(nominal);
        // The day count itself needs no calendar; the days from the nominal end to the working day it moves to do.
        var dependsOnGuess = DependsOnUncoveredDays(nominal.DayNumber, moved.DayNumber);
        return new DueDate(moved, dependsOnGuess,
            DeadlineExplanation.ForCalendarPeriod(Calendar, start, period, basis, nominal, moved, dependsOnGuess));
    }

    /// <summary><see cref="Due(DateOnly, Period, LegalBasis)"/> for a period of <see cref="Statutes"/>.</summary>
    public DueDate Due(DateOnly start, StatutoryPeriod statute) => Due(start, statute.Period, statute.Basis);

    bool DependsOnUncoveredDays(int firstDay, int lastDay) =>
        firstDay <= lastDay &&
        (firstDay < Calendar.FirstCoveredDay.DayNumber || lastDay > Calendar.LastCoveredDay.DayNumber);

    /// <summary>Working days in [0001-01-01, day]; day may be −1.</summary>
    long WorkingDaysThrough(long day) =>
        day < _first ? Weekdays(day)
        : day <= _last ? _before + _countThrough[day - _first]
        : _before + _workingDays.Length + Weekdays(day) - Weekdays(_last);

    /// <summary>The day number of the k-th working day (k ≥ 1) counted from 0001-01-01.</summary>
    long NthWorkingDay(long k) =>
        k <= _before ? NthWeekday(k)
        : k <= _before + _workingDays.Length ? _workingDays[k - _before - 1]
        : NthWeekday(Weekdays(_last) + (k - _before - _workingDays.Length));

    // Day number 0 (0001-01-01) is a Monday, so day d is a weekday when d % 7 < 5.
    static long Weekdays(long day) => (day + 1) / 7 * 5 + Math.Min((day + 1) % 7, 5);
    static long NthWeekday(long k) => (k - 1) / 5 * 7 + (k - 1) % 5;

    static DateOnly Day(long dayNumber, string parameter) =>
        dayNumber <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)dayNumber)
            : throw new ArgumentOutOfRangeException(parameter, "结果晚于 9999-12-31");
}
