namespace DisclosureCases.Domain.Audit;

/// <summary>
/// An entry of a hash-chained, append-only record: an application's <see cref="CaseEvent"/>s, or a review or
/// litigation case's <see cref="Reviews.ReviewEvent"/>s. <see cref="AuditChain"/> links and verifies any of them.
/// </summary>
public interface IChainedEvent
{
    /// <summary>Which chain the event belongs to, as hashed: a case's id, or <c>review-</c> and a review case's id, so
    /// that an event cannot be moved from one kind of record to the other with its hash intact.</summary>
    string ChainKey { get; }
    int AgencyId { get; }
    int Sequence { get; set; }
    DateTimeOffset At { get; set; }
    string ActorId { get; }
    string ActorName { get; }
    string Kind { get; }
    string? Trigger { get; }
    string? FromState { get; }
    string? ToState { get; }
    string Summary { get; }
    string Data { get; }
    string PreviousHash { get; set; }
    string Hash { get; set; }
}
