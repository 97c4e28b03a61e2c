namespace DisclosureCases.Domain.Periods;

/// <summary>A computed deadline: the last day (the period ends at 24:00 of it) and why.</summary>
/// <param name="Date">The due date; always a working day for periods computed by <see cref="PeriodCalculator"/>.</param>
/// <param name="Provisional">True when the date depended on days outside the loaded holiday notices (暂定): show it,
/// and recompute once the notice is loaded.</param>
/// <param name="Explanation">How the date was reached, in Chinese.</param>
public sealed record DueDate(DateOnly Date, bool Provisional, DeadlineExplanation Explanation);

/// <summary>A day a period passed over without counting it, and why: 周六 / 周日 or the holiday's name.</summary>
public sealed record SkippedDay(DateOnly Date, string Reason);
