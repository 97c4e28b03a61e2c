using System.Globalization;

namespace DisclosureCases.Domain.Periods;

/// <summary>
/// A statutory period: an amount and how it is counted. Written <c>20wd</c>, <c>15d</c>, <c>6m</c> in data and on
/// the command line; described <c>20个工作日</c>, <c>15日</c>, <c>6个月</c> to people.
/// </summary>
/// <param name="Amount">Zero or more. A zero period ends on the start day (working days) or on the first working day
/// from the start day on (days, months).</param>
/// <param name="Unit">How the amount is counted.</param>
public readonly record struct Period(int Amount, PeriodUnit Unit)
{
    /// <summary>Zero or more.</summary>
    public int Amount { get; } = Amount >= 0
        ? Amount
        : throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "期间不能为负数");

    /// <summary>How <see cref="Amount"/> is counted.</summary>
    public PeriodUnit Unit { get; } = Enum.IsDefined(Unit)
        ? Unit
        : throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "未知的期间单位");

    /// <summary>N working days.</summary>
    public static Period WorkingDays(int amount) => new(amount, PeriodUnit.WorkingDays);

    /// <summary>N calendar days.</summary>
    public static Period Days(int amount) => new(amount, PeriodUnit.Days);

    /// <summary>N months.</summary>
    public static Period Months(int amount) => new(amount, PeriodUnit.Months);

    /// <summary>
    /// Reads <c>20wd</c>, <c>15d</c> or <c>6m</c>: digits, then the unit in lower case, nothing else (no sign, no
    /// spaces, no <c>20WD</c>), so that every period has one spelling.
    /// </summary>
    /// <exception cref="FormatException">Naming the text and the accepted forms.</exception>
    public static Period Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"无法识别的期间“{text}”：应写作 20wd（工作日）、15d（日）或 6m（月）");

    /// <summary>As <see cref="Parse"/>, without allocating or throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Period period)
    {
        period = default;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        if (digits == 0 || !int.TryParse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return false;
        PeriodUnit? unit = text[digits..] switch
        {
            "wd" => PeriodUnit.WorkingDays,
            "d" => PeriodUnit.Days,
            "m" => PeriodUnit.Months,
            _ => null,
        };
        if (unit is null)
            return false;
        period = new Period(amount, unit.Value);
        return true;
    }

    /// <summary><c>20wd</c>, <c>15d</c>, <c>6m</c>: the form <see cref="Parse"/> reads.</summary>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        PeriodUnit.WorkingDays => "wd",
        PeriodUnit.Days => "d",
        _ => "m",
    };

    /// <summary><c>20个工作日</c>, <c>15日</c>, <c>6个月</c>.</summary>
    public string Describe() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        PeriodUnit.WorkingDays => "个工作日",
        PeriodUnit.Days => "日",
        _ => "个月",
    };
}
