using System.Text.RegularExpressions;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Reports;
using DisclosureCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Reports;

public sealed class SqliteAnnualReportQueryTests(SqliteAnnualReportQueryTests.Factory factory)
    : AnnualReportQueryTests<SqliteAnnualReportQueryTests.Factory>(factory)
{
    public sealed class Factory : AppFactory;
}

public sealed class PostgresAnnualReportQueryTests(PostgresAnnualReportQueryTests.Factory factory)
    : AnnualReportQueryTests<PostgresAnnualReportQueryTests.Factory>(factory)
{
    public sealed class Factory : PostgresAppFactory;
}

/// <summary>
/// 表三 counted from hand-made cases. Each test works in a year of its own, so that the tests share one database.
/// </summary>
public abstract class AnnualReportQueryTests<TFactory> : IClassFixture<TFactory> where TFactory : AppFactory
{
    readonly TFactory factory;
    readonly ReportCases cases;

    protected AnnualReportQueryTests(TFactory factory)
    {
        this.factory = factory;
        factory.SkipUnlessAvailable();
        cases = new ReportCases(factory);
    }

    OutcomeCatalog Outcomes => factory.Services.GetRequiredService<OutcomeCatalog>();

    async Task<AnnualReport> ReportAsync(int year, string? agency = DisclosureCases.Web.Startup.DemoInstallation.PrimaryAgencyCode)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        int? agencyId = agency is null ? null : await cases.AgencyIdAsync(agency);
        return await new AnnualReportQuery(db, Outcomes, factory.Services.GetRequiredService<DisclosureCases.Domain.Reviews.ReviewResultCatalog>())
            .RunAsync(year, agencyId, "测试", default);
    }

    [SkippableFact]
    public async Task Each_outcome_closed_in_the_year_counts_once_in_its_own_row_and_column()
    {
        // One case per outcome, closed in 2010, applicants cycling through the seven columns' kinds.
        var kinds = new (ApplicantKind, OrganizationKind?)[]
        {
            (ApplicantKind.NaturalPerson, null), (ApplicantKind.Organization, OrganizationKind.Commercial),
            (ApplicantKind.Organization, OrganizationKind.Research), (ApplicantKind.Organization, OrganizationKind.PublicWelfare),
            (ApplicantKind.Organization, OrganizationKind.LegalService), (ApplicantKind.Organization, OrganizationKind.Other),
        };
        var codes = Outcomes.Codes.ToList();
        for (var i = 0; i < codes.Count; i++)
            await cases.AddAsync("2010-03-01", "2010-03-20", codes[i], kinds[i % kinds.Length].Item1, kinds[i % kinds.Length].Item2);

        var report = await ReportAsync(2010);

        report.Problems.ShouldBeEmpty();
        report.Received.Figures.ShouldBe([4, 4, 4, 4, 4, 3, 23]);
        report.CarriedOver.Figures.ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        report.CarriedForward.Figures.ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        report.ResultsTotal.Figures.ShouldBe([4, 4, 4, 4, 4, 3, 23]);
        // disclose-published (自然人) and disclose (商业企业) share （一）予以公开.
        report.Result("（一）予以公开", null).Figures.ShouldBe([1, 1, 0, 0, 0, 0, 2]);
        report.Result("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", null).Figures.ShouldBe([0, 0, 1, 0, 0, 0, 1]);
        report.Result("（三）不予公开", "4.保护第三方合法权益").Figures.ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        // 不存在 (第36条（四）) and 非本机关负责 (（五）) are both 本机关不掌握.
        report.Result("（四）无法提供", "1.本机关不掌握相关政府信息").Total.ShouldBe(2);
        report.Result("（六）其他处理", "3.其他").Total.ShouldBe(1);
        // Every row under 三 holds exactly the outcomes mapped to it.
        foreach (var row in report.Table3.Where(r => r.Section == AnnualReportFormat.Results && r.Group != AnnualReportFormat.ResultsTotal))
            row.Total.ShouldBe(Outcomes.Outcomes.Count(o => o.ReportGroup == row.Group && o.ReportItem == row.Item), row.Label);
    }

    [SkippableFact]
    public async Task Cases_open_across_new_year_are_carried_forward_and_carried_over_and_the_invariant_holds_in_both_years()
    {
        await cases.AddAsync("2030-06-01", "2030-06-20", "disclose");                    // received and closed in 2030
        await cases.AddAsync("2030-12-28", "2031-01-08", "partial");                     // carried over into 2031
        await cases.AddAsync("2030-12-31", null, kind: ApplicantKind.Organization, organization: OrganizationKind.Research); // still open
        await cases.AddAsync("2031-03-04", null);                                        // received in 2031, open
        await cases.AddAsync("2029-11-01", "2030-01-05", "withhold-process");            // carried over into 2030

        var y2030 = await ReportAsync(2030);
        var y2031 = await ReportAsync(2031);

        y2030.Received.Total.ShouldBe(3);
        y2030.CarriedOver.Total.ShouldBe(1);
        y2030.ResultsTotal.Total.ShouldBe(2);
        y2030.CarriedForward.Figures.ShouldBe([1, 0, 1, 0, 0, 0, 2]);
        y2031.CarriedOver.Figures.ShouldBe(y2030.CarriedForward.Figures, "this year's 二 is last year's 四");
        y2031.Received.Total.ShouldBe(1);
        y2031.ResultsTotal.Total.ShouldBe(1);
        y2031.Result("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", null).Total.ShouldBe(1);
        y2031.CarriedForward.Figures.ShouldBe([1, 0, 1, 0, 0, 0, 2]);
        foreach (var r in new[] { y2030, y2031 })
        {
            r.Problems.ShouldBeEmpty();
            for (var i = 0; i < AnnualReportFormat.FigureColumns.Count; i++)
                (r.Received.Figures[i] + r.CarriedOver.Figures[i]).ShouldBe(r.ResultsTotal.Figures[i] + r.CarriedForward.Figures[i]);
        }
    }

    [SkippableFact]
    public async Task A_case_closed_without_a_known_outcome_breaks_the_invariant_and_is_named()
    {
        await cases.AddAsync("2014-02-03", "2014-02-10", "disclose");
        var unknown = await cases.AddAsync("2014-02-03", "2014-02-11", "no-such-outcome");
        var none = await cases.AddAsync("2014-02-03", "2014-02-12", change: c => c.Outcome = null);

        var report = await ReportAsync(2014);

        report.ResultsTotal.Total.ShouldBe(1);
        report.Received.Total.ShouldBe(3);
        report.Problems[0].Message.ShouldStartWith("一 + 二 ≠ 三（七） + 四");
        report.Problems[0].Message.ShouldContain("“自然人”列 3 + 0 ≠ 1 + 0");
        report.Problems[0].Cases.Select(c => c.Id).ShouldBe([unknown.Id, none.Id], ignoreOrder: true);
        report.Problems.ShouldContain(p => p.Message.Contains("没有答复结果") && p.CaseCount == 2);
    }

    [SkippableFact]
    public async Task A_reply_dated_before_receipt_is_named_in_both_years_it_upsets()
    {
        var backwards = await cases.AddAsync("2016-01-04", "2015-12-30", "disclose");

        (await ReportAsync(2016)).Problems.ShouldContain(p => p.Cases.Any(c => c.Id == backwards.Id) && p.Message.Contains("答复日期早于收到申请日期"));
        var y2015 = await ReportAsync(2015);
        y2015.Problems[0].Message.ShouldStartWith("一 + 二 ≠ 三（七） + 四");
        y2015.Problems[0].Cases.Select(c => c.Id).ShouldContain(backwards.Id);
    }

    [SkippableFact]
    public async Task An_organisation_without_its_kind_counts_only_in_the_total_and_is_named()
    {
        var c = await cases.AddAsync("2017-05-02", "2017-05-20", "disclose", kind: ApplicantKind.Organization);

        var report = await ReportAsync(2017);

        report.Received.Figures.ShouldBe([0, 0, 0, 0, 0, 0, 1]);
        report.ResultsTotal.Figures.ShouldBe([0, 0, 0, 0, 0, 0, 1]);
        report.Problems.ShouldHaveSingleItem().Cases.ShouldHaveSingleItem().Id.ShouldBe(c.Id);
    }

    [SkippableFact]
    public async Task Another_agencys_cases_never_count_in_an_agencys_report_but_do_in_the_installations()
    {
        await cases.AddAsync("2018-04-02", "2018-04-10", "disclose");
        await cases.AddAsync("2018-04-02", "2018-04-10", "disclose", agency: DisclosureCases.Web.Startup.DemoInstallation.SecondAgencyCode);

        (await ReportAsync(2018)).ResultsTotal.Total.ShouldBe(1);
        (await ReportAsync(2018, DisclosureCases.Web.Startup.DemoInstallation.SecondAgencyCode)).ResultsTotal.Total.ShouldBe(1);
        (await ReportAsync(2018, agency: null)).ResultsTotal.Total.ShouldBe(2);
    }

    [SkippableFact]
    public async Task Table_four_is_all_zeros_in_a_year_without_review_cases_and_says_how_it_counts()
    {
        var report = await ReportAsync(2019);

        report.Table4.Select(t => (t.Kind, t.SubKind)).ShouldBe([("行政复议", null), ("行政诉讼", "未经复议直接起诉"), ("行政诉讼", "复议后起诉")]);
        report.Table4.ShouldAllBe(t => t.Figures.Count == 5 && t.Figures.All(f => f == 0));
        report.Table4Note.ShouldContain("本年收到、年底尚未审结的计入尚未审结");
    }
}

