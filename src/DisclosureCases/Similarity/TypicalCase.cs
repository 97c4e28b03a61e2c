namespace DisclosureCases.Similarity;

/// <summary>
/// A closed case a 法制审核人员 marked as 典型案例, with the 口径 (the reasoning to reuse) in a short note. Pushed first among
/// similar applications and listed on the library page. Withdrawing keeps the row (who, when, why): the record says what
/// clerks were shown and when.
/// </summary>
public class TypicalCase
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    /// <summary>答复口径: what to reuse from this case and why.</summary>
    public string Note { get; set; } = "";
    public string MarkedById { get; set; } = "";
    public string MarkedByName { get; set; } = "";
    public DateTimeOffset MarkedAt { get; set; }
    public string? WithdrawnByName { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    public bool Active => WithdrawnAt is null;
}
