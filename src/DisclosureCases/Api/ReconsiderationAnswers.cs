namespace DisclosureCases.Api;

/// <summary>The answer to a notice: the 复议 case registered, the applications linked, its deadlines explained.</summary>
public sealed record NoticeAnswer(int ReviewCaseId, string Location, IReadOnlyList<string> LinkedCaseNumbers, IReadOnlyList<InboxResult.Deadline> Deadlines);

/// <summary>The answer to a decision: its result code (review-results.yaml) and each linked application's new reply deadline, if reopened.</summary>
public sealed record DecisionAnswer(int ReviewCaseId, string Location, string Result, IReadOnlyList<InboxResult.Application> Applications);
