using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Web.Identity;

namespace DisclosureCases.Reviews;

/// <summary>Appends to a review case's hash-chained record, and to a linked application's, so each step shows on both.</summary>
public static class ReviewRecord
{
    public static void Touch(ReviewCase r, string by, DateTimeOffset at)
    {
        r.Version++;
        r.UpdatedAt = at;
        r.UpdatedBy = by;
    }

    public static ReviewEvent Append(DisclosureDbContext db, ReviewCase r, ReviewEvent e)
    {
        e.ReviewCaseId = r.Id;
        e.AgencyId = r.AgencyId;
        r.AuditHead = AuditChain.Append(e, r.AuditHead, r.AuditCount);
        r.AuditCount++;
        db.ReviewEvents.Add(e);
        return e;
    }

    /// <summary>
    /// The step as it appears on the application's own record (kind <c>review</c>), naming the review case: a reader of
    /// the application sees that it was challenged, decided on, reopened.
    /// </summary>
    public static CaseEvent AppendToApplication(DisclosureDbContext db, Domain.Cases.Case application, ReviewCase r, Actor actor,
        DateTimeOffset at, string trigger, string summary, object data, string? toState = null)
    {
        CaseRecord.Touch(application, actor.Name, at);
        return CaseRecord.Append(db, application, new CaseEvent
        {
            At = at,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Kind = CaseEventKinds.Review,
            Trigger = trigger,
            FromState = toState is null ? null : application.State,
            ToState = toState,
            Summary = summary,
            Data = System.Text.Json.JsonSerializer.Serialize(new { reviewCaseId = r.Id, detail = data }, AuditJson.Options),
        });
    }

    /// <summary>行政复议 沪府复字〔2026〕第12号 / 行政诉讼（一审）#3: how one case names a review case.</summary>
    public static string Name(ReviewCase r) => $"{r.KindTitle} {r.BodyCaseNumber ?? "#" + r.Id}";
}
