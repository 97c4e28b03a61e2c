using System.Globalization;
using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Workflow;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>The result of firing a trigger on a case.</summary>
public abstract record FireResult
{
    public sealed record Applied(Case Case, CaseEvent Event) : FireResult;
    /// <summary>Nothing changed; <see cref="Reason"/> says why and <see cref="FieldErrors"/> names the fields at fault.</summary>
    public sealed record Refused(string Reason, IReadOnlyList<(string Field, string Message)> FieldErrors, bool RoleDenied = false) : FireResult;
    /// <summary>Someone else changed the case since the user loaded it; nothing changed.</summary>
    public sealed record Conflict(string Message) : FireResult;
    public sealed record NotFound : FireResult;
}

/// <summary>
/// <c>Fire(case, trigger, input, actor)</c>: asks the case's pinned workflow version whether the actor may take the
/// action now, then applies its effects, moves the state, recomputes the deadlines and appends the hash-chained audit
/// event — all in one transaction, guarded by the case's concurrency token. A refusal changes nothing.
/// </summary>
public sealed class CaseWorkflow(DisclosureDbContext db, WorkflowRegistry workflows, WorkflowRuntime runtime, CalendarHolder calendar,
    DocumentCatalog documents, TimeProvider time)
{
    /// <param name="alongside">Work that must commit or fail together with the transition (a letter issued by
    /// <c>approve-reply</c>): called inside the transaction after the case has changed and its audit event is appended,
    /// before anything is saved. An exception from it rolls the transition back.</param>
    public async Task<FireResult> FireAsync(int caseId, string trigger, IReadOnlyDictionary<string, string?> input, Actor actor,
        int expectedVersion, CancellationToken ct, Func<Case, CancellationToken, Task>? alongside = null)
    {
        var c = await db.Cases
            .Include(x => x.ClockEvents).Include(x => x.Documents).Include(x => x.Mailings)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new FireResult.NotFound();
        if (c.Version != expectedVersion)
            return Stale(c);

        var definition = workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash);
        var today = ShanghaiTime.Today(time);
        var calculator = calendar.Calculator;
        if (InputProblems(definition.FindTransition(c.State, trigger), input) is { Count: > 0 } problems)
            return new FireResult.Refused("填写的内容有误，请按提示修改", problems);
        var conditions = new CaseConditions(c, calculator, today);
        var decision = runtime.Decide(definition, c.State, trigger, actor.Roles, input, conditions, today);
        if (decision is TransitionDecision.Refused refused)
            return new FireResult.Refused(refused.Reason, refused.FieldErrors.Select(f => (f.Field, f.Message)).ToList(),
                refused.Kind == TransitionRefusal.RoleNotAllowed);
        var plan = ((TransitionDecision.Accepted)decision).Plan;

        // A filed annual report locks its year's outcomes and reply dates (Reports/ReportLocks): a transition that sets
        // the outcome of a case replied in a locked year, or dates a reply into one, is refused.
        var reply = plan.Effects.OfType<RecordClockEvent>().FirstOrDefault(e => e.Event == "replied");
        if (reply is not null || plan.Effects.OfType<SetCaseField>().Any(e => e.Field == "outcome"))
        {
            int[] years = [.. c.RepliedOn is { } repliedOn ? [repliedOn.Year] : Array.Empty<int>(), .. reply is null ? Array.Empty<int>() : [reply.Date.Year]];
            if (await new Reports.ReportLocks(db, time).RefusalAsync(c, years, "答复结果和答复日期", ct) is { } locked)
                return new FireResult.Refused(locked, []);
        }

        // Clock events first: the period engine may refuse one (a second extension, a correction without a request),
        // and a refusal must leave the case untouched.
        var newClockEvents = new List<CaseClockEvent>();
        foreach (var clock in plan.Effects.OfType<RecordClockEvent>())
        {
            var next = new CaseClockEvent
            {
                Kind = clock.Event,
                Date = clock.Date,
                AnswerBy = clock.Event == "correction-requested" ? plan.Date("correction-due") : null,
                Note = plan.Transition.Title,
            };
            var existing = CaseDeadlines.InOrder(c.ClockEvents.Concat(newClockEvents)).Select(CaseDeadlines.ToDomain);
            if (CaseClocks.Refusal(existing, CaseDeadlines.ToDomain(next)) is { } why)
                return new FireResult.Refused(why, []);
            newClockEvents.Add(next);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changes = new List<FieldChange>();
        var fromState = c.State;
        foreach (var effect in plan.Effects)
        {
            switch (effect)
            {
                case RecordClockEvent:
                    break; // collected above
                case IssueLetter letter:
                    c.Documents.Add(new CaseDocument
                    {
                        DocumentId = letter.DocumentId,
                        Title = documents.Find(letter.DocumentId)?.Title ?? letter.DocumentId,
                        Status = CaseDocumentStatus.Due,
                        DueSince = time.GetUtcNow(),
                        Trigger = trigger,
                    });
                    break;
                case SetCaseField set:
                    await SetFieldAsync(c, set.Field, ChoiceLabel(plan.Transition, set), changes, ct);
                    break;
                case AssignCaseNumber:
                    if (c.CaseNumber is null)
                    {
                        var number = await CaseNumbers.NextAsync(db, c.AgencyId, c.ReceivedOn.Year, ct);
                        changes.Add(new FieldChange("case-number", null, number));
                        c.CaseNumber = number;
                    }
                    break;
                case ArchiveCase:
                    changes.Add(new FieldChange("archived", "false", "true"));
                    c.Archived = true;
                    c.ClosedOn ??= today;
                    break;
            }
        }
        foreach (var e in newClockEvents)
        {
            c.ClockEvents.Add(e);
            if (e.Kind == "replied") c.RepliedOn = e.Date;
        }
        c.State = plan.To.Name;
        CaseDeadlines.Project(c, definition, calculator);

        var now = time.GetUtcNow();
        CaseRecord.Touch(c, actor.Name, now);
        var record = CaseRecord.Append(db, c, new CaseEvent
        {
            At = now,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Kind = CaseEventKinds.Transition,
            Trigger = trigger,
            FromState = fromState,
            ToState = c.State,
            Summary = Summarize(plan),
            Data = JsonSerializer.Serialize(new
            {
                inputs = input.Where(kv => plan.Transition.FindField(kv.Key) is not null).ToDictionary(kv => kv.Key, kv => kv.Value),
                changes,
                clock = newClockEvents.Select(e => new { e.Kind, date = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
                documents = plan.Effects.OfType<IssueLetter>().Select(l => l.DocumentId),
            }, AuditJson.Options),
        });
        if (alongside is not null)
            await alongside(c, ct);
        if (await GuardedCommit.CommitOrFreshAsync(db, tx, t => db.Cases.AsNoTracking().FirstAsync(x => x.Id == caseId, t),
                fresh => fresh.Version != expectedVersion, ct) is { } changed)
            return Stale(changed);
        return new FireResult.Applied(c, record);
    }

    static FireResult.Conflict Stale(Case c) => new(CaseEdit.Stale(c));

    async Task SetFieldAsync(Case c, string field, object? value, List<FieldChange> changes, CancellationToken ct)
    {
        string? Text(object? v) => v switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        };
        var text = Text(value);
        switch (field)
        {
            case "handler":
                var user = await db.Users.Where(u => u.Id == text && u.AgencyId == c.AgencyId)
                    .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct)
                    ?? throw new InvalidOperationException("承办人不是本机关的用户");
                changes.Add(new FieldChange("handler", c.HandlerName, user.DisplayName));
                c.HandlerId = user.Id;
                c.HandlerName = user.DisplayName;
                break;
            case "outcome":
                changes.Add(new FieldChange(field, c.Outcome, text));
                c.Outcome = text;
                break;
            case "reply-reasons":
                changes.Add(new FieldChange(field, c.OutcomeReasons, text));
                c.OutcomeReasons = text;
                break;
            case "case-number":
                changes.Add(new FieldChange(field, c.CaseNumber, text));
                c.CaseNumber = text;
                break;
            case "correction-due":
                changes.Add(new FieldChange(field, Text(c.CorrectionDue), text));
                c.CorrectionDue = value as DateOnly?;
                break;
            case "fee-due":
                changes.Add(new FieldChange(field, Text(c.FeeDue), text));
                c.FeeDue = value as DateOnly?;
                break;
            case "deferred-reply-due":
                changes.Add(new FieldChange(field, Text(c.DeferredReplyDue), text));
                c.DeferredReplyDue = value as DateOnly?;
                break;
            default:
                if (!MailingFields.Apply(c, field, value, changes))
                    throw new InvalidOperationException($"The workflow sets unknown case field '{field}'.");
                break;
        }
    }

    /// <summary>The longest value an action's field accepts; longer text belongs in an attachment.</summary>
    public const int MaxInputLength = 4000;

    /// <summary>Oversized values and invisible control characters, named by the field's label.</summary>
    static List<(string Field, string Message)> InputProblems(WorkflowTransition? transition, IReadOnlyDictionary<string, string?> input)
    {
        var problems = new List<(string, string)>();
        foreach (var (name, value) in input)
        {
            if (value is null) continue;
            var label = transition?.FindField(name)?.Label ?? name;
            if (value.Length > MaxInputLength)
                problems.Add((name, $"「{label}」不能超过{MaxInputLength}个字符"));
            else if (value.Any(ch => char.IsControl(ch) && ch is not ('\r' or '\n' or '\t')))
                problems.Add((name, $"「{label}」含有不可见的控制字符"));
        }
        return problems;
    }

    /// <summary>A value taken from a choice field is recorded by its label (挂号信, not registered-mail).</summary>
    static object ChoiceLabel(WorkflowTransition transition, SetCaseField set)
    {
        var source = transition.Effects.OfType<SetEffect>().FirstOrDefault(e => e.CaseField == set.Field)?.FromField;
        var field = source is null ? null : transition.FindField(source);
        return field is { Type: FieldType.Choice } && field.Options.FirstOrDefault(o => o.Value == set.Value as string) is { } option
            ? option.Label
            : set.Value;
    }

    static string Summarize(TransitionPlan plan) =>
        plan.From.Name == plan.To.Name ? plan.Transition.Title : $"{plan.Transition.Title}：{plan.From.Title} → {plan.To.Title}";
}
