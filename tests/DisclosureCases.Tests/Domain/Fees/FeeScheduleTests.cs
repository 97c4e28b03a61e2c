using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Fees;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Domain.Fees;

public class FeeScheduleTests
{
    static readonly FeeSchedule National = FeeSchedule.Load(Path.Combine(RepoPaths.Workflows, "fees.yaml"));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(55, 400)]
    public void The_nth_application_of_a_month_costs_per_the_national_scale(int nth, int yuan) =>
        National.FeeFor(nth).ShouldBe(yuan);

    [Fact]
    public void The_explanation_names_the_count_the_fee_and_the_basis()
    {
        National.Explain(12).ShouldBe("本自然月该申请人第12件申请，按件计收100元（《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第六条）");
        National.Explain(3).ShouldStartWith("本自然月该申请人第3件申请，未超过10件，不收费");
    }

    [Fact]
    public void A_month_of_35_applications_costs_3000_yuan_band_by_band()
    {
        National.Bands(35).Select(b => b.Arithmetic).ShouldBe(
        [
            "第1–10件：10件，免费",
            "第11–30件：20件 × 100元 = 2000元",
            "第31–40件：5件 × 200元 = 1000元",
        ]);
        National.MonthTotal(35).ShouldBe(3000m);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)]
    [InlineData(41, 2000 + 2000 + 300)]
    public void The_month_total_is_the_sum_of_each_application_s_fee(int count, int yuan)
    {
        National.MonthTotal(count).ShouldBe(yuan);
        National.MonthTotal(count).ShouldBe(Enumerable.Range(1, count).Sum(National.FeeFor));
    }

    [Fact]
    public void A_month_without_applications_has_no_bands() => National.Bands(0).ShouldBeEmpty();

    [Fact]
    public void A_schedule_whose_first_band_ends_below_the_free_count_is_refused_with_its_line()
    {
        var error = Should.Throw<DataFileException>(() => FeeSchedule.Parse(
            "basis: x\nfree: 10\nfirst-band-to: 5\nfirst-band-fee: 100\nband-size: 10\nband-increment: 100\npayment-days: 20\n", "workflows/fees.yaml"));
        error.Message.ShouldContain("workflows/fees.yaml:3:");
        error.Message.ShouldContain("'first-band-to' cannot be below 'free'");
    }
}
