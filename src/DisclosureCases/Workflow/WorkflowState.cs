namespace DisclosureCases.Workflow;

/// <summary>A state a case can be in, e.g. <c>awaiting-correction</c> 待补正.</summary>
/// <param name="Name">Kebab-case name stored on cases.</param>
/// <param name="Title">Chinese title shown to users.</param>
/// <param name="Kind">Initial, normal or final.</param>
/// <param name="ReadOnly">Nothing about the case may change any more (the archive, 条例第45条).</param>
/// <param name="Deadlines">The deadline keys shown while a case is in this state (<c>reply</c>, <c>correction-answer</c>…),
/// in file order; whether each one still applies is the period engine's decision.</param>
/// <param name="Line">Line of the state in its definition file.</param>
public sealed record WorkflowState(
    string Name,
    string Title,
    StateKind Kind,
    bool ReadOnly,
    IReadOnlyList<string> Deadlines,
    int Line)
{
    public bool IsInitial => Kind == StateKind.Initial;
    public bool IsFinal => Kind == StateKind.Final;
}

/// <summary>Spelt <c>initial</c>, <c>normal</c>, <c>final</c> in a definition.</summary>
public enum StateKind
{
    Normal,
    Initial,
    Final,
}
