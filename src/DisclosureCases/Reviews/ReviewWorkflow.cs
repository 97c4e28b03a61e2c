using System.Globalization;
using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Web.Identity;
using DisclosureCases.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Reviews;

/// <summary>The result of an action on a review case.</summary>
public abstract record ReviewFireResult
{
    public sealed record Applied(ReviewCase Case, ReviewEvent Event) : ReviewFireResult;
    public sealed record Refused(string Reason, IReadOnlyList<(string Field, string Message)> FieldErrors, bool RoleDenied = false) : ReviewFireResult;
    public sealed record Conflict(string Message) : ReviewFireResult;
    public sealed record NotFound : ReviewFireResult;
}

/// <summary>The conditions the review workflows' guards ask.</summary>
public sealed class ReviewConditions(ReviewCase r) : ICaseConditions
{
    public bool Holds(string conditionName) => conditionName switch
    {
        // 行政复议法第62条: once; the simplified procedure has no extension.
        "decision-not-extended" => r.DecisionExtendedOn is null && !r.Simplified,
        _ => throw new ArgumentOutOfRangeException(nameof(conditionName), conditionName, "Unknown review workflow condition."),
    };
}

/// <summary>
/// Takes an action of a review case's pinned workflow (the same engine as applications: <see cref="WorkflowRuntime"/>):
/// checks role, state, guards and fields, records the dates its clock effects name, moves the state, recomputes the
/// deadlines and appends the hash-chained event — in one transaction, guarded by the case's version.
/// </summary>
public sealed class ReviewWorkflow(DisclosureDbContext db, WorkflowRegistry workflows, WorkflowRuntime runtime, CalendarHolder calendar,
    IOptions<ReviewSettings> settings, TimeProvider time)
{
    /// <param name="alongside">Work that commits or fails with the action (the decision's reopening of applications).</param>
    public async Task<ReviewFireResult> FireAsync(int reviewId, string trigger, IReadOnlyDictionary<string, string?> input, Actor actor,
        int expectedVersion, CancellationToken ct, Func<ReviewCase, DateTimeOffset, Task>? alongside = null, object? extra = null, string? summaryNote = null)
    {
        var r = await db.ReviewCases.Include(x => x.Links).FirstOrDefaultAsync(x => x.Id == reviewId, ct);
        if (r is null) return new ReviewFireResult.NotFound();
        if (r.Version != expectedVersion) return Stale(r);
        var definition = workflows.Get(r.WorkflowId, r.WorkflowVersion, r.WorkflowHash);
        var today = ShanghaiTime.Today(time);
        var decision = runtime.Decide(definition, r.State, trigger, actor.Roles, input, new ReviewConditions(r), today);
        if (decision is TransitionDecision.Refused refused)
            return new ReviewFireResult.Refused(refused.Reason, refused.FieldErrors.Select(f => (f.Field, f.Message)).ToList(),
                refused.Kind == TransitionRefusal.RoleNotAllowed);
        var plan = ((TransitionDecision.Accepted)decision).Plan;
        if (Problems(r, plan) is { Count: > 0 } problems)
            return new ReviewFireResult.Refused("填写的内容有误，请按提示修改", problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changes = new List<FieldChange>();
        var fromState = r.State;
        foreach (var effect in plan.Effects)
            switch (effect)
            {
                case RecordClockEvent clock:
                    Set(r, clock.Event, clock.Date, changes);
                    break;
                case SetCaseField { Field: "decided-on", Value: DateOnly decided }:
                    changes.Add(new FieldChange("decided-on", Iso(r.DecidedOn), Iso(decided)));
                    r.DecidedOn = decided;
                    break;
                default:
                    throw new InvalidOperationException($"The review workflow has an effect this code does not apply: {effect}.");
            }
        r.State = plan.To.Name;
        var now = time.GetUtcNow();
        ReviewProjection.Project(r, calendar.Calculator, settings.Value);
        ReviewRecord.Touch(r, actor.Name, now);
        var record = ReviewRecord.Append(db, r, new ReviewEvent
        {
            At = now, ActorId = actor.UserId, ActorName = actor.Name, Kind = ReviewEventKinds.Transition, Trigger = trigger,
            FromState = fromState, ToState = r.State,
            Summary = (plan.From.Name == plan.To.Name ? plan.Transition.Title : $"{plan.Transition.Title}：{plan.From.Title} → {plan.To.Title}")
                + (summaryNote is null ? "" : $"（{summaryNote}）"),
            Data = JsonSerializer.Serialize(new
            {
                inputs = input.Where(kv => plan.Transition.FindField(kv.Key) is not null).ToDictionary(kv => kv.Key, kv => kv.Value),
                changes,
                extra,
            }, AuditJson.Options),
        });
        // After the action's own event, so that the record reads: the decision, then what it caused.
        if (alongside is not null)
            await alongside(r, now);
        if (await GuardedCommit.CommitOrFreshAsync(db, tx, t => db.ReviewCases.AsNoTracking().FirstAsync(x => x.Id == reviewId, t),
                fresh => fresh.Version != expectedVersion, ct) is { } changed)
            return Stale(changed);
        return new ReviewFireResult.Applied(r, record);
    }

    /// <summary>Dates out of order: the copy before the filing, the answer before the copy, service before the decision.</summary>
    static List<(string Field, string Message)> Problems(ReviewCase r, TransitionPlan plan)
    {
        var problems = new List<(string, string)>();
        var copy = plan.Date("copy-received");
        if (copy is { } c && c < r.FiledOn)
            problems.Add(("copy-received", $"「收到副本日期」不能早于申请/起诉日期 {Iso(r.FiledOn)}"));
        if (plan.Date("accepted-on") is { } a && a < r.FiledOn)
            problems.Add(("accepted-on", $"「受理（立案）日期」不能早于申请/起诉日期 {Iso(r.FiledOn)}"));
        if (plan.Date("answered-on") is { } ans && r.CopyReceivedOn is { } rc && ans < rc)
            problems.Add(("answered-on", $"「提交日期」不能早于收到副本日期 {Iso(rc)}"));
        if (plan.Date("decided-on") is { } d && d < r.FiledOn)
            problems.Add(("decided-on", $"「决定（判决）日期」不能早于申请/起诉日期 {Iso(r.FiledOn)}"));
        if (plan.Date("served-on") is { } s && plan.Date("decided-on") is { } dd && s < dd)
            problems.Add(("served-on", $"「送达本机关日期」不能早于决定（判决）日期 {Iso(dd)}"));
        return problems;
    }

    static void Set(ReviewCase r, string clockEvent, DateOnly date, List<FieldChange> changes)
    {
        DateOnly? before;
        switch (clockEvent)
        {
            case "review-accepted": before = r.AcceptedOn; r.AcceptedOn = date; break;
            case "copy-received": before = r.CopyReceivedOn; r.CopyReceivedOn = date; break;
            case "answer-submitted": before = r.AnswerSubmittedOn; r.AnswerSubmittedOn = date; break;
            case "hearing-held": before = r.HearingOn; r.HearingOn = date; break;
            case "decision-extended": before = r.DecisionExtendedOn; r.DecisionExtendedOn = date; break;
            case "decision-served": before = r.ServedOn; r.ServedOn = date; break;
            default: throw new InvalidOperationException($"The review workflow records unknown date '{clockEvent}'.");
        }
        changes.Add(new FieldChange(clockEvent, Iso(before), Iso(date)));
    }

    static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static ReviewFireResult.Conflict Stale(ReviewCase r) =>
        new($"本案已被{r.UpdatedBy}于{ShanghaiTime.Local(r.UpdatedAt):yyyy-MM-dd HH:mm}修改，请刷新页面后重新操作（您填写的内容未保存）");
}