/// <summary>Every label of 表三 and 表四 as DOMAIN.md §3 writes it, character for character and in its order.</summary>
public class AnnualReportLabelsTests
{
    static string Section3()
    {
        var text = File.ReadAllText(DomainDoc.Path);
        var start = text.IndexOf("## 3.", StringComparison.Ordinal);
        return text[start..text.IndexOf("## 4.", start, StringComparison.Ordinal)].Replace("\n", " ", StringComparison.Ordinal);
    }

    [Fact]
    public void The_sections_and_columns_of_table_three_are_those_of_DOMAIN_md()
    {
        var match = Regex.Match(Section3(), @"Table 三's rows: (?<rows>.+?)\. Columns: (?<columns>.+?)\. Invariant", RegexOptions.Singleline);
        match.Success.ShouldBeTrue("DOMAIN.md §3 names 表三's rows and columns");
        var rows = match.Groups["rows"].Value.Split(" · ").Select(r => r.Trim()).ToList();
        rows.Count.ShouldBe(4);
        rows[0].ShouldBe(AnnualReportFormat.Received);
        rows[1].ShouldBe(AnnualReportFormat.CarriedOver);
        rows[2].ShouldStartWith(AnnualReportFormat.Results + " (");
        rows[2].ShouldContain("then " + AnnualReportFormat.ResultsTotal + ")");
        rows[3].ShouldBe(AnnualReportFormat.CarriedForward);

        var columns = match.Groups["columns"].Value;
        columns.ShouldBe($"{AnnualReportFormat.NaturalPerson} · {AnnualReportFormat.Organization} " +
            $"({string.Join(", ", AnnualReportFormat.OrganizationColumns.Select(c => c.Label))}) · {AnnualReportFormat.Total}");
    }

