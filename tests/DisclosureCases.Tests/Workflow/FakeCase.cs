using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Workflow;

/// <summary>
/// A case as small as the runtime's contract allows: a state, the case fields and clock events that accepted plans
/// produce, and the standard conditions computed from them the way the application's <see cref="ICaseConditions"/> is
/// meant to. Lets tests walk a definition by triggers only.
/// </summary>
sealed class FakeCase(WorkflowDefinition definition, WorkflowRuntime runtime) : ICaseConditions
{
    public string State { get; private set; } = definition.InitialState.Name;
    public DateOnly Today { get; set; } = new(2026, 3, 2);
    public Dictionary<string, object> Fields { get; } = new(StringComparer.Ordinal);
    public List<RecordClockEvent> Clock { get; } = [];
    public List<string> Letters { get; } = [];
    public bool HasCaseNumber { get; private set; }
    public bool Archived { get; private set; }

    public bool Holds(string conditionName) => conditionName switch
    {
        "handler-assigned" => Fields.ContainsKey("handler"),
        "outcome-selected" => Fields.ContainsKey("outcome"),
        "extension-not-used" => Clock.All(e => e.Event != "extension-approved"),
        "correction-not-requested-before" => Clock.All(e => e.Event != "correction-requested"),
        "correction-period-over" => Fields.GetValueOrDefault("correction-due") is DateOnly due && Today > due,
        "fee-period-over" => Fields.GetValueOrDefault("fee-due") is DateOnly due && Today > due,
        _ => throw new ArgumentException($"FakeCase does not know condition '{conditionName}'"),
    };

    public TransitionDecision Try(string trigger, string role, params (string Field, string Value)[] input) =>
        runtime.Decide(definition, State, trigger, [role], input.ToDictionary(i => i.Field, i => (string?)i.Value), this, Today);

    /// <summary>Takes the action and applies its plan, or fails the test with the refusal.</summary>
    public TransitionPlan Do(string trigger, string role, params (string Field, string Value)[] input)
    {
        var decision = Try(trigger, role, input);
        if (decision is TransitionDecision.Refused refused)
            throw new Xunit.Sdk.XunitException($"'{trigger}' in state '{State}' was refused: {refused.Reason}");
        var plan = ((TransitionDecision.Accepted)decision).Plan;
        foreach (var effect in plan.Effects)
            switch (effect)
            {
                case RecordClockEvent clock: Clock.Add(clock); break;
                case IssueLetter letter: Letters.Add(letter.DocumentId); break;
                case SetCaseField set: Fields[set.Field] = set.Value; break;
                case AssignCaseNumber: HasCaseNumber = true; break;
                case ArchiveCase: Archived = true; break;
            }
        State = plan.To.Name;
        return plan;
    }
}
