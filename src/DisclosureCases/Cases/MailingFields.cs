using System.Globalization;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Cases;

/// <summary>
/// The mailing case fields a workflow may set (<c>mailing-method</c>, <c>tracking-number</c>, <c>posted-on</c>,
/// <c>delivered-on</c>, <c>returned-on</c>, <c>return-reason</c>): a method starts a new dispatch, the others complete
/// the latest one. A re-sent reply after 退件 is a new dispatch, so the history of every attempt stays on the case.
/// </summary>
public static class MailingFields
{
    public static readonly IReadOnlyList<string> Names =
        ["mailing-method", "tracking-number", "posted-on", "delivered-on", "returned-on", "return-reason"];

    public static bool Apply(Case c, string field, object? value, List<FieldChange> changes)
    {
        if (!Names.Contains(field)) return false;
        var text = value switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (field == "mailing-method")
        {
            c.Mailings.Add(new Mailing { Method = text ?? "" });
            changes.Add(new FieldChange(field, null, text));
            return true;
        }
        // The latest dispatch: one added in this transaction (no id yet) or the highest id.
        var current = c.Mailings.OrderBy(m => m.Id == 0 ? int.MaxValue : m.Id).LastOrDefault();
        if (current is null)
        {
            current = new Mailing { Method = "当面/电子送达" };
            c.Mailings.Add(current);
        }
        switch (field)
        {
            case "tracking-number": current.TrackingNumber = text; break;
            case "posted-on": current.PostedOn = value as DateOnly?; break;
            case "delivered-on": current.DeliveredOn = value as DateOnly?; break;
            case "returned-on": current.ReturnedOn = value as DateOnly?; break;
            case "return-reason": current.ReturnReason = text; break;
        }
        changes.Add(new FieldChange(field, null, text));
        return true;
    }
}
