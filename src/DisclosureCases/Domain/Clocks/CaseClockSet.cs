namespace DisclosureCases.Domain.Clocks;

/// <summary>All deadlines of one application at the moment of its last event.</summary>
public sealed class CaseClockSet
{
    internal CaseClockSet(IReadOnlyList<CaseDeadline> deadlines, bool extensionUsed)
    {
        Deadlines = deadlines;
        ExtensionUsed = extensionUsed;
    }

    /// <summary>No event recorded yet: no deadline.</summary>
    public static CaseClockSet Empty { get; } = new([], false);

    /// <summary>Reply first, then the others in the order the law introduces them.</summary>
    public IReadOnlyList<CaseDeadline> Deadlines { get; }

    /// <summary>The 答复期限, once the application is received.</summary>
    public CaseDeadline? Reply => Find(DeadlineKeys.Reply);

    /// <summary>True once the single extension of 条例第33条第2款 has been approved.</summary>
    public bool ExtensionUsed { get; }

    /// <summary>The deadline with that <see cref="DeadlineKeys">key</see>, if the events gave rise to it.</summary>
    public CaseDeadline? Find(string key) => Deadlines.FirstOrDefault(d => d.Key == key);
}
