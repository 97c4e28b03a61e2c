using System.Text.Json;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Letters;
using DisclosureCases.Workflow;

namespace DisclosureCases.Cases;

/// <summary>
/// Every field the system knows for a letter of one case (templates/README.md, "Merged fields"): the agency's settings
/// from its row, the applicant, the case number, the date of receipt, the request, the dates the workflow recorded, the
/// outcome from workflows/outcomes.yaml; the clerk adds the slots. Also what a new letter's form starts with.
/// </summary>
public static class LetterMerge
{
    /// <param name="c">The case with its clock events loaded.</param>
    public static LetterData For(Case c, Agency agency, WorkflowDefinition definition, PeriodCalculator calculator, Outcome? outcome,
        RecipientFacts? recipient, IReadOnlyDictionary<string, string> slots, MailingFacts? mailing = null)
    {
        var clocks = CaseDeadlines.Compute(c, calculator);
        return new LetterData
        {
            Agency = AgencySettings.From(agency),
            Applicant = ApplicantFacts.From(c.Applicant),
            Case = new CaseFacts
            {
                Number = c.CaseNumber,
                ReceivedOn = c.ReceivedOn,
                Request = c.Description,
                // 第33条第2款: the reply period as extended, once the 负责人 approved the extension.
                ExtendedReplyDue = clocks.ExtensionUsed ? clocks.Reply?.Due : null,
                CorrectionDue = c.CorrectionDue,
                CorrectionReceivedOn = c.ClockEvents.Where(e => e.Kind == ClockEventNames.Name(Domain.Clocks.ClockEventKind.CorrectionReceived))
                    .OrderBy(e => e.Date).LastOrDefault()?.Date,
                FeeDue = c.FeeDue,
                DeferredReplyDue = c.DeferredReplyDue,
                WithdrawnOn = c.Outcome is not null && c.Outcome == WithdrawalOutcome(definition) ? c.RepliedOn : null,
            },
            Outcome = outcome is null ? null : OutcomeFacts.From(outcome),
            Recipient = recipient,
            Mailing = mailing,
            Slots = slots,
        };
    }

    /// <summary>The outcome the workflow's <c>withdraw</c> action sets (its date of withdrawal is the reply date it records).</summary>
    static string? WithdrawalOutcome(WorkflowDefinition definition) =>
        definition.FindTrigger(WithdrawTrigger)?.Effects.OfType<SetEffect>().FirstOrDefault(e => e.CaseField == "outcome")?.Value;

    const string WithdrawTrigger = "withdraw";
    const string ConsultationTrigger = "start-consultation";

    /// <summary>
    /// What the clerk typed into the action that produced a document, by field name: a slot of the same name starts with
    /// it (the 补正告知书's <c>items</c> are the items typed when requesting the correction).
    /// </summary>
    public static IReadOnlyDictionary<string, string> InputsOf(IEnumerable<CaseEvent> events, CaseDocument document)
    {
        var producing = events.Where(e => e.Trigger == document.Trigger && e.At <= document.DueSince.AddSeconds(1))
            .OrderByDescending(e => e.Sequence).FirstOrDefault();
        return producing is null ? new Dictionary<string, string>() : Inputs(producing);
    }

    /// <summary>
    /// The third party or other agency last consulted (条例第32条, 第34条), as typed in <c>start-consultation</c>: the
    /// addressee of the 征求意见书 and of the 公开告知书 to the third party. An other agency is addressed as 贵单位.
    /// </summary>
    /// <param name="before">Only consultations started by then (when the document was made due); null: the latest.</param>
    public static RecipientFacts? ConsultedParty(IEnumerable<CaseEvent> events, DateTimeOffset? before = null)
    {
        var started = events.Where(e => e.Trigger == ConsultationTrigger && (before is null || e.At <= before.Value.AddSeconds(1)))
            .OrderByDescending(e => e.Sequence).FirstOrDefault();
        if (started is null) return null;
        var inputs = Inputs(started);
        return inputs.GetValueOrDefault("party-name") is { Length: > 0 } name
            ? new RecipientFacts { Name = name, IsOrganization = inputs.GetValueOrDefault("party") == "other-agency" }
            : null;
    }

    static Dictionary<string, string> Inputs(CaseEvent e)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(e.Data);
            if (json.RootElement.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object)
                foreach (var p in inputs.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } value)
                        result[p.Name] = value;
        }
        catch (JsonException)
        {
            // An event without readable inputs simply pre-fills nothing.
        }
        return result;
    }

    /// <summary>
    /// 答复理由及依据 as the case records it when a reply goes to review (<c>submit-reply</c>'s <c>reasons</c>): the letter's
    /// reasons (or, for a reply that refuses nothing, its decision) and its legal basis, as they read in the letter.
    /// </summary>
    public static string ReplyReasons(LetterDocument document, int maxLength)
    {
        var reasons = document.Of(LetterElements.Reasons).ToList();
        var lines = (reasons.Count > 0 ? reasons : document.Of(LetterElements.Decision).ToList())
            .Concat(document.Of(LetterElements.Basis)).Select(p => p.Text).ToList();
        var text = string.Join("\n", lines);
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
    }
}
