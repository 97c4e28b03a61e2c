namespace DisclosureCases.Api;

/// <summary>
/// One call to the JSON API, kept whatever its outcome (条例第45条 全程留痕 also covers what left through the API): who
/// called, what, the answer and how long it took. No personal data: the path holds at most a case number.
/// </summary>
public class ApiCall
{
    public long Id { get; set; }
    /// <summary>Null when the key was missing or unknown.</summary>
    public int? PartnerId { get; set; }
    public string? PartnerName { get; set; }
    /// <summary>The partner's agency; null when no partner was recognised.</summary>
    public int? AgencyId { get; set; }
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public int Status { get; set; }
    public int DurationMs { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The application or 复议 case number the call was about, if any.</summary>
    public string? CaseNumber { get; set; }
}