    [Fact]
    public void The_result_rows_follow_DOMAIN_md_in_order()
    {
        var catalog = OutcomeCatalog.Load(Path.Combine(RepoPaths.Workflows, "outcomes.yaml"));
        var rows = catalog.Outcomes.Select(o => (o.ReportGroup, o.ReportItem)).Distinct().ToList();
        rows.ShouldBe(DomainDoc.ReportRows());
    }

    [Fact]
    public void Table_four_labels_are_those_of_DOMAIN_md()
    {
        var match = Regex.Match(Section3(), @"Table 四 \(复议 and 诉讼\): (?<review>\S+) \((?<columns>[^)]+)\); (?<suit>\S+) (?<direct>\S+) and (?<after>\S+), each",
            RegexOptions.Singleline);
        match.Success.ShouldBeTrue("DOMAIN.md §3 names 表四's blocks and columns");
        match.Groups["review"].Value.ShouldBe(AnnualReportFormat.Review);
        match.Groups["columns"].Value.Split(", ").ShouldBe(AnnualReportFormat.ReviewColumns);
        match.Groups["suit"].Value.ShouldBe(AnnualReportFormat.Litigation);
        match.Groups["direct"].Value.ShouldBe(AnnualReportFormat.DirectSuit);
        match.Groups["after"].Value.ShouldBe(AnnualReportFormat.SuitAfterReview);
    }
}
