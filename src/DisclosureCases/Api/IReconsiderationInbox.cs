namespace DisclosureCases.Api;

/// <summary>
/// Where the 复议机关's notices and decisions go once the API has checked them. The API owns the contract (payloads,
/// validation, authentication, logging); the inbox owns what a notice or a decision does to our data.
/// </summary>
public interface IReconsiderationInbox
{
    /// <summary>A 复议 case was accepted about the replies to <see cref="ReconsiderationNotice.ChallengedCaseNumbers"/> (all exist in <paramref name="agencyId"/>).</summary>
    Task<InboxResult> NotifyAsync(ReconsiderationNotice notice, int agencyId, Web.Identity.Actor partner, CancellationToken ct);

    /// <summary>The 复议 case <paramref name="bodyCaseNumber"/> was decided.</summary>
    Task<InboxResult> RecordDecisionAsync(string bodyCaseNumber, ReconsiderationDecision decision, int agencyId, Web.Identity.Actor partner,
        CancellationToken ct);
}

/// <summary>What the inbox did with a notice or decision.</summary>
public abstract record InboxResult
{
    /// <summary>Taken in (202): recorded on <paramref name="CaseNumbers"/>; <paramref name="Location"/> is where the 复议 case can be read, if anywhere.</summary>
    public sealed record Accepted(IReadOnlyList<string> CaseNumbers, string? Location) : InboxResult;

    /// <summary>No such 复议 case (404).</summary>
    public sealed record NotFound(string Message) : InboxResult;

    /// <summary>Refused (400 or 409), nothing stored: problems by field.</summary>
    public sealed record Refused(int Status, IDictionary<string, string[]> Problems) : InboxResult;
}
