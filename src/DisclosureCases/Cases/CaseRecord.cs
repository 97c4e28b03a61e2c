using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Cases;

/// <summary>Appends an event to a case's record: links it into the case's hash chain and moves the chain's head.</summary>
public static class CaseRecord
{
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
