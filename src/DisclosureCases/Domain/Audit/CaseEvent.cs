namespace DisclosureCases.Domain.Audit;

/// <summary>
/// One entry of a case's append-only record (全程留痕、可追溯, 条例第45条): who, when, what, with before and after values.
/// Each event stores the hash of the one before it on the same case, so an edit, a removal or a reordering breaks
/// the chain (<see cref="AuditChain.Verify"/>). Nothing in the application updates or deletes an event.
/// </summary>
public class CaseEvent : IChainedEvent
{
    /// <summary>The case id in invariant digits: what the chain has always hashed for an application's events.</summary>
    string IChainedEvent.ChainKey => CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public long Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    /// <summary>1, 2, 3 … within the case.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary><see cref="CaseEventKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public string? Trigger { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    /// <summary>One line for the timeline, in Chinese.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Inputs and field changes as JSON: <c>{"inputs":{…},"changes":[{"field":…,"before":…,"after":…}]}</c>.</summary>
    public string Data { get; set; } = "{}";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public static class CaseEventKinds
{
    public const string Created = "created";
    public const string Transition = "transition";
    public const string Edited = "edited";
    public const string DeadlinesMoved = "deadlines-moved";
    public const string Exported = "exported";
    /// <summary>Appended when a case is brought in by <c>disclosure import</c>, after its re-linked original events.</summary>
    public const string Imported = "imported";
    /// <summary>A letter (文书) submitted, returned, issued or superseded.</summary>
    public const string Letter = "letter";
    /// <summary>
    /// An evidence package (证据清单) was built from the case for a 行政复议 or 行政诉讼 answer. The package's own extract
    /// of the record ends before such events, so building it again from unchanged data gives the same bytes.
    /// </summary>
    public const string Evidence = "evidence";
    /// <summary>A partner system (the 行政复议机关's) fetched the case file or sent a notice or decision about it.</summary>
    public const string Partner = "partner";
    /// <summary>A 行政复议 or 行政诉讼 case linked to the application, decided on it, or reopening it.</summary>
    public const string Review = "review";
    /// <summary>Marked as 典型案例 by a 法制审核人员, or the marking withdrawn.</summary>
    public const string Typical = "typical";
    /// <summary>A 依申请转主动公开 suggestion holding the case was accepted or dismissed (条例第44条).</summary>
    public const string Proactive = "proactive";
}

/// <summary>A field's value before and after a change, as recorded in <see cref="CaseEvent.Data"/>.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
