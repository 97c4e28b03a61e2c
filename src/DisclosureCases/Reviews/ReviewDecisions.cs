using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Web.Identity;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Reviews;

/// <summary>
/// 登记复议决定 / 判决: records the result through the workflow's <c>decide</c> action and, on each linked application, that
/// the reply was decided on. A result that orders a new reply (撤销并责令重作, 责令履行; <c>ordersReply</c> in
/// review-results.yaml) reopens every linked application in the same transaction: the application goes back to 办理中
/// with a <c>reply-ordered</c> clock event and a new reply deadline (<see cref="ReviewSettings.ReopenReplyWorkingDays"/>
/// from service), recorded on both cases (docs/decisions/0007). Reusable outside the pages (the partner API calls it).
/// </summary>
public sealed class ReviewDecisions(DisclosureDbContext db, ReviewWorkflow engine, WorkflowRegistry workflows, CalendarHolder calendar,
    ReviewResultCatalog results, IOptions<ReviewSettings> settings, TimeProvider time)
{
    public const string Trigger = "decide";

    public async Task<ReviewFireResult> RecordAsync(ReviewDecisionInput input, Actor actor, CancellationToken ct)
    {
        var kind = await db.ReviewCases.Where(r => r.Id == input.ReviewCaseId).Select(r => (ReviewKind?)r.Kind).FirstOrDefaultAsync(ct);
        if (kind is null) return new ReviewFireResult.NotFound();
        var validation = new ReviewDecisionInputValidator(kind.Value, results, time).Validate(input);
        if (!validation.IsValid)
            return new ReviewFireResult.Refused("填写的内容有误，请按提示修改", Fields(validation));
        var result = results.Find(input.Result)!;
        var served = input.ServedOn!.Value;

        var calc = calendar.Calculator;
        var newDue = calc.AddWorkingDays(served, settings.Value.ReopenReplyWorkingDays);
        List<Case> applications = [];
        if (result.OrdersReply)
        {
            var ids = await db.ReviewLinks.Where(l => l.ReviewCaseId == input.ReviewCaseId).Select(l => l.CaseId).ToListAsync(ct);
            applications = await db.Cases.Include(c => c.ClockEvents).Where(c => ids.Contains(c.Id)).AsSplitQuery().ToListAsync(ct);
            foreach (var application in applications)
                if (CaseClocks.Refusal(CaseDeadlines.InOrder(application.ClockEvents).Select(CaseDeadlines.ToDomain).ToList(),
                        new ClockEvent(ClockEventKind.ReplyOrdered, served, null, newDue)) is { } why)
                    return new ReviewFireResult.Refused($"申请 {application.CaseNumber ?? "#" + application.Id} 不能重新办理：{why}", []);
        }
        else
        {
            var ids = await db.ReviewLinks.Where(l => l.ReviewCaseId == input.ReviewCaseId).Select(l => l.CaseId).ToListAsync(ct);
            applications = await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        }

        // An answer the decision orders redone is no 口径 to push to clerks: its typical mark is withdrawn with it.
        var reopenedIds = applications.Select(a => a.Id).ToList();
        var marks = result.OrdersReply
            ? await db.TypicalCases.Where(t => reopenedIds.Contains(t.CaseId) && t.WithdrawnAt == null).ToListAsync(ct)
            : [];

        var form = new Dictionary<string, string?>
        {
            ["decided-on"] = input.DecidedOn!.Value.ToString("yyyy-MM-dd"),
            ["served-on"] = served.ToString("yyyy-MM-dd"),
        };
        return await engine.FireAsync(input.ReviewCaseId, Trigger, form, actor, input.Version, ct, (r, now) =>
        {
            r.Result = result.Code;
            r.JudgmentKind = input.JudgmentKind;
            r.ResultContent = string.IsNullOrWhiteSpace(input.Content) ? null : input.Content.Trim();
            var what = $"{ReviewRecord.Name(r)}{(r.JudgmentKind is { } jk ? (jk == JudgmentKind.Judgment ? "判决" : "裁定") : "决定")}：{result.Label}";
            foreach (var application in applications)
            {
                ReviewRecord.AppendToApplication(db, application, r, actor, now, "review-decided",
                    $"{what}（{served:yyyy-MM-dd}送达）", new { result = result.Code, decidedOn = input.DecidedOn, servedOn = served });
                if (result.OrdersReply)
                {
                    Reopen(application, r, result, served, newDue, actor, now);
                    foreach (var mark in marks.Where(m => m.CaseId == application.Id))
                        Similarity.TypicalCases.Withdraw(db, application, mark, actor, now,
                            $"{ReviewRecord.Name(r)}{result.Label}，责令重新答复，原答复不再作为口径推送");
                }
            }
            return Task.CompletedTask;
        }, extra: new { result = result.Code, label = result.Label, judgmentKind = input.JudgmentKind, content = input.Content },
            summaryNote: (input.JudgmentKind is { } jk ? (jk == JudgmentKind.Judgment ? "判决：" : "裁定：") : "") + result.Label);
    }

    void Reopen(Case application, ReviewCase r, ReviewResult result, DateOnly served, DateOnly newDue, Actor actor, DateTimeOffset now)
    {
        var definition = workflows.Get(application.WorkflowId, application.WorkflowVersion, application.WorkflowHash);
        const string reopenedState = "processing";
        var setting = $"送达之日起{settings.Value.ReopenReplyWorkingDays}个工作日，本系统设置，未经核实";
        ReviewRecord.AppendToApplication(db, application, r, actor, now, "reopen",
            $"重新办理：{ReviewRecord.Name(r)}{result.Label}，新答复期限 {newDue:yyyy-MM-dd}（{setting}）",
            new { result = result.Code, servedOn = served, newReplyDue = newDue, wasArchived = application.Archived }, reopenedState);
        application.ClockEvents.Add(new CaseClockEvent
        {
            Kind = "reply-ordered", Date = served, AnswerBy = newDue, Note = $"{ReviewRecord.Name(r)} {result.Label}",
        });
        application.State = definition.FindState(reopenedState) is not null ? reopenedState
            : throw new InvalidOperationException($"Workflow '{definition.Id}' v{definition.Version} has no state '{reopenedState}'.");
        application.Archived = false;
        application.ClosedOn = null;
        CaseDeadlines.Project(application, definition, calendar.Calculator);
        var link = r.Links.Single(l => l.CaseId == application.Id);
        link.ReopenedOn = served;
        link.NewReplyDue = newDue;
        ReviewRecord.Append(db, r, new ReviewEvent
        {
            At = now, ActorId = actor.UserId, ActorName = actor.Name, Kind = ReviewEventKinds.Reopened,
            Summary = $"申请 {application.CaseNumber ?? "#" + application.Id} 重新办理，新答复期限 {newDue:yyyy-MM-dd}（{setting}）",
            Data = JsonSerializer.Serialize(new { caseId = application.Id, servedOn = served, newReplyDue = newDue }, AuditJson.Options),
        });
    }

    static List<(string Field, string Message)> Fields(ValidationResult v) =>
        v.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
}
