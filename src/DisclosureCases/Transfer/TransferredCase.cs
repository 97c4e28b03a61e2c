using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Similarity;

namespace DisclosureCases.Transfer;

/// <summary>
/// One case as a line of a JSONL file (<c>disclosure export</c> / <c>disclosure import</c>) and as the
/// <c>case.json</c> of an archive export. The format is documented in docs/jsonl-format.md; change both together.
/// Every property is nullable so that a missing value is reported by <see cref="TransferredCaseValidator"/> with the field's
/// name rather than by the JSON reader; derived values (deadlines, the concurrency version) are not part of it.
/// </summary>
public sealed class TransferredCase
{
    public const string FormatName = "disclosure-case/1";

    public string? Format { get; set; }
    public SourceRecord? Source { get; set; }
    public string? CaseNumber { get; set; }
    public WorkflowPin? Workflow { get; set; }
    public string? State { get; set; }
    public bool? Archived { get; set; }
    public Channel? Channel { get; set; }
    public DateOnly? ArrivedOn { get; set; }
    public DateOnly? ConfirmedOn { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public ApplicantRecord? Applicant { get; set; }
    public RequestRecord? Request { get; set; }
    public string? Handler { get; set; }
    public string? Outcome { get; set; }
    public string? OutcomeReasons { get; set; }
    public DateOnly? RepliedOn { get; set; }
    public DateOnly? CorrectionDue { get; set; }
    public DateOnly? FeeDue { get; set; }
    public DateOnly? DeferredReplyDue { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public List<ClockEventRecord>? ClockEvents { get; set; }
    public List<DocumentRecord>? Documents { get; set; }
    public List<MailingRecord>? Mailings { get; set; }
    /// <summary>Every 典型案例 mark of the case, withdrawn ones included, oldest first; left out when there is none.</summary>
    public List<TypicalRecord>? Typical { get; set; }
    public AuditRecord? Audit { get; set; }

    /// <summary>
    /// How the format is written: camelCase names, enums by name (integers refused), dates as YYYY-MM-DD, Chinese as
    /// text, absent values left out, unknown properties refused (a misspelt field is an error, not silently lost).
    /// The files are data, never embedded in a page, so quotes inside strings are written as " rather than the
    /// HTML-safe ".
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>The same, indented, for files people read (case.json of an archive).</summary>
    public static readonly JsonSerializerOptions IndentedJson = new(Json) { WriteIndented = true };

    /// <param name="typical">The case's 典型案例 marks (<see cref="TypicalCase"/>), in any order.</param>
    public static TransferredCase From(Case c, Agency agency, string? department, IEnumerable<CaseEvent> events, IEnumerable<TypicalCase> typical) => new()
    {
        Format = FormatName,
        Source = new SourceRecord { Agency = agency.Code, AgencyId = agency.Id, CaseId = c.Id },
        CaseNumber = c.CaseNumber,
        Workflow = new WorkflowPin { Id = c.WorkflowId, Version = c.WorkflowVersion, Hash = c.WorkflowHash },
        State = c.State,
        Archived = c.Archived,
        Channel = c.Channel,
        ArrivedOn = c.ArrivedOn,
        ConfirmedOn = c.ConfirmedOn,
        ReceivedOn = c.ReceivedOn,
        Applicant = new ApplicantRecord
        {
            Kind = c.Applicant.Kind,
            OrganizationKind = c.Applicant.OrganizationKind,
            Name = c.Applicant.Name,
            IdType = c.Applicant.IdType,
            IdNumber = c.Applicant.IdNumber,
            ContactPerson = c.Applicant.ContactPerson,
            Phone = c.Applicant.Phone,
            Email = c.Applicant.Email,
            Address = c.Applicant.Address,
            PostalCode = c.Applicant.PostalCode,
        },
        Request = new RequestRecord
        {
            Description = c.Description,
            Purpose = c.Purpose,
            ProvisionForm = c.ProvisionForm,
            DeliveryMethod = c.DeliveryMethod,
            Department = department,
        },
        Handler = c.HandlerName,
        Outcome = c.Outcome,
        OutcomeReasons = c.OutcomeReasons,
        RepliedOn = c.RepliedOn,
        CorrectionDue = c.CorrectionDue,
        FeeDue = c.FeeDue,
        DeferredReplyDue = c.DeferredReplyDue,
        ClosedOn = c.ClosedOn,
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
        UpdatedBy = c.UpdatedBy,
        // Clock events in the order the clocks replay them (date, then recording order).
        ClockEvents = c.ClockEvents.OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new ClockEventRecord { Kind = e.Kind, Date = e.Date, AnswerBy = e.AnswerBy, Note = e.Note }).ToList(),
        Documents = c.Documents.OrderBy(d => d.Id)
            .Select(d => new DocumentRecord { DocumentId = d.DocumentId, Title = d.Title, Status = d.Status, DueSince = d.DueSince, Trigger = d.Trigger }).ToList(),
        Mailings = c.Mailings.OrderBy(m => m.Id)
            .Select(m => new MailingRecord
            {
                Method = m.Method, TrackingNumber = m.TrackingNumber, PostedOn = m.PostedOn, DeliveredOn = m.DeliveredOn,
                ReturnedOn = m.ReturnedOn, ReturnReason = m.ReturnReason,
            }).ToList(),
        Typical = typical.OrderBy(t => t.MarkedAt).ThenBy(t => t.Id).Select(TypicalRecord.From).ToList() is { Count: > 0 } marks ? marks : null,
        Audit = new AuditRecord
        {
            Head = c.AuditHead,
            Count = c.AuditCount,
            Events = events.OrderBy(e => e.Sequence).Select(EventRecord.From).ToList(),
        },
    };
}

/// <summary>Where the record was exported from: the numbers the original audit hashes were computed over.</summary>
public sealed class SourceRecord
{
    /// <summary>The agency's code (<see cref="Agency.Code"/>); the import's default target agency.</summary>
    public string? Agency { get; set; }
    public int? AgencyId { get; set; }
    public int? CaseId { get; set; }
}

/// <summary>The workflow version the case is pinned to.</summary>
public sealed class WorkflowPin
{
    public string? Id { get; set; }
    public int? Version { get; set; }
    public string? Hash { get; set; }
}

public sealed class ApplicantRecord
{
    public ApplicantKind? Kind { get; set; }
    public OrganizationKind? OrganizationKind { get; set; }
    public string? Name { get; set; }
    public IdDocumentType? IdType { get; set; }
    public string? IdNumber { get; set; }
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
}

public sealed class RequestRecord
{
    public string? Description { get; set; }
    public string? Purpose { get; set; }
    public ProvisionForm? ProvisionForm { get; set; }
    public DeliveryMethod? DeliveryMethod { get; set; }
    /// <summary>The department's name; matched by name in the importing agency.</summary>
    public string? Department { get; set; }
}

public sealed class ClockEventRecord
{
    public string? Kind { get; set; }
    public DateOnly? Date { get; set; }
    public DateOnly? AnswerBy { get; set; }
    public string? Note { get; set; }
}

public sealed class DocumentRecord
{
    public string? DocumentId { get; set; }
    public string? Title { get; set; }
    public CaseDocumentStatus? Status { get; set; }
    public DateTimeOffset? DueSince { get; set; }
    public string? Trigger { get; set; }
}

public sealed class MailingRecord
{
    public string? Method { get; set; }
    public string? TrackingNumber { get; set; }
    public DateOnly? PostedOn { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? ReturnReason { get; set; }
}

/// <summary>
/// One 典型案例 mark: the 答复口径 and who marked it when, and — once withdrawn — who withdrew it, when and why. People are
/// named, not identified: user ids belong to the exporting system.
/// </summary>
public sealed class TypicalRecord
{
    public string? Note { get; set; }
    public string? MarkedBy { get; set; }
    public DateTimeOffset? MarkedAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    public static TypicalRecord From(TypicalCase t) => new()
    {
        Note = t.Note, MarkedBy = t.MarkedByName, MarkedAt = t.MarkedAt, WithdrawnBy = t.WithdrawnByName, WithdrawnAt = t.WithdrawnAt,
        WithdrawnReason = t.WithdrawnReason,
    };

