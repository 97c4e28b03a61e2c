using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Similarity;

namespace DisclosureCases.Pages.Cases;

/// <summary>What <c>_SimilarCases.cshtml</c> shows: the hits for a query text.</summary>
public sealed record SimilarCasesView(string Query, IReadOnlyList<SimilarCase> Hits, OutcomeCatalog Outcomes)
{
    public static string ReasonText(MatchReason reason) => reason switch
    {
        MatchReason.SharedTerms => "内容相近",
        MatchReason.SameApplicant => "同一申请人",
        MatchReason.SameDepartment => "同一承办科室",
        MatchReason.Typical => "典型案例",
        _ => reason.ToString(),
    };

    public string OutcomeText(string? outcome) => outcome is null ? "办理中" : Outcomes.Find(outcome)?.Label ?? outcome;
}
