using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Reports;

/// <summary>
/// The labels of 政府信息公开工作年度报告 表三 and 表四 (国办公开办函〔2021〕30号), verbatim from DOMAIN.md §3 — a test
/// compares them with that file. The rows of 三、本年度办理结果 are not here: they are data (<c>workflows/outcomes.yaml</c>).
/// </summary>
public static class AnnualReportFormat
{
    public const string Received = "一、本年新收政府信息公开申请数量";
    public const string CarriedOver = "二、上年结转政府信息公开申请数量";
    public const string Results = "三、本年度办理结果";
    public const string ResultsTotal = "（七）总计";
    public const string CarriedForward = "四、结转下年度继续办理";

    public const string NaturalPerson = "自然人";
    public const string Organization = "法人或其他组织";
    public const string Total = "总计";

    /// <summary>The sub-columns of 法人或其他组织, in the report's order (one per <see cref="OrganizationKind"/>).</summary>
    public static readonly IReadOnlyList<(OrganizationKind Kind, string Label)> OrganizationColumns =
    [
        (OrganizationKind.Commercial, "商业企业"),
        (OrganizationKind.Research, "科研机构"),
        (OrganizationKind.PublicWelfare, "社会公益组织"),
        (OrganizationKind.LegalService, "法律服务机构"),
        (OrganizationKind.Other, "其他"),
    ];

    /// <summary>The seven figure columns as printed left to right: 自然人, the five organisation kinds, 总计.</summary>
    public static readonly IReadOnlyList<string> FigureColumns =
        [NaturalPerson, .. OrganizationColumns.Select(c => c.Label), Total];

    public const int TotalColumn = 6;

    /// <summary>
    /// The figure column an applicant counts in, or null for a 法人或其他组织 whose kind was never recorded (it still
    /// counts in 总计, and the report names it as a problem instead of guessing a column).
    /// </summary>
    public static int? ColumnOf(ApplicantKind kind, OrganizationKind? organization) => kind switch
    {
        ApplicantKind.NaturalPerson => 0,
        _ when organization is { } k => 1 + OrganizationColumns.Select(c => c.Kind).ToList().IndexOf(k),
        _ => null,
    };

    // 表四 ---------------------------------------------------------------------------------------------------------
    public const string Review = "行政复议";
    public const string Litigation = "行政诉讼";
    public const string DirectSuit = "未经复议直接起诉";
    public const string SuitAfterReview = "复议后起诉";

    /// <summary>The five columns each of 行政复议, 未经复议直接起诉 and 复议后起诉 has.</summary>
    public static readonly IReadOnlyList<string> ReviewColumns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
}
