using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Similarity;

/// <summary>What to find similar applications for.</summary>
/// <param name="Text">The request text (名称、文号或特征性描述) as typed.</param>
/// <param name="ApplicantIdNumber">The applicant's ID number or credit code: the same applicant's cases are lifted and
/// always considered, so that a repeat is found whatever the index returns.</param>
/// <param name="DepartmentId">The handling department, lifted when it matches.</param>
/// <param name="ExcludeCaseId">The case being handled, never similar to itself.</param>
/// <param name="AgencyId">Narrows an installation-wide context (the command line) to one agency; a web request's context
/// is already scoped to the user's agency.</param>
/// <param name="Candidates">How many candidates the index returns for re-ranking (and of the applicant's own cases).</param>
/// <param name="UseKept">For <paramref name="ExcludeCaseId"/>'s own text, start from its kept candidates
/// (<see cref="StoredCandidates"/>) if it has them, instead of a search of every case.</param>
public sealed record SimilarQuery(string Text, string? ApplicantIdNumber = null, int? DepartmentId = null, int? ExcludeCaseId = null,
    int Top = 10, int? AgencyId = null, int Candidates = SimilarCases.CandidateLimit, bool UseKept = true);

/// <summary>One similar past application as the clerk sees it; <paramref name="Pieces"/> is its description cut into
/// the stretches it shares with the query and the rest (<see cref="MatchedText.Pieces"/>).</summary>
public sealed record SimilarCase(
    int CaseId,
    string? CaseNumber,
    DateOnly ReceivedOn,
    ApplicantKind ApplicantKind,
    OrganizationKind? OrganizationKind,
    string? Outcome,
    DateOnly? RepliedOn,
    int? ReplyLetterId,
    string? ReplyNumber,
    string Description,
    double Score,
    double TextScore,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<MatchReason> Reasons,
    string? TypicalNote,
    IReadOnlyList<TextPiece> Pieces)
{
    public bool Typical => Reasons.Contains(MatchReason.Typical);
    public bool SameApplicant => Reasons.Contains(MatchReason.SameApplicant);
}
