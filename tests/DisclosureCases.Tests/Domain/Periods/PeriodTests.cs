using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Tests.Domain.Periods;

public class PeriodTests
{
    [Theory]
    [InlineData("20wd", 20, PeriodUnit.WorkingDays, "20个工作日")]
    [InlineData("15d", 15, PeriodUnit.Days, "15日")]
    [InlineData("6m", 6, PeriodUnit.Months, "6个月")]
    [InlineData("0wd", 0, PeriodUnit.WorkingDays, "0个工作日")]
    public void Each_written_form_reads_back_and_is_described_in_Chinese(string text, int amount, PeriodUnit unit, string chinese)
    {
        var period = Period.Parse(text);
        period.ShouldBe(new Period(amount, unit));
        period.ToString().ShouldBe(text);
        period.Describe().ShouldBe(chinese);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("wd")]
    [InlineData("20WD")]
    [InlineData("20 wd")]
    [InlineData("-5d")]
    [InlineData("+5d")]
    [InlineData("5w")]
    [InlineData("99999999999d")]
    public void Anything_else_is_refused_naming_the_text(string text)
    {
        var error = Should.Throw<FormatException>(() => Period.Parse(text));
        error.Message.ShouldBe($"无法识别的期间“{text}”：应写作 20wd（工作日）、15d（日）或 6m（月）");
    }

    [Fact]
    public void A_negative_amount_cannot_be_constructed() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Period(-1, PeriodUnit.Days));
}
