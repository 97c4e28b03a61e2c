using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Reports;

/// <summary>
/// One year's 政府信息公开工作年度报告 tables for one agency (or every agency of the installation): 表三 as figures by
/// applicant column, 表四, and every problem that breaks the report's arithmetic, each with the cases that cause it.
/// </summary>
public sealed record AnnualReport(
    int Year,
    string Scope,
    IReadOnlyList<AnnualReportRow> Table3,
    IReadOnlyList<ReviewReportRow> Table4,
    string Table4Note,
    IReadOnlyList<ReportProblem> Problems)
{
    public AnnualReportRow Received => Table3.Single(r => r.Section == AnnualReportFormat.Received);
    public AnnualReportRow CarriedOver => Table3.Single(r => r.Section == AnnualReportFormat.CarriedOver);
    public AnnualReportRow ResultsTotal => Table3.Single(r => r.Group == AnnualReportFormat.ResultsTotal);
    public AnnualReportRow CarriedForward => Table3.Single(r => r.Section == AnnualReportFormat.CarriedForward);

    /// <summary>The row of 三、本年度办理结果 with this group and item (item null for a group without items).</summary>
    public AnnualReportRow Result(string group, string? item) =>
        Table3.Single(r => r.Section == AnnualReportFormat.Results && r.Group == group && r.Item == item);
}

/// <summary>
/// One row of 表三. <see cref="Section"/> is 一、… to 四、…; under 三、本年度办理结果 <see cref="Group"/> is （一）… to
/// （七）总计 and <see cref="Item"/> the numbered item (1.属于国家秘密 …) where the group has items.
/// <see cref="Figures"/> follows <see cref="AnnualReportFormat.FigureColumns"/>.
/// </summary>
public sealed record AnnualReportRow(string Section, string? Group, string? Item, IReadOnlyList<int> Figures)
{
    /// <summary>The row's own label as printed: the section, or the group and item under 三.</summary>
    public string Label => Group is null ? Section : Item is null ? Group : $"{Group} {Item}";
    public int Total => Figures[AnnualReportFormat.TotalColumn];
}

/// <summary>One block of 表四: 行政复议, or 行政诉讼 未经复议直接起诉 / 复议后起诉, with <see cref="AnnualReportFormat.ReviewColumns"/>.</summary>
public sealed record ReviewReportRow(string Kind, string? SubKind, IReadOnlyList<int> Figures);

/// <summary>Something that makes the tables not add up, with the cases behind it (at most <see cref="AnnualReportQuery.ListedCases"/>).</summary>
public sealed record ReportProblem(string Message, int CaseCount, IReadOnlyList<ReportCaseRef> Cases);

public sealed record ReportCaseRef(int Id, string? CaseNumber, DateOnly ReceivedOn, DateOnly? RepliedOn, string? Outcome,
    ApplicantKind ApplicantKind, OrganizationKind? OrganizationKind);
