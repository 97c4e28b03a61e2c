using System.Globalization;
using DisclosureCases.Domain.Audit;

namespace DisclosureCases.Domain.Reviews;

/// <summary>
/// One entry of a review case's append-only record, hash-chained per review case exactly as an application's
/// <see cref="CaseEvent"/>s are (docs/decisions/0004, 0007). Nothing updates or deletes one.
/// </summary>
public class ReviewEvent : IChainedEvent
{
    public long Id { get; set; }
    public int ReviewCaseId { get; set; }
    public int AgencyId { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary><see cref="ReviewEventKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public string? Trigger { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string Summary { get; set; } = "";
    public string Data { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    string IChainedEvent.ChainKey => "review-" + ReviewCaseId.ToString(CultureInfo.InvariantCulture);
}

public static class ReviewEventKinds
{
    public const string Created = "created";
    public const string Transition = "transition";
    /// <summary>An application linked to the review case.</summary>
    public const string Linked = "linked";
    /// <summary>报备 to the 政务公开主管部门.</summary>
    public const string Reported = "reported";
    /// <summary>A linked application reopened by the decision.</summary>
    public const string Reopened = "reopened";
    /// <summary>A follow-on case (复议后起诉, 上诉) was created from this one.</summary>
    public const string FollowedBy = "followed-by";
}
