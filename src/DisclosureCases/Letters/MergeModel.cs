using System.Globalization;

namespace DisclosureCases.Letters;

/// <summary>
/// The object a template is rendered against: nested dictionaries with exactly the paths of <see cref="LetterFields"/>
/// (plus <c>slots</c>), built from the stored JSON so that a first rendering and a re-rendering from storage go
/// through the same code. Dates are ISO strings (the <c>date</c> helper prints them); an empty value is null.
/// </summary>
internal static class MergeModel
{
    public static Dictionary<string, object?> Build(LetterData data, IReadOnlyCollection<LetterField> placeholders, IEnumerable<string> slotNames)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["agency.name"] = data.Agency.Name,
            ["agency.sealText"] = data.Agency.SealText,
            ["agency.reviewBody"] = data.Agency.ReviewBody,
            ["agency.court"] = data.Agency.Court,
            ["agency.address"] = data.Agency.Address,
            ["agency.phone"] = data.Agency.Phone,
            ["agency.isVertical"] = data.Agency.IsVertical,

            ["applicant.name"] = data.Applicant.Name,
            ["applicant.you"] = You(data.Applicant.IsOrganization),
            ["applicant.isOrganization"] = data.Applicant.IsOrganization,
            ["applicant.address"] = data.Applicant.Address,
            ["applicant.postalCode"] = data.Applicant.PostalCode,
            ["applicant.phone"] = data.Applicant.Phone,

            ["case.number"] = data.Case.Number,
            ["case.receivedOn"] = Iso(data.Case.ReceivedOn),
            ["case.request"] = data.Case.Request,
            ["case.extendedReplyDue"] = Iso(data.Case.ExtendedReplyDue),
            ["case.correctionDue"] = Iso(data.Case.CorrectionDue),
            ["case.correctionReceivedOn"] = Iso(data.Case.CorrectionReceivedOn),
            ["case.feeDue"] = Iso(data.Case.FeeDue),
            ["case.deferredReplyDue"] = Iso(data.Case.DeferredReplyDue),
            ["case.withdrawnOn"] = Iso(data.Case.WithdrawnOn),

            ["outcome.code"] = data.Outcome?.Code,
            ["outcome.label"] = data.Outcome?.Label,
            ["outcome.basis"] = data.Outcome?.Basis,

            ["recipient.name"] = data.Recipient?.Name,
            ["recipient.you"] = data.Recipient is { } r ? (r.IsOrganization ? "贵单位" : "您") : null,
            ["recipient.isOrganization"] = data.Recipient?.IsOrganization ?? false,
            ["recipient.address"] = data.Recipient?.Address,
            ["recipient.postalCode"] = data.Recipient?.PostalCode,

            ["mailing.method"] = data.Mailing?.Method,
            ["mailing.trackingNumber"] = data.Mailing?.TrackingNumber,
            ["mailing.postedOn"] = Iso(data.Mailing?.PostedOn),
            ["mailing.enclosures"] = (data.Mailing?.Enclosures ?? []).Select(e => LetterData.Clean(e)!).ToList(),

            ["letter.number"] = data.Letter.Number,
            ["letter.issuedOn"] = Iso(data.Letter.IssuedOn),
        };

        var missing = placeholders.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in LetterFields.All)
        {
            var value = values[field.Path] is string s ? Blank(LetterData.Clean(s)) : values[field.Path];
            if (value is null && missing.Contains(field.Path))
                value = LetterMarks.Placeholder(field.Label);
            var dot = field.Path.IndexOf('.');
            var group = field.Path[..dot];
            if (!root.TryGetValue(group, out var node))
                root[group] = node = new Dictionary<string, object?>(StringComparer.Ordinal);
            ((Dictionary<string, object?>)node!)[field.Path[(dot + 1)..]] = value;
        }
        var slots = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in slotNames) slots[name] = null;
        foreach (var (name, value) in data.Slots) slots[name] = Blank(LetterData.Clean(value));
        root["slots"] = slots;
        return root;
    }

    /// <summary>The value of <paramref name="field"/> in <paramref name="data"/> is empty (so the letter cannot be issued).</summary>
    public static bool IsEmpty(LetterData data, LetterField field)
    {
        var model = Build(data, [], []);
        var dot = field.Path.IndexOf('.');
        var value = ((Dictionary<string, object?>)model[field.Path[..dot]]!)[field.Path[(dot + 1)..]];
        return value is null || value is string { Length: 0 };
    }

    /// <summary>How a letter addresses the applicant: 您 to a person, 你单位 to a 法人或其他组织 (公文 usage).</summary>
    static string You(bool organization) => organization ? "你单位" : "您";

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
