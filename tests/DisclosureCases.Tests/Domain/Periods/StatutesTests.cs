using DisclosureCases.Domain.Periods;

namespace DisclosureCases.Tests.Domain.Periods;

/// <summary>The periods other modules cite: the figures of DOMAIN.md §2 and §6, each with its article.</summary>
public class StatutesTests
{
    public static TheoryData<string, string, string> Expected => new()
    {
        { nameof(Statutes.Reply), "20wd", "《政府信息公开条例》第三十三条第二款" },
        { nameof(Statutes.Extension), "20wd", "《政府信息公开条例》第三十三条第二款" },
        { nameof(Statutes.CorrectionNotice), "7wd", "《政府信息公开条例》第三十条" },
        { nameof(Statutes.Consultation), "15wd", "《政府信息公开条例》第三十二条、第三十四条" },
        { nameof(Statutes.ReviewApplication), "60d", "《行政复议法》第二十条" },
        { nameof(Statutes.ReviewAnswer), "10wd", "《行政复议法》第四十八条、第八十八条" },
        { nameof(Statutes.ReviewAnswerSimplified), "5wd", "《行政复议法》第五十四条、第八十八条" },
        { nameof(Statutes.ReviewDecision), "60d", "《行政复议法》第六十二条第一款" },
        { nameof(Statutes.ReviewDecisionExtension), "30d", "《行政复议法》第六十二条第一款" },
        { nameof(Statutes.ReviewDecisionSimplified), "30d", "《行政复议法》第六十二条第二款" },
        { nameof(Statutes.Lawsuit), "6m", "《行政诉讼法》第四十六条" },
        { nameof(Statutes.LawsuitAfterReview), "15d", "《行政诉讼法》第四十五条" },
        { nameof(Statutes.Defence), "15d", "《行政诉讼法》第六十七条" },
        { nameof(Statutes.AppealAgainstJudgment), "15d", "《行政诉讼法》第八十五条" },
        { nameof(Statutes.AppealAgainstRuling), "10d", "《行政诉讼法》第八十五条" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_statutory_period_has_its_length_and_article(string name, string period, string article)
    {
        var statute = (StatutoryPeriod)typeof(Statutes).GetField(name)!.GetValue(null)!;
        statute.Period.ToString().ShouldBe(period);
        statute.Basis.Article.ShouldBe(article);
        Statutes.All.ShouldContain(statute);
    }

    [Fact]
    public void Every_listed_period_is_checked_above() =>
        Statutes.All.Count.ShouldBe(Expected.Count);

    [Fact]
    public void A_basis_reads_as_rule_and_article() =>
        Statutes.Reply.Basis.ToString().ShouldBe("答复期限（《政府信息公开条例》第三十三条第二款）");
}
