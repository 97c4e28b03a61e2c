namespace DisclosureCases.Workflow;

/// <summary>
/// An input a transition asks for. The form renders it; <see cref="WorkflowRuntime.Decide"/> checks and parses the
/// posted value.
/// </summary>
/// <param name="Name">Kebab-case input name, unique within its transition.</param>
/// <param name="Label">Chinese label; refusals quote it as 「label」.</param>
/// <param name="Type">How the value is entered and parsed.</param>
/// <param name="Required">An empty or whitespace-only value is refused.</param>
/// <param name="Hint">Help text, or null.</param>
/// <param name="Options">For <see cref="FieldType.Choice"/>: the allowed values in display order; empty otherwise.</param>
/// <param name="Rules">Extra checks on a non-empty value.</param>
/// <param name="ExcludedOutcomes">For <see cref="FieldType.Outcome"/>: outcome codes the field does not offer; empty otherwise.</param>
public sealed record WorkflowField(
    string Name,
    string Label,
    FieldType Type,
    bool Required,
    string? Hint,
    IReadOnlyList<ChoiceOption> Options,
    IReadOnlyList<FieldRule> Rules,
    IReadOnlyList<string> ExcludedOutcomes);

/// <summary>One value of a choice field: <c>{ value: ems, label: EMS }</c>.</summary>
public sealed record ChoiceOption(string Value, string Label);

/// <summary>
/// The input types. Spelt in lower case in a definition (<c>textarea</c>). Parsed values: <see cref="Date"/> →
/// <see cref="DateOnly"/> (<c>yyyy-MM-dd</c>), <see cref="Number"/> → <see cref="decimal"/> (invariant culture), all
/// others → the trimmed string.
/// </summary>
public enum FieldType
{
    Text,
    Textarea,
    Date,
    Choice,
    /// <summary>A reply outcome code of <c>workflows/outcomes.yaml</c>.</summary>
    Outcome,
    /// <summary>A user id. The runtime only checks that one is given; whether the user exists is the application's check.</summary>
    User,
    Number,
}

/// <summary>Checks on a field's value beyond its type. Spelt <c>not-in-future</c>, <c>after-today</c>, <c>positive</c>.</summary>
public enum FieldRule
{
    /// <summary>Date fields: today or earlier (a posting or signed-for date cannot lie ahead).</summary>
    NotInFuture,
    /// <summary>Date fields: strictly after today (a period given to the applicant must leave them time).</summary>
    AfterToday,
    /// <summary>Number fields: greater than zero (a fee).</summary>
    Positive,
}
