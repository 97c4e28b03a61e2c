namespace DisclosureCases.Letters;

/// <summary>What a merged field holds: plain text, an ISO date shown as 2026年11月2日, a yes/no flag, or a list.</summary>
public enum LetterFieldKind
{
    Text,
    Date,
    Flag,
    List,
}

/// <summary>
/// A merged field a template may print with <c>{{agency.name}}</c> (or <c>{{date case.receivedOn}}</c> for a date):
/// a value the system knows, as opposed to a slot the clerk fills. The label is what a preview shows in place of a
/// value that is still missing (【文号】) and what <see cref="LetterDraft.MissingFields"/> reports.
/// </summary>
public sealed record LetterField(string Path, string Label, LetterFieldKind Kind);

/// <summary>
/// Every merged field, by the path templates use. The template linter rejects any other path, so a typo in a template
/// fails <c>disclosure templates check</c> rather than printing an empty gap in a letter.
/// </summary>
public static class LetterFields
{
    public static readonly IReadOnlyList<LetterField> All =
    [
        new("agency.name", "机关名称", LetterFieldKind.Text),
        new("agency.sealText", "印章", LetterFieldKind.Text),
        new("agency.reviewBody", "复议机关", LetterFieldKind.Text),
        new("agency.court", "管辖法院", LetterFieldKind.Text),
        new("agency.address", "机关地址", LetterFieldKind.Text),
        new("agency.phone", "机关联系电话", LetterFieldKind.Text),
        new("agency.isVertical", "是否垂直管理", LetterFieldKind.Flag),

        new("applicant.name", "申请人", LetterFieldKind.Text),
        new("applicant.you", "对申请人的称谓", LetterFieldKind.Text),
        new("applicant.isOrganization", "申请人是否为法人或其他组织", LetterFieldKind.Flag),
        new("applicant.address", "申请人地址", LetterFieldKind.Text),
        new("applicant.postalCode", "申请人邮政编码", LetterFieldKind.Text),
        new("applicant.phone", "申请人联系电话", LetterFieldKind.Text),

        new("case.number", "登记编号", LetterFieldKind.Text),
        new("case.receivedOn", "收到申请日期", LetterFieldKind.Date),
        new("case.request", "申请内容", LetterFieldKind.Text),
        new("case.extendedReplyDue", "延长后的答复期限", LetterFieldKind.Date),
        new("case.correctionDue", "补正期限", LetterFieldKind.Date),
        new("case.correctionReceivedOn", "收到补正申请日期", LetterFieldKind.Date),
        new("case.feeDue", "缴费期限", LetterFieldKind.Date),
        new("case.deferredReplyDue", "延迟答复期限", LetterFieldKind.Date),
        new("case.withdrawnOn", "撤回申请日期", LetterFieldKind.Date),

        new("outcome.code", "答复结果代码", LetterFieldKind.Text),
        new("outcome.label", "答复结果", LetterFieldKind.Text),
        new("outcome.basis", "答复依据", LetterFieldKind.Text),

        new("recipient.name", "收件人（第三方或其他机关）", LetterFieldKind.Text),
        new("recipient.you", "对收件人的称谓", LetterFieldKind.Text),
        new("recipient.isOrganization", "收件人是否为单位", LetterFieldKind.Flag),
        new("recipient.address", "收件人地址", LetterFieldKind.Text),
        new("recipient.postalCode", "收件人邮政编码", LetterFieldKind.Text),

        new("mailing.method", "邮寄方式", LetterFieldKind.Text),
        new("mailing.trackingNumber", "邮件号", LetterFieldKind.Text),
        new("mailing.postedOn", "交寄日期", LetterFieldKind.Date),
        new("mailing.enclosures", "寄送文书", LetterFieldKind.List),

        new("letter.number", "文号", LetterFieldKind.Text),
        new("letter.issuedOn", "成文日期", LetterFieldKind.Date),
    ];

    static readonly Dictionary<string, LetterField> ByPath = All.ToDictionary(f => f.Path, StringComparer.Ordinal);

    /// <summary>The field at this path, or null. Slot values (<c>slots.reasons</c>) are not fields.</summary>
    public static LetterField? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The top-level names of the merge model: <c>agency</c>, <c>case</c>, … and <c>slots</c>.</summary>
    public static IReadOnlySet<string> Roots { get; } =
        All.Select(f => f.Path[..f.Path.IndexOf('.')]).Append("slots").ToHashSet(StringComparer.Ordinal);
}
