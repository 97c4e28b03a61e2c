using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Cases;

/// <summary>Appends an event to a case's record: links it into the case's hash chain and moves the chain's head.</summary>
public static class CaseRecord
{
    /// <summary>
    /// Marks the case as changed by <paramref name="by"/> at <paramref name="at"/>: its concurrency version moves on (a
    /// stale form is then refused) and the refusal can say who changed it and when.
    /// </summary>
    public static void Touch(Case c, string by, DateTimeOffset at)
    {
        c.Version++;
        c.UpdatedAt = at;
        c.UpdatedBy = by;
    }

    public static CaseEvent Append(DisclosureDbContext db, Case c, CaseEvent e)
    {
        e.CaseId = c.Id;
        e.AgencyId = c.AgencyId;
        c.AuditHead = AuditChain.Append(e, c.AuditHead, c.AuditCount);
        c.AuditCount++;
        db.CaseEvents.Add(e);
        return e;
    }
}
