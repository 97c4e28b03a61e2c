namespace DisclosureCases.Proactive;

/// <summary>
/// A 依申请转主动公开 suggestion (条例第44条): a group of released cases that asked for the same information, and the
/// reviewer's decision on it — accepted (with where it will be published) or dismissed (with the reason), by whom, when.
/// A decided suggestion is never changed again; its cases keep it off the list until a new case joins the group.
/// </summary>
public class ProactiveSuggestion
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Dismissed = "dismissed";

    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The proposed title: the request text the cases use most often.</summary>
    public string Title { get; set; } = "";
    /// <summary><see cref="Open"/>, <see cref="Accepted"/> or <see cref="Dismissed"/>.</summary>
    public string Status { get; set; } = Open;
    /// <summary>Distinct applicants behind the cases when the group was last computed.</summary>
    public int ApplicantCount { get; set; }
    public DateTimeOffset FoundAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Accepted: where and how it will be published; dismissed: why not.</summary>
    public string? Note { get; set; }
    /// <summary>Optimistic concurrency: a second decision on the same suggestion is refused.</summary>
    public int Version { get; set; }
    public List<ProactiveSuggestionCase> Cases { get; set; } = [];

    public string StatusText => Status switch
    {
        Accepted => "已采纳",
        Dismissed => "不予采纳",
        _ => "待处理",
    };
}

/// <summary>A case behind a suggestion.</summary>
public class ProactiveSuggestionCase
{
    public int SuggestionId { get; set; }
    public int CaseId { get; set; }
}
