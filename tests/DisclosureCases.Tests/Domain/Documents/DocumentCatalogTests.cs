using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Domain.Documents;

public class DocumentCatalogTests
{
    static DocumentCatalog Catalog() => DocumentCatalog.Load(Path.Combine(RepoPaths.Templates, "catalog.yaml"));

    [Theory]
    [InlineData("receipt", "接收回执")]
    [InlineData("correction-notice", "补正告知书")]
    [InlineData("extension-notice", "延期答复告知书")]
    [InlineData("reasons-notice", "说明理由告知书")]
    [InlineData("consultation-third-party", "征求意见书（第三方）")]
    [InlineData("consultation-other-agency", "征求意见书（其他机关）")]
    [InlineData("consultation-notice", "征求意见告知书")]
    [InlineData("third-party-disclosure-notice", "公开告知书（第三方）")]
    [InlineData("fee-notice", "收费通知书")]
    [InlineData("reply", "政府信息公开申请答复书")]
    [InlineData("no-further-processing", "不再处理告知书")]
    [InlineData("envelope", "信封")]
    [InlineData("mailing-list", "邮寄清单")]
    public void The_catalog_lists_each_document_a_case_needs_with_its_title(string id, string title) =>
        Catalog().Find(id).ShouldNotBeNull().Title.ShouldBe(title);

    [Fact]
    public void Only_the_reply_has_one_template_per_outcome()
    {
        Catalog().Documents.Where(d => d.PerOutcome).Select(d => d.Id).ShouldBe(["reply"]);
    }

    [Fact]
    public void Every_letter_to_the_applicant_or_a_third_party_cites_its_article()
    {
        Catalog().Documents.Where(d => d.Id is not ("envelope" or "mailing-list"))
            .Where(d => d.Basis is null).Select(d => d.Id).ShouldBeEmpty();
    }

    [Fact]
    public void A_document_id_that_cannot_be_a_template_file_name_is_rejected_with_its_line()
    {
        var ex = Should.Throw<DataFileException>(() => DocumentCatalog.Parse("""
            documents:
              - id: receipt
                title: 接收回执
              - id: Reply Letter
                title: 答复书
              - id: receipt
                title: 又一个
              - title: 无编号
            """, "templates/catalog.yaml"));
        ex.Errors.Select(e => e.ToString()).ShouldBe([
            "templates/catalog.yaml:4: document id 'Reply Letter' should be kebab-case (it names a template file)",
            "templates/catalog.yaml:6: document 'receipt' is listed twice",
            "templates/catalog.yaml:8: a document is missing 'id'",
        ]);
    }
}
