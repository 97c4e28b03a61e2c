using System.ComponentModel;

namespace DisclosureCases.Api;

/// <summary>行政复议决定: the 复议机关's decision on a 复议 case it notified earlier.</summary>
[Description("行政复议决定 / The decision of an administrative reconsideration")]
public sealed class ReconsiderationDecision
{
    [Description("决定日期 / Date of the decision (yyyy-MM-dd)")]
    public DateOnly? DecisionDate { get; set; }

    [Description("本机关收到决定书之日 / Date the decision was served on the agency (yyyy-MM-dd)")]
    public DateOnly? ServedDate { get; set; }

    [Description("决定结果：变更、撤销、确认违法、履行、确认无效、维持、驳回 / Result (行政复议法第63—69条)")]
    public string? Result { get; set; }

    [Description("是否责令重新答复 / Whether the agency is ordered to reply again")]
    public bool? OrdersNewReply { get; set; }

    [Description("决定内容摘要 / What the decision says, in short")]
    public string? Content { get; set; }

    /// <summary>
    /// The results a decision can have (行政复议法第63条变更, 第64条撤销/确认违法, 第66条履行, 第67条确认无效, 第68条维持,
    /// 第69条驳回). Part of the API contract with the 复议机关's system, as the OpenAPI document states them.
    /// </summary>
    public static readonly IReadOnlyList<string> Results = ["变更", "撤销", "确认违法", "履行", "确认无效", "维持", "驳回"];

    /// <summary>
    /// The result as a code of <c>workflows/review-results.yaml</c>: 撤销 with a new reply ordered is 撤销并责令重作
    /// (revoke-and-redo), 履行 always orders one (perform), 驳回 is 驳回复议请求. Null for a combination the law does not
    /// have (a new reply ordered with anything but 撤销 or 履行, or 履行 without one): the validator refuses it.
    /// </summary>
    public static string? ResultCode(string? result, bool ordersNewReply) => (result, ordersNewReply) switch
    {
        ("撤销", true) => "revoke-and-redo",
        ("履行", true) => "perform",
        (_, true) => null,
        ("变更", false) => "change",
        ("撤销", false) => "revoke",
        ("确认违法", false) => "confirm-illegal",
        ("确认无效", false) => "confirm-void",
        ("维持", false) => "uphold",
        ("驳回", false) => "dismiss-claim",
        _ => null,
    };
}
