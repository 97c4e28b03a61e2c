namespace DisclosureCases.Workflow;

/// <summary>
/// A validated process definition (<c>workflows/application.yaml</c>). Only <see cref="WorkflowLoader"/> makes one,
/// so every state a transition names exists, exactly one state is initial, and so on (see the loader).
/// </summary>
public sealed class WorkflowDefinition
{
    readonly Dictionary<string, WorkflowState> statesByName;

    internal WorkflowDefinition(
        string id,
        int version,
        string title,
        IReadOnlyList<WorkflowState> states,
        IReadOnlyList<WorkflowTransition> transitions,
        string sourceName,
        string contentHash,
        int versionLine)
    {
        Id = id;
        Version = version;
        Title = title;
        States = states;
        Transitions = transitions;
        SourceName = sourceName;
        ContentHash = contentHash;
        VersionLine = versionLine;
        statesByName = states.ToDictionary(s => s.Name, StringComparer.Ordinal);
        InitialState = states.Single(s => s.IsInitial);
    }

    /// <summary>Kebab-case id, e.g. <c>application</c>.</summary>
    public string Id { get; }

    /// <summary>Raised for every change after deployment; a case stays on the version it started with.</summary>
    public int Version { get; }

    public string Title { get; }

    /// <summary>In file order.</summary>
    public IReadOnlyList<WorkflowState> States { get; }

    /// <summary>In file order, which is also the order <see cref="WorkflowRuntime.Available"/> lists them in.</summary>
    public IReadOnlyList<WorkflowTransition> Transitions { get; }

    /// <summary>The name errors use, e.g. <c>workflows/application.yaml</c>.</summary>
    public string SourceName { get; }

    /// <summary>
    /// Lower-case hex SHA-256 of the definition text with line endings normalised to <c>\n</c> and without a leading
    /// byte-order mark: the same on every OS and checkout. Together with (<see cref="Id"/>, <see cref="Version"/>) it
    /// pins a case to the exact text it started under; see <see cref="WorkflowLoader.ContentHashOf"/>.
    /// </summary>
    public string ContentHash { get; }

    public WorkflowState InitialState { get; }

    internal int VersionLine { get; }

    /// <summary>The state with this name, or null.</summary>
    public WorkflowState? FindState(string name) => statesByName.GetValueOrDefault(name);

    /// <summary>The state with this name.</summary>
    /// <exception cref="ArgumentException">The definition has no such state (a case stored in a state its pinned
    /// definition lacks is corrupt data, not a user error).</exception>
    public WorkflowState State(string name) =>
        FindState(name) ?? throw new ArgumentException(
            $"Workflow '{Id}' version {Version} has no state '{name}'.", nameof(name));

    /// <summary>The transitions offered in <paramref name="state"/>, in file order (unfiltered by role or condition).</summary>
    public IEnumerable<WorkflowTransition> TransitionsFrom(string state) =>
        Transitions.Where(t => t.From.Contains(state, StringComparer.Ordinal));

    /// <summary>The transition with this trigger leaving <paramref name="state"/>, or null. At most one exists.</summary>
    public WorkflowTransition? FindTransition(string state, string trigger) =>
        TransitionsFrom(state).FirstOrDefault(t => t.Trigger == trigger);

    /// <summary>Any transition with this trigger, from whatever state (for messages naming the action), or null.</summary>
    public WorkflowTransition? FindTrigger(string trigger) => Transitions.FirstOrDefault(t => t.Trigger == trigger);

    public override string ToString() => $"{Id} v{Version} ({SourceName})";
}
