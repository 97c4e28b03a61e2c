using System.Globalization;
using DisclosureCases.Reviews;

namespace DisclosureCases.Reports;

/// <summary>The 时限报表's tables as CSV and XLSX (one sheet per table), with the 复议诉讼 deadlines the page shows last.</summary>
public static class DeadlineReportExport
{
    public static string Title(DeadlineReport r) =>
        $"时限报表（答复日期 {r.Filter.From:yyyy-MM-dd} 至 {r.Filter.To:yyyy-MM-dd}；在办案件截至 {r.Today:yyyy-MM-dd}）";

    public static string FileName(DeadlineReport r, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"deadlines-{r.Filter.From:yyyyMMdd}-{r.Filter.To:yyyyMMdd}.{extension}");

    static readonly string[] OnTimeHeader = ["答复件数", "按期答复", "无答复期限", "答复及时率（%）"];

    /// <summary>Every table as (sheet name, header, rows).</summary>
    public static IEnumerable<(string Name, object?[] Header, IEnumerable<object?[]> Rows)> Tables(DeadlineReport r,
        IReadOnlyList<ReviewDeadlineList.Row> reviews)
    {
        yield return ("在办案件（按状态）", ["状态", "件数"], r.OpenByState.Select(s => new object?[] { s.Title, s.Count }));
        yield return ("在办案件（按期限）", ["期限情况", "件数"], r.OpenByStatus.Select(s => new object?[] { s.Title, s.Count }));
        yield return ("答复及时率（按月）", ["月份", .. OnTimeHeader], r.OnTimeByMonth.Append(r.OnTimeTotal).Select(OnTime));
        yield return ("答复及时率（按处室）", ["处室", .. OnTimeHeader], r.OnTimeByDepartment.Select(OnTime));
        yield return ("答复及时率（按承办人）", ["承办人", .. OnTimeHeader], r.OnTimeByHandler.Select(OnTime));
        yield return ("办理用时", ["答复件数", "平均（工作日）", "中位数（工作日）"],
            [[r.HandlingTime.Replies, r.HandlingTime.Mean, r.HandlingTime.Median]]);
        yield return ("延期和计时中止", ["事项", "次数", "案件数"], r.ClockUses.Select(u => new object?[] { u.Title, u.Events, u.Cases }));
        yield return ("办理时间最长的在办案件", ["文号", "申请人", "状态", "承办人", "收到申请日期", "已用工作日", "最近期限", "期限情况"],
            r.LongestOpen.Select(c => new object?[] { c.CaseNumber ?? $"案件 {c.Id}", c.ApplicantName, c.StateTitle, c.HandlerName, c.ReceivedOn, c.WorkingDaysOpen, c.NextDue, DeadlineReport.StatusTitle(c.Status) }));
        yield return ("复议诉讼期限", ["类型", "复议机关/法院", "案号", "期限", "到期日", "状态", "计算依据"],
            reviews.Select(x => new object?[]
            {
                x.Case.KindTitle, x.Case.Body, x.Case.BodyCaseNumber ?? $"#{x.Case.Id}", x.Deadline.Title, x.Deadline.Due, x.Standing.Text,
                string.Join("；", x.Deadline.Explanation?.Lines ?? []),
            }));
    }

    static object?[] OnTime(OnTimeRow row) => [row.Label, row.Replies, row.OnTime, row.WithoutDeadline, row.Rate];

    public static byte[] Csv(DeadlineReport r, IReadOnlyList<ReviewDeadlineList.Row> reviews)
    {
        var csv = new Csv().Row(Title(r));
        foreach (var (name, header, rows) in Tables(r, reviews))
        {
            csv.Blank().Row(name).Row(header);
            foreach (var row in rows) csv.Row(row);
        }
        return csv.ToBytes();
    }

    public static byte[] Xlsx(DeadlineReport r, IReadOnlyList<ReviewDeadlineList.Row> reviews)
    {
        var book = new XlsxWorkbook();
        foreach (var (name, header, rows) in Tables(r, reviews))
        {
            var sheet = book.AddSheet(name.Replace("（", "-", StringComparison.Ordinal).Replace("）", "", StringComparison.Ordinal));
            sheet.Row(Title(r)).HeaderRow(header).Width(0, 28);
            for (var i = 1; i < header.Length; i++) sheet.Width(i, 16);
            foreach (var row in rows) sheet.Row(row);
        }
        return book.ToBytes();
    }
}
