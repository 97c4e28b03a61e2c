using System.Net;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;

namespace DisclosureCases.Tests.Pages.Reports;

/// <summary>年度报告: the 负责人's and 管理员's view of their agency's 表三 and 表四, its XLSX and CSV.</summary>
public class AnnualTests(AnnualTests.Factory factory) : IClassFixture<AnnualTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly ReportCases cases = new(factory);

    [Fact]
    public async Task A_manager_sees_the_agencys_table_three_with_its_figures_and_not_another_agencys()
    {
        await cases.AddAsync("2021-04-01", "2021-04-20", "withhold-internal", ApplicantKind.Organization, OrganizationKind.Research);
        await cases.AddAsync("2021-04-01", "2021-04-20", "withhold-internal", agency: DemoInstallation.SecondAgencyCode);
        var manager = await factory.SignInAsync("manager");

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync("/Reports/Annual?Year=2021"));

        html.ShouldContain("2021年政府信息公开工作年度报告（上海市静安区规划和自然资源局）");
        html.ShouldContain("一、本年新收政府信息公开申请数量");
        html.ShouldContain("5.属于三类内部事务信息");
        html.ShouldContain("（七）总计");
        html.ShouldContain("未经复议直接起诉");
        // 5.属于三类内部事务信息: 科研机构 1, 总计 1 — and the other agency's case is not in it.
        html.ShouldContain("5.属于三类内部事务信息</th>\n                    <td class=\"num\">0</td>\n                    <td class=\"num\">0</td>\n                    <td class=\"num\">1</td>");
        html.ShouldNotContain("需要核对");
    }

    [Fact]
    public async Task The_xlsx_download_reads_back_with_the_same_figures()
    {
        await cases.AddAsync("2020-09-01", "2020-09-10", "reject-repeat");
        await cases.AddAsync("2020-12-30", null);
        var admin = await factory.SignInAsync("admin");

        var response = await admin.GetAsync("/Reports/Annual?handler=Xlsx&Year=2020");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = XlsxReader.Read(await response.Content.ReadAsByteArrayAsync())["表三"];
        sheet["A1"].ShouldBe("2020年政府信息公开工作年度报告（上海市静安区规划和自然资源局）");
        var received = XlsxReader.RowOf(sheet, "A", "一、本年新收政府信息公开申请数量");
        sheet[$"D{received}"].ShouldBe("2");
        sheet[$"J{received}"].ShouldBe("2");
        var repeat = XlsxReader.RowOf(sheet, "C", "2.重复申请");
        sheet[$"B{repeat}"].ShouldBe("（五）不予处理");
        sheet[$"J{repeat}"].ShouldBe("1");
        sheet[$"J{XlsxReader.RowOf(sheet, "A", "四、结转下年度继续办理")}"].ShouldBe("1");
    }

    [Fact]
    public async Task The_csv_download_carries_the_rows_verbatim()
    {
        var manager = await factory.SignInAsync("manager");

        var response = await manager.GetAsync("/Reports/Annual?handler=Csv&Year=2019");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("三、本年度办理结果,（六）其他处理,1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,0,0,0,0,0,0,0");
    }

    [Fact]
    public async Task A_report_that_does_not_add_up_names_the_cases()
    {
        var bad = await cases.AddAsync("2018-01-02", "2017-12-29", "disclose"); // replied before it arrived
        var manager = await factory.SignInAsync("manager");

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync("/Reports/Annual?Year=2018"));

        html.ShouldContain("需要核对");
        html.ShouldContain($"href=\"/Cases/{bad.Id}\"");
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("reviewer")]
    public async Task Clerks_and_reviewers_are_refused(string user)
    {
        var client = await factory.SignInAsync(user);

        (await client.GetAsync("/Reports/Annual")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/Reports/Annual?handler=Xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
