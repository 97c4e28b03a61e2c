namespace DisclosureCases.Workflow;

/// <summary>An action a user can take on a case in one of the <see cref="From"/> states, e.g. <c>register</c> 登记.</summary>
/// <param name="Trigger">Kebab-case name; unique among the transitions leaving any one state. Pages and tests are named after it.</param>
/// <param name="Title">Chinese button text.</param>
/// <param name="From">The states the action is offered in (at least one).</param>
/// <param name="To">The state afterwards; may be one of <see cref="From"/> (an action that does not move the case).</param>
/// <param name="Roles">Who may take it; a user needs any one of them.</param>
/// <param name="Primary">The main path: the UI shows it as the main button. At most one per state.</param>
/// <param name="Fields">What the action asks for, in form order.</param>
/// <param name="Guards">Conditions on the case, checked in order; the first that fails gives the refusal.</param>
/// <param name="Effects">What the action does, in order.</param>
/// <param name="Line">Line of the transition in its definition file.</param>
public sealed record WorkflowTransition(
    string Trigger,
    string Title,
    IReadOnlyList<string> From,
    string To,
    IReadOnlyList<string> Roles,
    bool Primary,
    IReadOnlyList<WorkflowField> Fields,
    IReadOnlyList<WorkflowGuard> Guards,
    IReadOnlyList<WorkflowEffect> Effects,
    int Line)
{
    /// <summary>The field with this name, or null.</summary>
    public WorkflowField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
