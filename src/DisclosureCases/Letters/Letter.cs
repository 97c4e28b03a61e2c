namespace DisclosureCases.Letters;

/// <summary>Where one letter stands. Only an issued letter is sent; an issued letter is never edited again.</summary>
public enum LetterStatus
{
    /// <summary>Being written by the 经办人.</summary>
    Draft,
    /// <summary>Submitted for 法制审核.</summary>
    InReview,
    /// <summary>Sent back by the 法制审核人员 with a comment; the 经办人 edits and submits again.</summary>
    Returned,
    /// <summary>Approved, with its 文号 and 成文日期; stored as merged, read-only.</summary>
    Issued,
    /// <summary>Issued once, then replaced by a correcting letter (<see cref="Letter.SupersededById"/>). Kept as it was.</summary>
    Superseded,
}

/// <summary>
/// One letter (文书) of a case: the document type it answers, the template version it is merged from (id, version,
/// content hash), the merged data as canonical JSON and the clerk's slot values, its review and, once issued, its
/// 文号 and 成文日期. An issued letter is <see cref="MergedLetter"/> (<see cref="Merged"/>): rendered again from the stored
/// template version it gives the same bytes, which <see cref="HtmlHash"/> and <see cref="DocxHash"/> record. A
/// correction is a new letter that <see cref="SupersedesId">supersedes</see> the issued one, never an edit of it.
/// </summary>
public class Letter
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }

    /// <summary>Document id of templates/catalog.yaml: <c>reply</c>, <c>correction-notice</c>, …</summary>
    public string DocumentId { get; set; } = "";
    /// <summary>The catalog's title, for lists: 政府信息公开申请答复书.</summary>
    public string Title { get; set; } = "";
    /// <summary>
    /// The case's document (文书 due) this letter answers. Null for a reply being drafted before approval: the workflow's
    /// <c>approve-reply</c> creates that document, and the approval links it.
    /// </summary>
    public int? CaseDocumentId { get; set; }
    public DisclosureCases.Domain.Cases.CaseDocument? CaseDocument { get; set; }
    /// <summary>The outcome the letter answers (replies and the 不再处理告知书), a code of workflows/outcomes.yaml.</summary>
    public string? Outcome { get; set; }

    public string TemplateId { get; set; } = "";
    public int TemplateVersion { get; set; }
    public string TemplateHash { get; set; } = "";
    /// <summary>
    /// <see cref="LetterData"/> as canonical JSON: as last merged while a draft, and frozen at issue (with the 文号 and date).
    /// </summary>
    public string DataJson { get; set; } = "";
    /// <summary>The clerk's slot values by slot name, as typed (JSON object).</summary>
    public string SlotsJson { get; set; } = "{}";

    /// <summary>The addressee when not the applicant (third party 第32条, other agency 第34条), as the clerk confirmed it.</summary>
    public string? RecipientName { get; set; }
    public bool RecipientIsOrganization { get; set; }
    public string? RecipientAddress { get; set; }
    public string? RecipientPostalCode { get; set; }

    public LetterStatus Status { get; set; }
    /// <summary>文号, given on approval.</summary>
    public string? Number { get; set; }
    /// <summary>成文日期, given on approval.</summary>
    public DateOnly? IssuedOn { get; set; }
    /// <summary>SHA-256 (hex) of the HTML and the DOCX as issued: a re-rendering must give the same.</summary>
    public string? HtmlHash { get; set; }
    public string? DocxHash { get; set; }

    /// <summary>The issued letter this one corrects; it becomes <see cref="LetterStatus.Superseded"/> when this one is issued.</summary>
    public int? SupersedesId { get; set; }
    public int? SupersededById { get; set; }

    /// <summary>The 法制审核人员's comment when the letter was last returned.</summary>
    public string? ReviewComment { get; set; }

    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? SubmittedByName { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Optimistic-concurrency token: every change increments it.</summary>
    public int Version { get; set; }

    /// <summary>The clerk may still change it.</summary>
    public bool IsEditable => Status is LetterStatus.Draft or LetterStatus.Returned;

    /// <summary>Issued or superseded: the stored merge is the letter.</summary>
    public bool WasIssued => Status is LetterStatus.Issued or LetterStatus.Superseded;

    /// <summary>What is stored for the letter: template id, version, hash and the merged data.</summary>
    public MergedLetter Merged() => new(TemplateId, TemplateVersion, TemplateHash, DataJson);
}
