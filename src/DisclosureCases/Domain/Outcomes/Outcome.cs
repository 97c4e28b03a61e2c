namespace DisclosureCases.Domain.Outcomes;

/// <summary>
/// One way a case can end (答复结果): the reply types of 条例第36–39条 plus the closures of 第30、42条. Each outcome
/// counts in exactly one row of the annual report's 表三 (DOMAIN.md §3); that mapping is data in
/// <c>workflows/outcomes.yaml</c>, not code, because it is the common reading of 国办公开办函〔2021〕30号 rather than a quoted rule.
/// </summary>
/// <param name="Code">Stable kebab-case code stored on cases, e.g. <c>withhold-third-party</c>.</param>
/// <param name="Label">The Chinese name shown to users.</param>
/// <param name="Basis">Article and item the reply cites, e.g. <c>第36条（一）</c>; null where DOMAIN.md names none
/// (<c>reject-confirmation</c>, <c>other</c>).</param>
/// <param name="ReportGroup">表三 group label verbatim, e.g. <c>（三）不予公开</c>.</param>
/// <param name="ReportItem">表三 item label verbatim, e.g. <c>4.保护第三方合法权益</c>; null for the groups that have no
/// items (（一）予以公开, （二）部分公开…).</param>
/// <param name="Refusal">Whether the reply refuses all or part of what was asked.</param>
/// <param name="Line">Line of the entry in its file, for messages that point back at the data.</param>
public sealed record Outcome(
    string Code,
    string Label,
    string? Basis,
    string ReportGroup,
    string? ReportItem,
    RefusalKind Refusal,
    int Line)
{
    /// <summary>
    /// The row as the report prints it: the group, then the item after one space, exactly as DOMAIN.md §3's table
    /// writes it (<c>（三）不予公开 4.保护第三方合法权益</c>).
    /// </summary>
    public string ReportRow => ReportItem is null ? ReportGroup : $"{ReportGroup} {ReportItem}";

    /// <summary>
    /// A refusal or partial refusal: the reply must state the reasons for what it withholds (DOMAIN.md §5;
    /// 条例第36条（三）, 第37条), and a letter without them must not be issuable.
    /// </summary>
    public bool RequiresReasons => Refusal != RefusalKind.None;
}

/// <summary>How much of the request an outcome refuses. Spelt <c>none</c>, <c>partial</c>, <c>full</c> in the data file.</summary>
public enum RefusalKind
{
    None,
    Partial,
    Full,
}
