namespace DisclosureCases.Workflow;

/// <summary>
/// A named condition on the case that must hold for a transition to be offered and accepted, e.g.
/// <c>extension-not-used</c> (条例第33条 allows one extension).
/// </summary>
/// <param name="Condition">Name from <see cref="WorkflowVocabulary.Conditions"/>, evaluated by <see cref="ICaseConditions"/>.</param>
/// <param name="Message">The Chinese refusal shown when it does not hold.</param>
public sealed record WorkflowGuard(string Condition, string Message);

/// <summary>
/// Answers the named conditions of a definition's guards for one case. The application implements it over the case
/// it has loaded; the runtime stays free of persistence.
/// </summary>
public interface ICaseConditions
{
    /// <summary>
    /// Whether <paramref name="conditionName"/> holds for the case now. Only names of the vocabulary the definition
    /// was loaded with are asked; an implementation should throw on any other name rather than answer false.
    /// </summary>
    bool Holds(string conditionName);
}
