using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Domain.Reviews;

namespace DisclosureCases.Reviews;

/// <summary>A review case's deadlines as the screens need them, and the derived next deadline the worklist sorts by.</summary>
public static class ReviewProjection
{
    public static IReadOnlyList<ReviewDeadline> Deadlines(ReviewCase r, PeriodCalculator calc, ReviewSettings settings) =>
        ReviewDeadlines.Compute(r, DateOnly.FromDateTime(ShanghaiTime.Local(r.CreatedAt)),
            settings.ReportWorkingDays, calc);

    /// <summary>Rewrites <see cref="ReviewCase.NextDue"/> and <see cref="ReviewCase.NextDueKey"/>; nothing is due once closed.</summary>
    public static void Project(ReviewCase r, PeriodCalculator calc, ReviewSettings settings)
    {
        var next = r.State == "closed" ? null : ReviewDeadlines.Next(Deadlines(r, calc, settings));
        r.NextDue = next?.Due;
        r.NextDueKey = next?.Key;
    }
}
