using System.Globalization;

namespace DisclosureCases.Workflow;

/// <summary>
/// Decides what a user may do to a case and what doing it means, from a definition, the case's state, the user's
/// roles, the form's input and the case's conditions. Pure: no clock (today is passed in), no I/O, no mutation; the
/// application applies the plan it gets back.
/// </summary>
/// <param name="vocabulary">The vocabulary the definitions were loaded with: it supplies the outcome codes an outcome
/// field accepts and the Chinese role names for refusals.</param>
public sealed class WorkflowRuntime(WorkflowVocabulary vocabulary)
{
    /// <summary>
    /// The transitions this user may take now: offered in <paramref name="state"/>, allowed to at least one of
    /// <paramref name="roles"/>, and with every guard's condition holding. In definition order (the primary one is
    /// flagged, not moved). Empty in a final state. Role names compare case-sensitively.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of <paramref name="definition"/>.</exception>
    public IReadOnlyList<WorkflowTransition> Available(
        WorkflowDefinition definition,
        string state,
        IReadOnlyCollection<string> roles,
        ICaseConditions conditions)
    {
        definition.State(state);
        return definition.TransitionsFrom(state)
            .Where(t => MayPerform(t, roles) && t.Guards.All(g => conditions.Holds(g.Condition)))
            .ToList();
    }

    /// <summary>
    /// Checks one action and, if it may be taken, plans it. Checks in this order and refuses at the first failing
    /// stage: the trigger is offered in the state (当前状态「已归档」不能执行「登记」); the user has an allowed role
    /// (只有负责人可以批准延期); every guard holds (its message; the first failing guard wins); every field is valid —
    /// all field problems are reported together: required and empty (whitespace counts as empty), a date that is not
    /// <c>yyyy-MM-dd</c>, a number that is not an invariant-culture decimal, a choice value not among the options
    /// (options are matched by value, not label), an outcome code that is unknown or excluded, and the field rules
    /// (<c>not-in-future</c>: today is allowed; <c>after-today</c>: today is refused; <c>positive</c>: zero is refused).
    /// Inputs that are not declared fields are ignored.
    /// </summary>
    /// <param name="input">Raw form values by field name; null or missing means empty.</param>
    /// <param name="today">The agency's current date (from the application's time provider), for date rules and for clock
    /// effects without a date field.</param>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state of <paramref name="definition"/>.</exception>
    public TransitionDecision Decide(
        WorkflowDefinition definition,
        string state,
        string trigger,
        IReadOnlyCollection<string> roles,
        IReadOnlyDictionary<string, string?> input,
        ICaseConditions conditions,
        DateOnly today)
    {
        var from = definition.State(state);
        var transition = definition.FindTransition(state, trigger);
        if (transition is null)
            return definition.FindTrigger(trigger) is { } elsewhere
                ? Refuse(TransitionRefusal.NotInThisState, $"当前状态「{from.Title}」不能执行「{elsewhere.Title}」")
                : Refuse(TransitionRefusal.UnknownTrigger, $"流程「{definition.Title}」中没有「{trigger}」这项操作");

        if (!MayPerform(transition, roles))
            return Refuse(TransitionRefusal.RoleNotAllowed,
                $"只有{string.Join("或", transition.Roles.Select(vocabulary.RoleTitle))}可以{transition.Title}");

        if (transition.Guards.FirstOrDefault(g => !conditions.Holds(g.Condition)) is { } failed)
            return Refuse(TransitionRefusal.ConditionNotMet, failed.Message);

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var field in transition.Fields)
        {
            var raw = input.GetValueOrDefault(field.Name)?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                if (field.Required) errors.Add(new FieldError(field.Name, $"「{field.Label}」为必填项"));
                continue;
            }
            if (Parse(field, raw, today) is { } problem)
                errors.Add(new FieldError(field.Name, problem));
            else
                values[field.Name] = Value(field, raw);
        }
        if (errors.Count > 0)
            return new TransitionDecision.Refused(TransitionRefusal.InvalidInput, string.Join("；", errors.Select(e => e.Message)), errors);

        var effects = transition.Effects
            .Where(e => e.When is null || values.GetValueOrDefault(e.When.Field) as string == e.When.EqualsValue)
            .Select(e => Resolve(e, values, today))
            .ToList();
        var to = definition.State(transition.To);
        return new TransitionDecision.Accepted(new TransitionPlan(transition, from, to, effects, values));
    }

    static bool MayPerform(WorkflowTransition transition, IReadOnlyCollection<string> roles) =>
        transition.Roles.Any(r => roles.Contains(r, StringComparer.Ordinal));

    static TransitionDecision.Refused Refuse(TransitionRefusal kind, string reason) => new(kind, reason, []);

    /// <summary>The problem with a non-empty value, or null when it is valid.</summary>
    string? Parse(WorkflowField field, string raw, DateOnly today)
    {
        var label = $"「{field.Label}」";
        switch (field.Type)
        {
            case FieldType.Date:
                if (!TryDate(raw, out var date))
                    return $"{label}不是有效的日期，请按“年-月-日”填写，如 2026-03-31";
                if (field.Rules.Contains(FieldRule.NotInFuture) && date > today)
                    return $"{label}不能晚于今天";
                if (field.Rules.Contains(FieldRule.AfterToday) && date <= today)
                    return $"{label}应晚于今天";
                return null;
            case FieldType.Number:
                if (!TryNumber(raw, out var number))
                    return $"{label}不是有效的数字";
                if (field.Rules.Contains(FieldRule.Positive) && number <= 0)
                    return $"{label}应大于零";
                return null;
            case FieldType.Choice:
                return field.Options.Any(o => o.Value == raw) ? null : $"{label}的值「{raw}」不在可选范围内";
            case FieldType.Outcome:
                return vocabulary.OutcomeCodes.Contains(raw) && !field.ExcludedOutcomes.Contains(raw)
                    ? null
                    : $"{label}的值「{raw}」不是此处可选的答复结果";
            default:
                return null;
        }
    }

    static object Value(WorkflowField field, string raw) => field.Type switch
    {
        FieldType.Date => TryDate(raw, out var date) ? date : throw new InvalidOperationException("validated above"),
        FieldType.Number => TryNumber(raw, out var number) ? number : throw new InvalidOperationException("validated above"),
        _ => raw,
    };

    // <input type="date"> posts yyyy-MM-dd whatever the browser shows; accepting other shapes would make 03/04 ambiguous.
    static bool TryDate(string raw, out DateOnly date) =>
        DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // Invariant culture: "1,5" must not become 15 or 1.5 depending on the server's locale.
    static bool TryNumber(string raw, out decimal number) =>
        decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    static PlannedEffect Resolve(WorkflowEffect effect, IReadOnlyDictionary<string, object> values, DateOnly today) => effect switch
    {
        // The loader guarantees that a clock's date field and a set's source field are declared and required, so the
        // values are present once validation has passed.
        ClockEffect clock => new RecordClockEvent(clock.Event, clock.DateField is null ? today : (DateOnly)values[clock.DateField]),
        LetterEffect letter => new IssueLetter(letter.DocumentId),
        SetEffect { FromField: { } field } set => new SetCaseField(set.CaseField, values[field]),
        SetEffect set => new SetCaseField(set.CaseField, set.Value!),
        AssignCaseNumberEffect => new AssignCaseNumber(),
        ArchiveEffect => new ArchiveCase(),
        _ => throw new InvalidOperationException($"No plan for effect {effect.GetType().Name}."),
    };
}
