namespace DisclosureCases.Workflow;

/// <summary>
/// What <see cref="WorkflowRuntime.Decide"/> concluded: either <see cref="Accepted"/> with the plan to carry out, or
/// <see cref="Refused"/> with a Chinese reason to show. Nothing has happened yet either way: the caller applies an
/// accepted plan inside its transaction.
/// </summary>
public abstract record TransitionDecision
{
    TransitionDecision()
    {
    }

    public bool IsAccepted => this is Accepted;

    /// <summary>The action may be taken; <see cref="Plan"/> says what it does.</summary>
    public sealed record Accepted(TransitionPlan Plan) : TransitionDecision;

    /// <summary>
    /// The action may not be taken. <see cref="Reason"/> is one Chinese sentence for the page (for input problems,
    /// the field messages joined with "；"); <see cref="FieldErrors"/> lists the input problems per field, empty for
    /// the other kinds.
    /// </summary>
    public sealed record Refused(TransitionRefusal Kind, string Reason, IReadOnlyList<FieldError> FieldErrors) : TransitionDecision;
}

/// <summary>Why an action was refused, in the order the runtime checks: state, role, conditions, input.</summary>
public enum TransitionRefusal
{
    /// <summary>The definition has no transition with this trigger at all.</summary>
    UnknownTrigger,
    /// <summary>The trigger exists but is not offered in the case's current state.</summary>
    NotInThisState,
    /// <summary>None of the user's roles may take it.</summary>
    RoleNotAllowed,
    /// <summary>A guard's condition does not hold for the case.</summary>
    ConditionNotMet,
    /// <summary>One or more input fields are missing or invalid.</summary>
    InvalidInput,
}

/// <summary>An input problem: the field's <see cref="WorkflowField.Name"/> (for the form) and a Chinese message quoting its label.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>An accepted action: where the case goes, what happens, and the parsed input.</summary>
/// <param name="Transition">The transition taken.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after (may equal <paramref name="From"/>).</param>
/// <param name="Effects">The effects to carry out, in definition order, already resolved against the input; effects
/// whose <c>when</c> did not match are left out.</param>
/// <param name="Values">The filled-in fields by name, parsed: <see cref="DateOnly"/> for dates, <see cref="decimal"/> for
/// numbers, the trimmed string for everything else. Empty optional fields and undeclared inputs are absent.</param>
public sealed record TransitionPlan(
    WorkflowTransition Transition,
    WorkflowState From,
    WorkflowState To,
    IReadOnlyList<PlannedEffect> Effects,
    IReadOnlyDictionary<string, object> Values)
{
    /// <summary>The value of a text-like field (text, textarea, choice, outcome, user), or null if it was left empty.</summary>
    public string? Text(string field) => Values.GetValueOrDefault(field) as string;

    /// <summary>The value of a date field, or null if it was left empty.</summary>
    public DateOnly? Date(string field) => Values.TryGetValue(field, out var v) && v is DateOnly d ? d : null;

    /// <summary>The value of a number field, or null if it was left empty.</summary>
    public decimal? Number(string field) => Values.TryGetValue(field, out var v) && v is decimal n ? n : null;
}

/// <summary>An effect resolved for one action: what the application must do, with every argument known.</summary>
public abstract record PlannedEffect;

/// <summary>Record clock event <paramref name="Event"/> (kebab-case, e.g. <c>correction-received</c>) on <paramref name="Date"/>.</summary>
public sealed record RecordClockEvent(string Event, DateOnly Date) : PlannedEffect;

/// <summary>Produce a letter of document type <paramref name="DocumentId"/>.</summary>
public sealed record IssueLetter(string DocumentId) : PlannedEffect;

/// <summary>Store <paramref name="Value"/> (a string, <see cref="DateOnly"/> or <see cref="decimal"/>) in case field <paramref name="Field"/>.</summary>
public sealed record SetCaseField(string Field, object Value) : PlannedEffect;

/// <summary>Give the case its number in the agency's format.</summary>
public sealed record AssignCaseNumber : PlannedEffect;

/// <summary>Seal the case file: read-only from now on.</summary>
public sealed record ArchiveCase : PlannedEffect;
