using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Reviews;

/// <summary>报备: records that a review case was reported to the 政务公开主管部门, and when (DOMAIN.md §2 step 7).</summary>
public sealed class ReviewReporting(DisclosureDbContext db, CalendarHolder calendar, IOptions<ReviewSettings> settings, TimeProvider time)
{
    public async Task<ReviewFireResult> ReportAsync(int reviewId, int version, DateOnly? reportedOn, string? note, Actor actor, CancellationToken ct)
    {
        var r = await db.ReviewCases.FirstOrDefaultAsync(x => x.Id == reviewId, ct);
        if (r is null) return new ReviewFireResult.NotFound();
        if (!actor.IsIn(Roles.LegalReviewer) && !actor.IsIn(Roles.Manager))
            return new ReviewFireResult.Refused("只有法制审核人员或负责人可以登记报备", [], RoleDenied: true);
        if (r.Version != version)
            return new ReviewFireResult.Conflict($"本案已被{r.UpdatedBy}于{ShanghaiTime.Local(r.UpdatedAt):yyyy-MM-dd HH:mm}修改，请刷新页面后重新操作（您填写的内容未保存）");
        var errors = new List<(string, string)>();
        if (reportedOn is null) errors.Add(("reportedOn", "「报备日期」为必填项"));
        else if (reportedOn > ShanghaiTime.Today(time)) errors.Add(("reportedOn", "「报备日期」不能晚于今天"));
        else if (reportedOn < r.FiledOn) errors.Add(("reportedOn", $"「报备日期」不能早于申请/起诉日期 {r.FiledOn:yyyy-MM-dd}"));
        if (note?.Length > 1000) errors.Add(("reportNote", "「报备说明」不能超过1000个字符"));
        if (r.ReportedOn is not null) errors.Add(("reportedOn", $"「报备日期」本案已于 {r.ReportedOn:yyyy-MM-dd} 报备"));
        if (errors.Count > 0) return new ReviewFireResult.Refused("填写的内容有误，请按提示修改", errors);

        var now = time.GetUtcNow();
        r.ReportedOn = reportedOn;
        r.ReportNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewProjection.Project(r, calendar.Calculator, settings.Value);
        ReviewRecord.Touch(r, actor.Name, now);
        var e = ReviewRecord.Append(db, r, new ReviewEvent
        {
            At = now, ActorId = actor.UserId, ActorName = actor.Name, Kind = ReviewEventKinds.Reported, Trigger = "report",
            Summary = $"已向政务公开主管部门报备（{reportedOn:yyyy-MM-dd}）",
            Data = JsonSerializer.Serialize(new { reportedOn, note = r.ReportNote }, AuditJson.Options),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewFireResult.Conflict("本案已被他人修改，请刷新页面后重新操作（您填写的内容未保存）");
        }
        return new ReviewFireResult.Applied(r, e);
    }
}
