using System.Text.Json;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Cli;

/// <summary><c>disclosure report annual</c>: the year's 表三 for one agency or the installation, as JSON, CSV or XLSX.</summary>
public class ReportVerbsTests(ReportVerbsTests.Factory factory) : IClassFixture<ReportVerbsTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly ReportCases cases = new(factory);

    [Fact]
    public async Task The_json_report_of_one_agency_counts_its_cases_only()
    {
        await cases.AddAsync("2022-03-01", "2022-03-15", "withhold-third-party");
        await cases.AddAsync("2022-03-01", "2022-03-15", "withhold-third-party", agency: DisclosureCases.Web.Startup.DemoInstallation.SecondAgencyCode);

        var result = await CliHarness.RunAsync(factory, "report", "annual", "--year", "2022", "--agency", "jaghzy", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var row = json.RootElement.GetProperty("table3").EnumerateArray()
            .Single(r => r.GetProperty("item").GetString() == "4.保护第三方合法权益");
        row.GetProperty("group").GetString().ShouldBe("（三）不予公开");
        row.GetProperty("figures").GetProperty("自然人").GetInt32().ShouldBe(1);
        row.GetProperty("figures").GetProperty("总计").GetInt32().ShouldBe(1);

        var all = await CliHarness.RunAsync(factory, "report", "annual", "--year", "2022", "--format", "csv");
        all.Out.ShouldContain("三、本年度办理结果,（三）不予公开,4.保护第三方合法权益,2,0,0,0,0,0,2");
    }

    [Fact]
    public async Task The_xlsx_report_reads_back_with_the_labels_and_figures()
    {
        await cases.AddAsync("2023-05-06", "2023-05-20", "partial", DisclosureCases.Domain.Cases.ApplicantKind.Organization,
            DisclosureCases.Domain.Cases.OrganizationKind.LegalService);
        var file = Path.Combine(factory.DataDirectory, "report-2023.xlsx");

        var result = await CliHarness.RunAsync(factory, "report", "annual", "--year", "2023", "--agency", "JAGHZY", "--format", "xlsx", "--out", file);

        result.ExitCode.ShouldBe(0, result.Error);
        var book = XlsxReader.Read(await File.ReadAllBytesAsync(file));
        var sheet = book["表三"];
        sheet["D3"].ShouldBe("自然人");
        sheet["H4"].ShouldBe("法律服务机构");
        var row = XlsxReader.RowOf(sheet, "B", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        row.ShouldBeGreaterThan(0);
        sheet[$"H{row}"].ShouldBe("1");
        sheet[$"J{row}"].ShouldBe("1");
        book["表四"]["A3"].ShouldBe("行政复议");
    }

    [Fact]
    public async Task An_unknown_agency_is_refused_with_the_agencies_there_are()
    {
        var result = await CliHarness.RunAsync(factory, "report", "annual", "--year", "2023", "--agency", "NOPE");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("JAGHZY");
    }
}

/// <summary><c>disclosure report deadlines</c>: the 时限报表 of one agency.</summary>
public class ReportDeadlinesVerbTests(ReportDeadlinesVerbTests.Factory factory) : IClassFixture<ReportDeadlinesVerbTests.Factory>
{
    public sealed class Factory : AppFactory;

    [Fact]
    public async Task The_csv_counts_the_agencys_replies_in_the_period()
    {
        var cases = new ReportCases(factory);
        await cases.AddAsync("2024-06-03", "2024-06-05", "disclose", change: c => c.ReplyDue = new DateOnly(2024, 7, 1));
        await cases.AddAsync("2024-06-03", "2024-06-05", "disclose", agency: DisclosureCases.Web.Startup.DemoInstallation.SecondAgencyCode,
            change: c => c.ReplyDue = new DateOnly(2024, 7, 1));

        var result = await CliHarness.RunAsync(factory, "report", "deadlines", "--agency", "JAGHZY", "--from", "2024-01-01", "--to", "2024-12-31");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("2024年6月,1,1,0,100");
        result.Out.ShouldContain("合计,1,1,0,100");
    }
}