    /// <summary>
    /// The mark as stored for the imported case. <see cref="TypicalCase.MarkedById"/> is left empty: the importing system
    /// does not know the exporting system's users; the name is kept.
    /// </summary>
    public TypicalCase ToTypicalCase(int caseId, int agencyId) => new()
    {
        AgencyId = agencyId, CaseId = caseId, Note = Note ?? "", MarkedById = "", MarkedByName = MarkedBy ?? "",
        MarkedAt = (MarkedAt ?? default).ToUniversalTime(), WithdrawnByName = WithdrawnBy, WithdrawnAt = WithdrawnAt?.ToUniversalTime(),
        WithdrawnReason = WithdrawnReason,
    };
}

/// <summary>The case's audit chain as it stood at export: head, length and every event with its original hashes.</summary>
public sealed class AuditRecord
{
    public string? Head { get; set; }
    public int? Count { get; set; }
    public List<EventRecord>? Events { get; set; }
}

/// <summary>One audit event. <see cref="Data"/> is the stored JSON text, kept as a string because the hash covers its exact characters.</summary>
public sealed class EventRecord
{
    public int? Sequence { get; set; }
    public DateTimeOffset? At { get; set; }
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }
    public string? Kind { get; set; }
    public string? Trigger { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string? Summary { get; set; }
    public string? Data { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }

    public static EventRecord From(CaseEvent e) => new()
    {
        Sequence = e.Sequence, At = e.At, ActorId = e.ActorId, ActorName = e.ActorName, Kind = e.Kind, Trigger = e.Trigger,
        FromState = e.FromState, ToState = e.ToState, Summary = e.Summary, Data = e.Data, PreviousHash = e.PreviousHash, Hash = e.Hash,
    };

    /// <summary>The event as stored under <paramref name="caseId"/> and <paramref name="agencyId"/>, hashes as recorded.</summary>
    public CaseEvent ToEvent(int caseId, int agencyId) => new()
    {
        CaseId = caseId, AgencyId = agencyId, Sequence = Sequence ?? 0, At = At ?? default, ActorId = ActorId ?? "", ActorName = ActorName ?? "",
        Kind = Kind ?? "", Trigger = Trigger, FromState = FromState, ToState = ToState, Summary = Summary ?? "", Data = Data ?? "",
        PreviousHash = PreviousHash ?? "", Hash = Hash ?? "",
    };
}
