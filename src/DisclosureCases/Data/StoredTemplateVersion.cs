using DisclosureCases.Letters;

namespace DisclosureCases.Data;

/// <summary>
/// One version of a letter template as the database keeps it: its exact text (never changed once stored), its hash,
/// who proposed it and who approved or returned it. Versions come from two places: the files under templates/ (seeded
/// at start-up as approved: they were reviewed like code) and the template library screens (proposed by a 法制审核人员
/// and approved by another). Letters name (id, version, hash), so an old letter renders from its own version for ever.
/// </summary>
public class StoredTemplateVersion
{
    public string TemplateId { get; set; } = "";
    public int Version { get; set; }
    public string Hash { get; set; } = "";
    public string Content { get; set; } = "";
    public TemplateApproval Approval { get; set; }
    /// <summary>True for a version seeded from templates/ID.hbs.</summary>
    public bool FromFile { get; set; }
    /// <summary>User id of the author (for the four-eyes rule), or <c>file</c>.</summary>
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    public string? ReviewerId { get; set; }
    public string? ReviewerName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewComment { get; set; }
    /// <summary>Optimistic-concurrency token: an approval and a return racing each other cannot both win.</summary>
    public int Revision { get; set; }

    public const string FileAuthor = "file";

    /// <summary>The version as the pure library model sees it (authors and reviewers by user id).</summary>
    public TemplateVersion ToVersion() =>
        new(TemplateId, Version, Hash, Content, Approval, AuthorId, ProposedAt, ReviewerId, ReviewedAt, ReviewComment);
}
