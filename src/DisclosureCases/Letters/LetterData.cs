using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;

namespace DisclosureCases.Letters;

/// <summary>
/// Everything merged into one letter: a snapshot of the agency's settings, the case facts, the outcome, the clerk's
/// slot values and, once issued, the 文号 and date. Stored as JSON in <see cref="MergedLetter"/>, so a letter can be
/// rendered again years later exactly as issued, whatever the agency's settings have become since.
/// </summary>
public sealed record LetterData
{
    public required AgencySettings Agency { get; init; }
    public required ApplicantFacts Applicant { get; init; }
    public required CaseFacts Case { get; init; }
    /// <summary>The case's outcome, for replies and the 不再处理告知书; null for letters written before the reply.</summary>
    public OutcomeFacts? Outcome { get; init; }
    /// <summary>The third party (第32条) or other agency (第34条) a letter is addressed to, when it is not the applicant.</summary>
    public RecipientFacts? Recipient { get; init; }
    public MailingFacts? Mailing { get; init; }
    /// <summary>文号 and date: set when the letter is approved and issued; empty in a draft.</summary>
    public LetterFacts Letter { get; init; } = new();
    /// <summary>The clerk's slot values by slot name.</summary>
    public IReadOnlyDictionary<string, string> Slots { get; init; } = new Dictionary<string, string>();

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Stored and compared, never embedded in a page, so Chinese is kept readable instead of \uXXXX-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    /// <summary>
    /// The canonical JSON of this data: camelCase, slots sorted by name, line breaks as <c>\n</c>, and the two
    /// private-use characters the renderer uses as placeholder marks removed. Equal data gives equal text.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(Canonical(), Json);

    /// <summary>Reads data written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not letter data.</exception>
    public static LetterData FromJson(string json) =>
        (JsonSerializer.Deserialize<LetterData>(json, Json) ?? throw new JsonException("letter data is null")).Canonical();

    /// <summary>A copy with the slot values set (empty or blank values are dropped: an empty slot is a missing slot).</summary>
    public LetterData WithSlots(IReadOnlyDictionary<string, string> slots) => this with { Slots = slots };

    LetterData Canonical() => this with
    {
        Slots = new SortedDictionary<string, string>(
            Slots.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
                 .ToDictionary(kv => kv.Key, kv => Clean(kv.Value)!.Trim('\n', ' ')),
            StringComparer.Ordinal),
    };

    /// <summary>Line breaks as <c>\n</c>; U+E000 and U+E001 removed (they mark placeholders inside the renderer).</summary>
    internal static string? Clean(string? text) =>
        text?.ReplaceLineEndings("\n").Replace(LetterMarks.Open.ToString(), "").Replace(LetterMarks.Close.ToString(), "");
}

/// <summary>
/// The agency settings a letter prints (Domain/Cases/Agency.cs), copied at merge time. The remedies clause names
/// <see cref="ReviewBody"/> and <see cref="Court"/>: since 2024-01-01 (行政复议法 as revised in 2023, 第24条) the 复议机关 of a
/// district or city department is the 本级人民政府; for a vertically led agency it is the 上一级主管部门 (第27条).
/// </summary>
public sealed record AgencySettings
{
    public required string Name { get; init; }
    public required string SealText { get; init; }
    public required string ReviewBody { get; init; }
    public required string Court { get; init; }
    public string Address { get; init; } = "";
    public string Phone { get; init; } = "";
    public bool IsVertical { get; init; }

    public static AgencySettings From(Agency agency) => new()
    {
        Name = agency.Name,
        SealText = agency.SealText,
        ReviewBody = agency.ReviewBody,
        Court = agency.Court,
        Address = agency.Address,
        Phone = agency.Phone,
        IsVertical = agency.IsVertical,
    };
}

/// <summary>The applicant as the letter addresses them (条例第29条).</summary>
public sealed record ApplicantFacts
{
    public required string Name { get; init; }
    /// <summary>法人或其他组织: the letter says 你单位 rather than 您.</summary>
    public bool IsOrganization { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public string? Phone { get; init; }

    public static ApplicantFacts From(Applicant applicant) => new()
    {
        Name = applicant.Name,
        IsOrganization = applicant.Kind == ApplicantKind.Organization,
        Address = applicant.Address,
        PostalCode = applicant.PostalCode,
        Phone = applicant.Phone,
    };
}

/// <summary>The case facts letters cite. Dates are the case's own (Domain/Cases/Case.cs, Domain/Clocks).</summary>
public sealed record CaseFacts
{
    /// <summary>登记编号, e.g. 静规资信〔2026〕第0123号.</summary>
    public string? Number { get; init; }
    /// <summary>收到申请之日 (条例第31条), cited in every recital.</summary>
    public required DateOnly ReceivedOn { get; init; }
    /// <summary>名称、文号或特征性描述 of the information requested (条例第29条).</summary>
    public required string Request { get; init; }
    public DateOnly? ExtendedReplyDue { get; init; }
    public DateOnly? CorrectionDue { get; init; }
    public DateOnly? CorrectionReceivedOn { get; init; }
    public DateOnly? FeeDue { get; init; }
    public DateOnly? DeferredReplyDue { get; init; }
    public DateOnly? WithdrawnOn { get; init; }
}

/// <summary>The outcome as workflows/outcomes.yaml defines it, copied at merge time.</summary>
public sealed record OutcomeFacts(string Code, string Label, string? Basis)
{
    public static OutcomeFacts From(Outcome outcome) => new(outcome.Code, outcome.Label, outcome.Basis);
}

/// <summary>Whoever a letter goes to when it is not the applicant: the third party (第32条) or another agency (第34条).</summary>
public sealed record RecipientFacts
{
    public required string Name { get; init; }
    public bool IsOrganization { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
}

/// <summary>One dispatch, for the envelope and the 邮寄清单.</summary>
public sealed record MailingFacts
{
    public string? Method { get; init; }
    public string? TrackingNumber { get; init; }
    public DateOnly? PostedOn { get; init; }
    /// <summary>The documents in the envelope, as printed on the list, e.g. 政府信息公开申请答复书（静规资信〔2026〕第0123号）.</summary>
    public IReadOnlyList<string> Enclosures { get; init; } = [];
}

/// <summary>The 文号 and 成文日期 a letter receives when it is approved and issued.</summary>
public sealed record LetterFacts
{
    public string? Number { get; init; }
    public DateOnly? IssuedOn { get; init; }
}
