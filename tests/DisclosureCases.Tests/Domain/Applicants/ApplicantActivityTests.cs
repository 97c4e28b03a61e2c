using DisclosureCases.Domain.Applicants;

namespace DisclosureCases.Tests.Domain.Applicants;

public class ApplicantActivityTests
{
    static readonly ApplicantThresholds Thresholds = new(Last30Days: 10, Last90Days: 20, Last365Days: 50, CalendarMonth: 10);

    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    static ActivityWindow Window(string today, string title, params string[] received) =>
        ApplicantActivity.Count(received.Select(D), D(today), Thresholds).Single(w => w.Title == title);

    [Fact]
    public void The_last_30_days_are_the_30_calendar_days_ending_today_today_included()
    {
        var w = Window("2026-11-22", "近30日", "2026-10-23", "2026-10-24", "2026-11-22");
        w.From.ShouldBe(D("2026-10-24"));
        w.Count.ShouldBe(2);
    }

    [Fact]
    public void On_the_first_of_a_month_the_calendar_month_holds_that_day_only()
    {
        var w = Window("2026-03-01", "本自然月", "2026-02-28", "2026-03-01");
        w.From.ShouldBe(D("2026-03-01"));
        w.Count.ShouldBe(1);
    }

    [Fact]
    public void On_the_first_of_January_nothing_of_the_31st_of_December_counts_in_the_month()
    {
        var today = "2027-01-01";
        Window(today, "本自然月", "2026-12-31", "2026-12-31").Count.ShouldBe(0);
        Window(today, "近30日", "2026-12-31", "2026-12-31").Count.ShouldBe(2);
    }

    [Fact]
    public void Across_a_leap_day_the_last_30_days_start_on_the_first_of_February()
    {
        var w = Window("2024-03-01", "近30日", "2024-01-31", "2024-02-01", "2024-02-29");
        w.From.ShouldBe(D("2024-02-01"));
        w.Count.ShouldBe(2);
    }

    [Fact]
    public void On_a_leap_day_the_month_holds_the_whole_of_February()
    {
        var w = Window("2024-02-29", "本自然月", "2024-01-31", "2024-02-01", "2024-02-29");
        w.From.ShouldBe(D("2024-02-01"));
        w.Count.ShouldBe(2);
    }

    [Fact]
    public void The_last_365_days_reach_back_to_the_same_day_a_year_ago_plus_one()
    {
        var w = Window("2026-11-22", "近365日", "2025-11-22", "2025-11-23");
        w.From.ShouldBe(D("2025-11-23"));
        w.Count.ShouldBe(1);
    }

    [Fact]
    public void A_receipt_date_after_today_is_not_counted()
    {
        Window("2026-11-22", "本自然月", "2026-11-23").Count.ShouldBe(0);
    }

    [Fact]
    public void A_window_is_flagged_only_when_its_count_is_more_than_its_threshold()
    {
        var ten = Enumerable.Repeat("2026-11-20", 10).ToArray();
        Window("2026-11-22", "本自然月", ten).Flagged.ShouldBeFalse();
        Window("2026-11-22", "本自然月", [.. ten, "2026-11-21"]).Flagged.ShouldBeTrue();
    }

    [Fact]
    public void Each_window_has_its_own_threshold()
    {
        var windows = ApplicantActivity.Count(Enumerable.Repeat(D("2026-09-01"), 21), D("2026-11-22"), Thresholds);
        windows.Where(w => w.Flagged).Select(w => w.Title).ShouldBe(["近90日"]);
    }

    [Fact]
    public void Counts_per_month_are_listed_newest_month_first()
    {
        ApplicantActivity.PerMonth([D("2025-12-31"), D("2026-01-01"), D("2026-01-31"), D("2024-02-29")])
            .ShouldBe([new MonthCount(2026, 1, 2), new MonthCount(2025, 12, 1), new MonthCount(2024, 2, 1)]);
    }
}
