using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Workflow;

namespace DisclosureCases.Cases;

/// <summary>
/// A case's deadlines: computed from its clock events by <see cref="CaseClocks"/> (never stored as truth), then
/// narrowed to what its current state watches. <see cref="Project"/> writes the derived columns the worklist sorts by.
/// </summary>
public static class CaseDeadlines
{
    public static ClockEvent ToDomain(CaseClockEvent e) => new(ClockEventNames.Parse(e.Kind), e.Date, e.Note, e.AnswerBy);

    public static CaseClockSet Compute(Case c, PeriodCalculator calculator) =>
        CaseClocks.Compute(InOrder(c.ClockEvents).Select(ToDomain).ToList(), calculator);

    /// <summary>
    /// Clock events in the order they happened: by date, and on one date in the order they were recorded. An event
    /// added in the current transaction has no id yet (0) and comes after the saved ones — a reply given on the day of
    /// receipt (当场答复) follows its <c>received</c> event, not precedes it.
    /// </summary>
    public static IEnumerable<CaseClockEvent> InOrder(IEnumerable<CaseClockEvent> events) =>
        events.OrderBy(e => e.Date).ThenBy(e => e.Id == 0).ThenBy(e => e.Id);

    /// <summary>The running deadlines the case's state watches, earliest first.</summary>
    public static IReadOnlyList<CaseDeadline> Watched(Case c, WorkflowDefinition definition, CaseClockSet clocks)
    {
        var watched = definition.FindState(c.State)?.Deadlines ?? [];
        return clocks.Deadlines
            .Where(d => d.Status == ClockStatus.Running && d.Due is not null && watched.Contains(d.Key))
            .OrderBy(d => d.Due)
            .ToList();
    }

    /// <summary>
    /// Deadlines that open a window rather than impose a duty. 补正 may be asked only within 7 working days of receipt
    /// (条例第30条), but an application that is clear needs none: when the window closes nothing is overdue, the agency
    /// has simply lost the chance to ask. Such a window is shown on the case page but never drives the worklist.
    /// </summary>
    public static readonly IReadOnlySet<string> Windows = new HashSet<string>([DeadlineKeys.CorrectionNotice]);

    /// <summary>Rewrites <see cref="Case.NextDue"/>, <see cref="Case.NextDueKey"/> and <see cref="Case.ReplyDue"/>.</summary>
    public static void Project(Case c, WorkflowDefinition definition, PeriodCalculator calculator)
    {
        var clocks = Compute(c, calculator);
        c.ReplyDue = clocks.Reply?.Due;
        var next = Watched(c, definition, clocks).FirstOrDefault(d => !Windows.Contains(d.Key));
        c.NextDue = next?.Due;
        c.NextDueKey = next?.Key;
    }
}

/// <summary>Clock event names as workflow definitions spell them (kebab-case) and the engine's enum.</summary>
public static class ClockEventNames
{
    public static ClockEventKind Parse(string name) =>
        Enum.Parse<ClockEventKind>(name.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    public static string Name(ClockEventKind kind) =>
        string.Concat(kind.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
