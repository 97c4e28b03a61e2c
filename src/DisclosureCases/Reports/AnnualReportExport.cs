using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace DisclosureCases.Reports;

/// <summary>The annual report as CSV, JSON and XLSX, every label verbatim (<see cref="AnnualReportFormat"/>).</summary>
public static class AnnualReportExport
{
    public static string Title(AnnualReport r) => $"{r.Year}年政府信息公开工作年度报告（{r.Scope}）";
    public const string Table3Title = "表三 收到和处理政府信息公开申请情况";
    public const string Table4Title = "表四 政府信息公开行政复议、行政诉讼情况";

    public static string FileName(AnnualReport r, string extension) => $"annual-report-{r.Year}.{extension}";

    static readonly string[] OrganizationLabels = AnnualReportFormat.OrganizationColumns.Select(c => c.Label).ToArray();

    public static byte[] Csv(AnnualReport r)
    {
        var csv = new Csv().Row(Title(r)).Blank().Row(Table3Title)
            .Row("栏目", "类别", "项目", AnnualReportFormat.NaturalPerson, AnnualReportFormat.Organization, null, null, null, null, AnnualReportFormat.Total)
            .Row([null, null, null, null, .. OrganizationLabels, null]);
        foreach (var row in r.Table3)
            csv.Row([row.Section, row.Group, row.Item, .. row.Figures.Cast<object?>()]);
        csv.Blank().Row(Table4Title)
            .Row([AnnualReportFormat.Review, null, null, null, null, AnnualReportFormat.Litigation, .. new object?[9]])
            .Row([null, null, null, null, null, AnnualReportFormat.DirectSuit, null, null, null, null, AnnualReportFormat.SuitAfterReview, null, null, null, null])
            .Row([.. AnnualReportFormat.ReviewColumns, .. AnnualReportFormat.ReviewColumns, .. AnnualReportFormat.ReviewColumns])
            .Row([.. r.Table4.SelectMany(t => t.Figures).Cast<object?>()])
            .Row(r.Table4Note);
        if (r.Problems.Count > 0)
        {
            csv.Blank().Row("需要核对的问题");
            foreach (var p in r.Problems)
            {
                csv.Row(p.Message, p.CaseCount);
                foreach (var c in p.Cases)
                    csv.Row(null, c.Id, c.CaseNumber, c.ReceivedOn, c.RepliedOn, c.Outcome);
            }
        }
        return csv.ToBytes();
    }

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Json(AnnualReport r) => JsonSerializer.Serialize(new
    {
        year = r.Year,
        scope = r.Scope,
        columns = AnnualReportFormat.FigureColumns,
        table3 = r.Table3.Select(row => new
        {
            section = row.Section,
            group = row.Group,
            item = row.Item,
            figures = AnnualReportFormat.FigureColumns.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => row.Figures[x.i]),
        }),
        table4 = r.Table4.Select(t => new
        {
            kind = t.Kind,
            subKind = t.SubKind,
            figures = AnnualReportFormat.ReviewColumns.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => t.Figures[x.i]),
        }),
        table4Note = r.Table4Note,
        problems = r.Problems.Select(p => new
        {
            message = p.Message,
            caseCount = p.CaseCount,
            cases = p.Cases.Select(c => new { c.Id, c.CaseNumber, c.ReceivedOn, c.RepliedOn, c.Outcome }),
        }),
    }, JsonOptions);

    public static byte[] Xlsx(AnnualReport r)
    {
        var book = new XlsxWorkbook();
        var t3 = book.AddSheet("表三");
        t3.Row(Title(r)).Merge("A1:J1").Row(Table3Title).Merge("A2:J2")
            .HeaderRow("项目", null, null, AnnualReportFormat.NaturalPerson, AnnualReportFormat.Organization, null, null, null, null, AnnualReportFormat.Total)
            .HeaderRow([null, null, null, null, .. OrganizationLabels, null])
            .Merge("A3:C4").Merge("D3:D4").Merge("E3:I3").Merge("J3:J4")
            .Width(0, 34).Width(1, 40).Width(2, 60);
        for (var c = 3; c < 10; c++) t3.Width(c, 12);
        foreach (var row in r.Table3)
            t3.Row([row.Section, row.Group, row.Item, .. row.Figures.Cast<object?>()]);

        var t4 = book.AddSheet("表四");
        t4.Row(Title(r)).Merge("A1:O1").Row(Table4Title).Merge("A2:O2")
            .HeaderRow([AnnualReportFormat.Review, null, null, null, null, AnnualReportFormat.Litigation, .. new object?[9]])
            .HeaderRow([null, null, null, null, null, AnnualReportFormat.DirectSuit, null, null, null, null, AnnualReportFormat.SuitAfterReview, null, null, null, null])
            .HeaderRow([.. AnnualReportFormat.ReviewColumns, .. AnnualReportFormat.ReviewColumns, .. AnnualReportFormat.ReviewColumns])
            .Merge("A3:E4").Merge("F3:O3").Merge("F4:J4").Merge("K4:O4")
            .Row([.. r.Table4.SelectMany(t => t.Figures).Cast<object?>()])
            .Row(r.Table4Note).Merge("A7:O7");

        if (r.Problems.Count > 0)
        {
            var problems = book.AddSheet("需要核对的问题");
            problems.HeaderRow("问题", "案件数", "案件编号", "文号", "收到申请日期", "答复日期", "答复结果").Width(0, 60).Width(3, 30);
            foreach (var p in r.Problems)
            {
                problems.Row(p.Message, p.CaseCount);
                foreach (var c in p.Cases)
                    problems.Row(null, null, c.Id, c.CaseNumber, c.ReceivedOn, c.RepliedOn, c.Outcome);
            }
        }
        return book.ToBytes();
    }

    /// <summary>The figures as fixed-width text for a terminal.</summary>
    public static string Text(AnnualReport r)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        w.WriteLine(Title(r));
        w.WriteLine(Table3Title);
        w.WriteLine(string.Join(" | ", ["项目", .. AnnualReportFormat.FigureColumns]));
        foreach (var row in r.Table3)
            w.WriteLine(string.Join(" | ", [row.Label, .. row.Figures.Select(f => f.ToString(CultureInfo.InvariantCulture))]));
        foreach (var p in r.Problems)
            w.WriteLine($"问题：{p.Message}（{p.CaseCount} 件）");
        return w.ToString();
    }
}
