using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Domain.Reviews;

public class ReviewResultCatalogTests
{
    static ReviewResultCatalog Catalog => ReviewResultCatalog.Load(Path.Combine(RepoPaths.Workflows, "review-results.yaml"));

    [Fact]
    public void Every_result_the_law_names_is_offered_and_mapped_to_a_table_four_column()
    {
        var labels = Catalog.Results.Select(r => r.Label).ToList();
        foreach (var word in new[] { "变更", "撤销", "确认违法", "履行", "确认无效", "维持", "驳回" })
            labels.ShouldContain(l => l.Contains(word), $"no result says {word}");
        Catalog.Find("uphold")!.Category.ShouldBe(ReportCategory.Upheld);
        Catalog.Find("revoke")!.Category.ShouldBe(ReportCategory.Corrected);
        Catalog.Find("withdrawn")!.Category.ShouldBe(ReportCategory.Other);
    }

    [Fact]
    public void Revoking_with_an_order_to_reply_anew_reopens_the_application_and_upholding_does_not()
    {
        Catalog.Find("revoke-and-redo")!.OrdersReply.ShouldBeTrue();
        Catalog.Find("uphold")!.OrdersReply.ShouldBeFalse();
    }

    [Fact]
    public void A_court_is_not_offered_the_reconsideration_only_results()
    {
        Catalog.For(ReviewKind.Litigation).Select(r => r.Code).ShouldNotContain("change");
        Catalog.For(ReviewKind.Reconsideration).Select(r => r.Code).ShouldNotContain("dismiss-appeal");
    }

    [Fact]
    public void A_wrong_report_column_is_refused_with_its_line()
    {
        var ex = Should.Throw<DataFileException>(() => ReviewResultCatalog.Parse(
            "results:\n  - code: uphold\n    label: 维持\n    applies: reconsideration\n    report: kept\n", "workflows/review-results.yaml"));
        ex.Message.ShouldContain("workflows/review-results.yaml:5");
        ex.Message.ShouldContain("upheld, corrected or other");
    }
}
