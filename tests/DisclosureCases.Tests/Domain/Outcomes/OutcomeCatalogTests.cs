using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Domain.Outcomes;

public class OutcomeCatalogTests
{
    static readonly string CatalogPath = Path.Combine(RepoPaths.Workflows, "outcomes.yaml");
    static OutcomeCatalog Catalog() => OutcomeCatalog.Load(CatalogPath);

    [Fact]
    public void The_catalog_holds_exactly_the_agreed_codes_in_form_order()
    {
        Catalog().Codes.ShouldBe([
            "disclose-published", "disclose", "partial",
            "withhold-state-secret", "withhold-law-prohibited", "withhold-three-safety", "withhold-third-party",
            "withhold-internal", "withhold-process", "withhold-enforcement-file", "withhold-administrative-inquiry",
            "unavailable-not-held", "unavailable-not-responsible", "unavailable-needs-creation", "unavailable-unclear",
            "reject-petition", "reject-repeat", "reject-publication", "reject-mass", "reject-confirmation",
            "other-no-correction", "other-unpaid-fee", "other",
        ]);
    }

    [Fact]
    public void Every_report_row_is_one_of_DOMAIN_md_table_rows_verbatim()
    {
        var domainRows = DomainDoc.ReportRows();
        var offenders = Catalog().Outcomes
            .Where(o => !domainRows.Contains((o.ReportGroup, o.ReportItem)))
            .Select(o => $"{o.Code}: '{o.ReportRow}'");
        offenders.ShouldBeEmpty($"rows not found verbatim in {DomainDoc.Path} §3");
    }

    [Fact]
    public void Every_row_of_DOMAIN_md_table_is_counted_by_at_least_one_outcome()
    {
        var used = Catalog().Outcomes.Select(o => (o.ReportGroup, o.ReportItem)).ToHashSet();
        DomainDoc.ReportRows().Where(r => !used.Contains(r)).ShouldBeEmpty();
    }

    [Fact]
    public void The_report_row_joins_group_and_item_with_one_space_as_DOMAIN_md_prints_it()
    {
        var outcome = Catalog().Find("withhold-third-party")!;
        outcome.ReportGroup.ShouldBe("（三）不予公开");
        outcome.ReportItem.ShouldBe("4.保护第三方合法权益");
        outcome.ReportRow.ShouldBe("（三）不予公开 4.保护第三方合法权益");
        Catalog().Find("disclose")!.ReportRow.ShouldBe("（一）予以公开");
    }

    [Theory]
    [InlineData("disclose-published", "第36条（一）")]
    [InlineData("disclose", "第36条（二）")]
    [InlineData("partial", "第37条")]
    [InlineData("withhold-state-secret", "第14条")]
    [InlineData("withhold-third-party", "第15条")]
    [InlineData("withhold-administrative-inquiry", "第36条（七）")]
    [InlineData("unavailable-not-held", "第36条（四）")]
    [InlineData("unavailable-not-responsible", "第36条（五）")]
    [InlineData("unavailable-needs-creation", "第38条")]
    [InlineData("unavailable-unclear", "第30条")]
    [InlineData("reject-petition", "第39条第1款")]
    [InlineData("reject-repeat", "第36条（六）")]
    [InlineData("reject-publication", "第39条第2款")]
    [InlineData("reject-mass", "第35条")]
    [InlineData("other-no-correction", "第30条")]
    [InlineData("other-unpaid-fee", "第42条")]
    public void An_outcome_cites_its_article(string code, string basis) =>
        Catalog().Find(code)!.Basis.ShouldBe(basis);

    [Theory]
    [InlineData("withhold-internal")]
    [InlineData("withhold-process")]
    [InlineData("withhold-enforcement-file")]
    public void The_internal_and_process_grounds_cite_article_16(string code) =>
        Catalog().Find(code)!.Basis!.ShouldStartWith("第16条");

    [Fact]
    public void Both_not_held_and_not_responsible_count_as_not_held_by_this_agency()
    {
        Catalog().Find("unavailable-not-held")!.ReportRow.ShouldBe("（四）无法提供 1.本机关不掌握相关政府信息");
        Catalog().Find("unavailable-not-responsible")!.ReportRow.ShouldBe("（四）无法提供 1.本机关不掌握相关政府信息");
    }

    [Fact]
    public void Partial_disclosure_and_every_withholding_require_reasons_and_disclosure_does_not()
    {
        var catalog = Catalog();
        catalog.Find("partial")!.Refusal.ShouldBe(RefusalKind.Partial);
        catalog.Outcomes.Where(o => o.Code.StartsWith("withhold-", StringComparison.Ordinal))
            .ShouldAllBe(o => o.Refusal == RefusalKind.Full && o.RequiresReasons);
        catalog.Find("disclose")!.RequiresReasons.ShouldBeFalse();
        catalog.Find("disclose-published")!.RequiresReasons.ShouldBeFalse();
    }

    [Fact]
    public void A_duplicate_code_is_reported_at_its_second_entry()
    {
        var ex = Should.Throw<DataFileException>(() => OutcomeCatalog.Parse("""
            outcomes:
              - code: disclose
                label: 予以公开
                report: { group: （一）予以公开 }
                refusal: none
              - code: disclose
                label: 又一个
                report: { group: （一）予以公开 }
                refusal: none
            """, "workflows/outcomes.yaml"));
        ex.Message.ShouldBe("workflows/outcomes.yaml:6: outcome 'disclose' is listed twice");
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line_not_just_the_first()
    {
        var ex = Should.Throw<DataFileException>(() => OutcomeCatalog.Parse("""
            outcomes:
              - code: Disclose
                label: 予以公开
                report: { group: （一）予以公开 }
                refusal: none
              - code: partial
                label: 部分公开
                refusal: some
                lable: typo
            """, "workflows/outcomes.yaml"));
        ex.Errors.Select(e => e.ToString()).ShouldBe([
            "workflows/outcomes.yaml:2: outcome code 'Disclose' should be kebab-case (lower-case words joined by '-')",
            "workflows/outcomes.yaml:6: outcome 'partial' is missing 'report' (the annual-report row it counts in)",
            "workflows/outcomes.yaml:8: 'refusal' of outcome 'partial' should be none, partial or full, not 'some'",
            "workflows/outcomes.yaml:9: an outcome has an unknown key 'lable' (allowed: code, label, basis, report, refusal)",
        ]);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_the_parser_position()
    {
        var ex = Should.Throw<DataFileException>(() => OutcomeCatalog.Parse(
            "outcomes:\n  - code: disclose\n    label: '予以公开\n", "workflows/outcomes.yaml"));
        ex.Errors.ShouldHaveSingleItem().Line.ShouldBe(3);
        ex.Message.ShouldStartWith("workflows/outcomes.yaml:3: malformed YAML:");
    }

    [Fact]
    public void Load_names_the_file_by_its_folder_and_name()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(dir.FullName, "workflows"));
            var file = Path.Combine(folder.FullName, "outcomes.yaml");
            File.WriteAllText(file, "outcomes: []\n");
            Should.Throw<DataFileException>(() => OutcomeCatalog.Load(file))
                .Message.ShouldBe("workflows/outcomes.yaml:1: the file lists no outcomes under 'outcomes:'");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
