namespace DisclosureCases.Domain.Periods;

/// <summary>How a statutory period is counted (DOMAIN.md §4).</summary>
public enum PeriodUnit
{
    /// <summary>工作日: the N-th working day after the start day (条例第30、32–34条; 行政复议法第88条).</summary>
    WorkingDays,

    /// <summary>日: start + N calendar days, moved to the next working day if that is not one (民事诉讼法第85条).</summary>
    Days,

    /// <summary>月: the same day number N months later or that month's last day (民法典第202条), then moved likewise.</summary>
    Months,
}
