namespace DisclosureCases.Domain.Applicants;

/// <summary>
/// How many applications one applicant (one identity document or 统一社会信用代码) filed with the agency in the windows a
/// clerk looks at before invoking 条例第35条 (requests clearly beyond a reasonable number or frequency) or the fees of
/// 条例第42条: the last 30, 90 and 365 days and the current calendar month.
/// </summary>
/// <remarks>
/// Every window is counted by 收到申请之日 (条例第31条), a Beijing-time date, against <c>today</c> in Beijing:
/// <list type="bullet">
/// <item>"the last N days" are the N calendar days ending today, today included: from <c>today − (N − 1)</c> to today. On
/// 2026-03-01 the last 30 days start on 2026-01-31; across a leap day (2024-03-01) they start on 2024-02-01.</item>
/// <item>"this calendar month" runs from the 1st of today's month to today: on the 1st it holds that day only, and on
/// 1 January nothing of 31 December counts (the fee scale starts again each month, 国办函〔2020〕109号).</item>
/// <item>Receipt dates after today (which the intake refuses anyway) are not counted in any window.</item>
/// </list>
/// A window is flagged when its count is <em>more than</em> its threshold (a threshold of 10 flags the 11th application).
/// </remarks>
public static class ApplicantActivity
{
    /// <summary>The four windows, shortest first, then the calendar month.</summary>
    public static IReadOnlyList<ActivityWindow> Count(IEnumerable<DateOnly> receivedOn, DateOnly today, ApplicantThresholds thresholds)
    {
        var dates = receivedOn.Where(d => d <= today).ToList();
        ActivityWindow Window(string title, DateOnly from, int threshold) =>
            new(title, from, today, dates.Count(d => d >= from), threshold);
        return
        [
            Window("近30日", LastDaysFrom(today, 30), thresholds.Last30Days),
            Window("近90日", LastDaysFrom(today, 90), thresholds.Last90Days),
            Window("近365日", LastDaysFrom(today, 365), thresholds.Last365Days),
            Window("本自然月", MonthStart(today), thresholds.CalendarMonth),
        ];
    }

    /// <summary>The first day of "the last <paramref name="days"/> days" ending <paramref name="today"/>, today included.</summary>
    public static DateOnly LastDaysFrom(DateOnly today, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return today.AddDays(-(days - 1));
    }

    public static DateOnly MonthStart(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Applications per calendar month of receipt, newest month first (months without any are left out).</summary>
    public static IReadOnlyList<MonthCount> PerMonth(IEnumerable<DateOnly> receivedOn) =>
        receivedOn.GroupBy(MonthStart).OrderByDescending(g => g.Key).Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count())).ToList();
}

/// <summary>
/// The counts above which an applicant is flagged; settings (<c>Applicants:Thresholds</c>), because neither 条例第35条 nor
/// the guidance fixes a number. A flag is a prompt to look, never a decision.
/// </summary>
public sealed record ApplicantThresholds(int Last30Days, int Last90Days, int Last365Days, int CalendarMonth);

/// <summary>One window's count: applications received from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record ActivityWindow(string Title, DateOnly From, DateOnly To, int Count, int Threshold)
{
    public bool Flagged => Count > Threshold;
}

public sealed record MonthCount(int Year, int Month, int Count);
