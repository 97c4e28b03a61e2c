using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Api;

/// <summary>
/// Interim <see cref="IReconsiderationInbox"/>: records each notice and decision on the record (CaseEvent) of every
/// challenged application, so that nothing the 复议机关 sends is lost, and creates nothing else.
/// <para>
/// TO BE REPLACED WHEN MERGING: the 复议 case model (its own table, workflow and deadlines) is built separately; at
/// merge its service implements <see cref="IReconsiderationInbox"/> — creating the 复议 case from a notice and moving it
/// on a decision — and replaces this registration in <c>Api/ApiEndpoints.AddPartnerApi</c>. There is deliberately no
/// 复议 table here.
/// </para>
/// </summary>
public sealed class CaseRecordInbox(DisclosureDbContext db, TimeProvider time) : IReconsiderationInbox
{
    public const string NoticeKey = "reconsiderationNotice";
    public const string DecisionKey = "reconsiderationDecision";

    public async Task<InboxResult> NotifyAsync(ReconsiderationNotice notice, int agencyId, Actor partner, CancellationToken ct)
    {
        var marker = Marker(notice.BodyCaseNumber!);
        if (await db.CaseEvents.AnyAsync(e => e.AgencyId == agencyId && e.Kind == CaseEventKinds.Partner && e.Data.Contains(NoticeKey) && e.Data.Contains(marker), ct))
            return new InboxResult.Refused(StatusCodes.Status409Conflict,
                new Dictionary<string, string[]> { ["bodyCaseNumber"] = [$"已收到过复议案件“{notice.BodyCaseNumber}”的通知 / this case was notified before"] });
        var numbers = notice.ChallengedCaseNumbers!;
        var cases = await db.Cases.Where(c => c.AgencyId == agencyId && numbers.Contains(c.CaseNumber!)).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var c in cases.OrderBy(c => numbers.IndexOf(c.CaseNumber!)))
        {
            CaseRecord.Append(db, c, new CaseEvent
            {
                At = now, ActorId = partner.UserId, ActorName = partner.Name, Kind = CaseEventKinds.Partner, FromState = c.State, ToState = c.State,
                Summary = $"收到{notice.ReviewBody}行政复议受理通知（{notice.BodyCaseNumber}，{notice.AcceptanceDate:yyyy-MM-dd}受理，{notice.CopyReceivedDate:yyyy-MM-dd}收到申请书副本{(notice.SimplifiedProcedure == true ? "，简易程序" : "")}）",
                Data = JsonSerializer.Serialize(new Dictionary<string, object> { [NoticeKey] = notice }, AuditJson.Options),
            });
            c.Version++;
        }
        await db.SaveChangesAsync(ct);
        return new InboxResult.Accepted(cases.Select(c => c.CaseNumber!).ToList(), null);
    }

    public async Task<InboxResult> RecordDecisionAsync(string bodyCaseNumber, ReconsiderationDecision decision, int agencyId, Actor partner,
        CancellationToken ct)
    {
        var marker = Marker(bodyCaseNumber);
        var caseIds = await db.CaseEvents
            .Where(e => e.AgencyId == agencyId && e.Kind == CaseEventKinds.Partner && e.Data.Contains(NoticeKey) && e.Data.Contains(marker))
            .Select(e => e.CaseId).Distinct().ToListAsync(ct);
        if (caseIds.Count == 0)
            return new InboxResult.NotFound($"没有收到过复议案件“{bodyCaseNumber}”的通知 / no notice of this reconsideration case was received");
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var c in cases)
        {
            CaseRecord.Append(db, c, new CaseEvent
            {
                At = now, ActorId = partner.UserId, ActorName = partner.Name, Kind = CaseEventKinds.Partner, FromState = c.State, ToState = c.State,
                Summary = $"收到行政复议决定（{bodyCaseNumber}，{decision.DecisionDate:yyyy-MM-dd}决定：{decision.Result}{(decision.OrdersNewReply == true ? "，责令重新答复" : "")}）",
                Data = JsonSerializer.Serialize(new Dictionary<string, object> { [DecisionKey] = new { bodyCaseNumber, decision } }, AuditJson.Options),
            });
            c.Version++;
        }
        await db.SaveChangesAsync(ct);
        return new InboxResult.Accepted(cases.Select(c => c.CaseNumber!).ToList(), null);
    }

    static string Marker(string bodyCaseNumber) => $"\"bodyCaseNumber\":{JsonSerializer.Serialize(bodyCaseNumber, AuditJson.Options)}";
}
