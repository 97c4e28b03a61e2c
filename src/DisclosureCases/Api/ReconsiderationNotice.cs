using System.ComponentModel;

namespace DisclosureCases.Api;

/// <summary>
/// 行政复议受理通知: the 复议机关 tells the agency that a 复议 application about one or more of its replies was accepted
/// (行政复议法第48条: the respondent then has 10 days from receiving the copy to answer and submit its evidence).
/// </summary>
[Description("行政复议受理通知 / Notice of an accepted administrative reconsideration")]
public sealed class ReconsiderationNotice
{
    [Description("复议机关 / The reconsideration body, e.g. 上海市静安区人民政府")]
    public string? ReviewBody { get; set; }

    [Description("复议机关的案号 / The body's case number, e.g. 静府复字〔2026〕第12号")]
    public string? BodyCaseNumber { get; set; }

    [Description("复议申请人 / The applicant for reconsideration")]
    public string? Applicant { get; set; }

    [Description("被申请复议的答复所属申请的文号（一个或多个） / Case numbers of the applications whose replies are challenged")]
    public List<string>? ChallengedCaseNumbers { get; set; }

    [Description("复议申请日期 / Date the reconsideration was applied for (yyyy-MM-dd)")]
    public DateOnly? ApplicationDate { get; set; }

    [Description("受理日期 / Date of acceptance (yyyy-MM-dd)")]
    public DateOnly? AcceptanceDate { get; set; }

    [Description("本机关收到复议申请书副本之日 / Date the agency received the copy of the application (yyyy-MM-dd)")]
    public DateOnly? CopyReceivedDate { get; set; }

    [Description("是否适用简易程序（行政复议法第53条） / Simplified procedure")]
    public bool? SimplifiedProcedure { get; set; }
}
