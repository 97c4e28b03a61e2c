using DisclosureCases.Domain.Periods;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Periods;

/// <summary>
/// Properties of the O(1) working-day index over many random start dates (fixed seed, so a failure reproduces),
/// checked against a plain day-by-day loop over <c>StatutoryCalendar.IsWorkingDay</c>.
/// </summary>
public class PeriodCalculatorPropertiesTests
{
    const int Samples = 4000;
    static PeriodCalculator Calc => RealCalculator;

    /// <summary>Random (start, n, m) with starts in 2019–2026, and a quarter of them anywhere in 1990–2060.</summary>
    public static IEnumerable<(DateOnly Start, int N, int M)> Cases()
    {
        var random = new Random(20261121);
        var loadedFrom = D("2019-01-01").DayNumber;
        var loadedTo = D("2026-12-31").DayNumber;
        var wideFrom = D("1990-01-01").DayNumber;
        var wideTo = D("2060-12-31").DayNumber;
        for (var i = 0; i < Samples; i++)
        {
            var start = i % 4 == 3 ? random.Next(wideFrom, wideTo + 1) : random.Next(loadedFrom, loadedTo + 1);
            yield return (DateOnly.FromDayNumber(start), random.Next(0, 120), random.Next(0, 120));
        }
    }

    static DateOnly NaiveAdd(DateOnly start, int n)
    {
        var day = start;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (Real.IsWorkingDay(day))
                n--;
        }
        return day;
    }

    [Fact]
    public void Adding_n_then_m_working_days_equals_adding_n_plus_m()
    {
        foreach (var (start, n, m) in Cases())
            Calc.AddWorkingDays(Calc.AddWorkingDays(start, n), m).ShouldBe(Calc.AddWorkingDays(start, n + m), $"{start} + {n} + {m}");
    }

    [Fact]
    public void Adding_one_or_more_working_days_always_lands_on_a_working_day()
    {
        foreach (var (start, n, _) in Cases())
            Real.IsWorkingDay(Calc.AddWorkingDays(start, n + 1)).ShouldBeTrue($"{start} + {n + 1}");
    }

    [Fact]
    public void The_index_agrees_with_a_day_by_day_loop()
    {
        foreach (var (start, n, _) in Cases())
            Calc.AddWorkingDays(start, n).ShouldBe(NaiveAdd(start, n), $"{start} + {n}");
    }

    [Fact]
    public void Counting_working_days_inverts_adding_them()
    {
        foreach (var (start, n, _) in Cases())
            Calc.WorkingDaysBetween(start, Calc.AddWorkingDays(start, n)).ShouldBe(n, $"{start} + {n}");
    }

    [Fact]
    public void The_index_classifies_every_day_from_1980_to_2070_as_the_calendar_does()
    {
        for (var day = D("1980-01-01"); day <= D("2070-12-31"); day = day.AddDays(1))
            if (Calc.IsWorkingDay(day) != Real.IsWorkingDay(day))
                Assert.Fail($"{day:yyyy-MM-dd}: index says {Calc.IsWorkingDay(day)}, calendar says {Real.IsWorkingDay(day)}");
    }

    [Fact]
    public void A_result_is_provisional_exactly_when_a_counted_day_lies_outside_2019_to_2026()
    {
        foreach (var (start, n, _) in Cases())
        {
            var due = Calc.Due(start, Period.WorkingDays(n), Statutes.Reply.Basis);
            var counted = Enumerable.Range(1, due.Date.DayNumber - start.DayNumber).Select(start.AddDays);
            due.Provisional.ShouldBe(counted.Any(day => !Real.Covers(day)), $"{start} + {n}");
        }
    }
}
