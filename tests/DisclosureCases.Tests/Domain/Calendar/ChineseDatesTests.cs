using DisclosureCases.Domain.Calendar;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Domain.Calendar;

/// <summary>The one date form of data files and the command line.</summary>
public class ChineseDatesTests
{
    [Theory]
    [InlineData("2026-11-02", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("0001-01-01", true)]
    [InlineData("9999-12-31", true)]
    [InlineData("2025-02-29", false)]
    [InlineData("2026-04-31", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-00-10", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("2026-2-14", false)]
    [InlineData("2026/02/14", false)]
    [InlineData(" 2026-02-14", false)]
    [InlineData("2026-02-14T00", false)]
    [InlineData("２０２６-02-14", false)]
    public void Only_existing_dates_written_YYYY_MM_DD_are_read(string text, bool valid)
    {
        ChineseDates.TryParseIso(text, out var date).ShouldBe(valid);
        if (valid)
            ChineseDates.Iso(date).ShouldBe(text);
    }

    [Fact]
    public void Weekdays_are_written_the_Chinese_way() =>
        Enumerable.Range(0, 7).Select(i => ChineseDates.Weekday(Calendars.D("2026-11-02").AddDays(i)))
            .ShouldBe(["周一", "周二", "周三", "周四", "周五", "周六", "周日"]);
}
