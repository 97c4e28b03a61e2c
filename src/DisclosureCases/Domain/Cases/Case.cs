namespace DisclosureCases.Domain.Cases;

/// <summary>
/// One application for government information (依申请公开) from receipt to archive. Its state is the workflow's;
/// its deadlines are computed from its <see cref="CaseClockEvent"/>s, never stored as truth (the stored due dates are
/// a derived index for lists and sweeps, rewritten after every transition).
/// </summary>
public class Case
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int? DepartmentId { get; set; }

    /// <summary>Assigned at registration in the agency's format, e.g. 静规资信〔2026〕第0123号.</summary>
    public string? CaseNumber { get; set; }

    // Workflow pinning: the definition version the case started on (id + version + content hash).
    public string WorkflowId { get; set; } = "";
    public int WorkflowVersion { get; set; }
    public string WorkflowHash { get; set; } = "";
    public string State { get; set; } = "";

    public Channel Channel { get; set; }
    /// <summary>The day the application physically or electronically arrived.</summary>
    public DateOnly ArrivedOn { get; set; }
    /// <summary>Signed-for (邮寄) or confirmed (平常信函, 网上, 传真, 电子邮件) date, where the channel needs one.</summary>
    public DateOnly? ConfirmedOn { get; set; }
    /// <summary>收到申请之日 (条例第31条), derived from the channel by <see cref="ReceiptDateRule"/>.</summary>
    public DateOnly ReceivedOn { get; set; }

    public Applicant Applicant { get; set; } = new();

    /// <summary>名称、文号或特征性描述 of the information requested (条例第29条).</summary>
    public string Description { get; set; } = "";
    public string? Purpose { get; set; }
    public ProvisionForm ProvisionForm { get; set; }
    public DeliveryMethod DeliveryMethod { get; set; }

    public string? HandlerId { get; set; }
    public string? HandlerName { get; set; }

    /// <summary>Outcome code from workflows/outcomes.yaml, set by the reply.</summary>
    public string? Outcome { get; set; }
    public string? OutcomeReasons { get; set; }
    public DateOnly? RepliedOn { get; set; }
    /// <summary>The correction period given to the applicant (条例第30条), while a correction is awaited.</summary>
    public DateOnly? CorrectionDue { get; set; }
    /// <summary>The payment period of a fee notice (条例第42条).</summary>
    public DateOnly? FeeDue { get; set; }
    /// <summary>The reasonable later reply date set for an excessive request whose reasons were accepted (条例第35条).</summary>
    public DateOnly? DeferredReplyDue { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public bool Archived { get; set; }

    /// <summary>Earliest running deadline and the reply deadline (derived; see class remarks).</summary>
    public DateOnly? NextDue { get; set; }
    public string? NextDueKey { get; set; }
    public DateOnly? ReplyDue { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Optimistic-concurrency token: every change increments it; a stale edit is refused.</summary>
    public int Version { get; set; }

    /// <summary>Head of this case's audit hash chain and its length, so a removed tail is detected.</summary>
    public string AuditHead { get; set; } = "";
    public int AuditCount { get; set; }

    public List<CaseClockEvent> ClockEvents { get; set; } = [];
    public List<CaseDocument> Documents { get; set; } = [];
    public List<Mailing> Mailings { get; set; } = [];
}

/// <summary>The applicant as 条例第29条 requires: name, identity document, contacts.</summary>
public class Applicant
{
    public ApplicantKind Kind { get; set; }
    public OrganizationKind? OrganizationKind { get; set; }
    public string Name { get; set; } = "";
    public IdDocumentType IdType { get; set; }
    public string IdNumber { get; set; } = "";
    /// <summary>法定代表人 or contact person for an organisation.</summary>
    public string? ContactPerson { get; set; }
    public string Phone { get; set; } = "";
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
}

/// <summary>A dated event that drives the case's statutory clocks (see Domain/Clocks).</summary>
public class CaseClockEvent
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string Kind { get; set; } = "";
    public DateOnly Date { get; set; }
    public DateOnly? AnswerBy { get; set; }
    public string? Note { get; set; }
}

/// <summary>A document (文书) the case needs; letters themselves are produced from templates.</summary>
public class CaseDocument
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    /// <summary>Document id from templates/catalog.yaml.</summary>
    public string DocumentId { get; set; } = "";
    public string Title { get; set; } = "";
    public CaseDocumentStatus Status { get; set; }
    public DateTimeOffset DueSince { get; set; }
    public string? Trigger { get; set; }
}

public enum CaseDocumentStatus { Due, Issued }

/// <summary>One dispatch of a reply: method, tracking number, dates, and a return if the post came back.</summary>
public class Mailing
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string Method { get; set; } = "";
    public string? TrackingNumber { get; set; }
    public DateOnly? PostedOn { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? ReturnReason { get; set; }
}
