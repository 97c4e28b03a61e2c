namespace DisclosureCases.Proactive;

/// <summary>
/// <c>Proactive</c> in appsettings: when released requests become a 依申请转主动公开 suggestion (条例第44条). The law says
/// "多个申请人" without a number, so the minimum is a setting.
/// </summary>
public sealed class ProactiveOptions : Web.IHasProblems
{
    public const string Section = "Proactive";

    /// <summary>Distinct applicants the information must have been released to (default 3).</summary>
    public int MinimumApplicants { get; set; } = 3;

    /// <summary>Jaccard similarity of the requests' character trigrams at or above which two requests ask for the same
    /// information (default 0.8; see <see cref="ShingleGrouping"/>). Lower values join requests that differ only in
    /// the place or project they name when the rest of the wording is long and the same.</summary>
    public double Similarity { get; set; } = 0.8;

    /// <summary>Words dropped before comparing because every request uses them (appsettings.json: 申请公开, 请提供 …).</summary>
    public List<string> IgnoredWords { get; set; } = [];

    /// <summary>Treat every run of digits as the same (years, dates, numbers): off by default.</summary>
    public bool IgnoreNumbers { get; set; }

    /// <summary>
    /// The outcomes (codes of <c>workflows/outcomes.yaml</c>) that released information on request. Set in appsettings.json:
    /// 予以公开 (<c>disclose</c>) and 部分公开 (<c>partial</c>); not <c>disclose-published</c>, whose information is public already.
    /// </summary>
    public List<string> ReleasedOutcomes { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        if (MinimumApplicants < 2) yield return $"Proactive:MinimumApplicants 应为不小于2的整数（多个申请人，条例第44条），而不是{MinimumApplicants}";
        if (Similarity is <= 0 or > 1) yield return $"Proactive:Similarity 应在0（不含）到1之间，而不是{Similarity}";
        if (ReleasedOutcomes.Count == 0) yield return "Proactive:ReleasedOutcomes 应列出至少一个答复结果代码（workflows/outcomes.yaml）";
    }
}
