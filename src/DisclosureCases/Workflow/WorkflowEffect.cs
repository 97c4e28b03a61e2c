namespace DisclosureCases.Workflow;

/// <summary>
/// What taking a transition does besides changing the state, as written in the definition. Effects run in the order
/// written. <see cref="WorkflowRuntime.Decide"/> resolves them against the form's values into
/// <see cref="PlannedEffect"/>s.
/// </summary>
public abstract record WorkflowEffect
{
    /// <summary>The effect happens only when a choice field has a given value; null: always.</summary>
    public EffectCondition? When { get; init; }
}

/// <summary>Record a clock event (<c>clock: correction-requested</c>) for the period engine.</summary>
/// <param name="Event">Kebab-case clock event name, e.g. <c>consultation-started</c>.</param>
/// <param name="DateField">The required date field whose value is the event's date; null: the day the action is performed.</param>
public sealed record ClockEffect(string Event, string? DateField) : WorkflowEffect;

/// <summary>Produce a letter (<c>letter: correction-notice</c>).</summary>
/// <param name="DocumentId">A document id of <c>templates/catalog.yaml</c>.</param>
public sealed record LetterEffect(string DocumentId) : WorkflowEffect;

/// <summary>Store a value on the case: from a required input field (<c>set: handler, from: handler</c>) or a constant
/// (<c>set: outcome, value: other-no-correction</c>). Exactly one of the two is non-null.</summary>
public sealed record SetEffect(string CaseField, string? FromField, string? Value) : WorkflowEffect;

/// <summary>Give the case its number in the agency's format (<c>assign-case-number</c>).</summary>
public sealed record AssignCaseNumberEffect : WorkflowEffect;

/// <summary>Seal the case file (<c>archive</c>); only on transitions into a final state.</summary>
public sealed record ArchiveEffect : WorkflowEffect;

/// <summary><c>when: { field: party, equals: third-party }</c>: a choice field of the same transition and one of its values.</summary>
public sealed record EffectCondition(string Field, string EqualsValue);
