using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Workflow;

namespace DisclosureCases.Cases;

/// <summary>The named conditions of workflow guards, answered over one loaded case.</summary>
public sealed class CaseConditions(Case c, PeriodCalculator calculator, DateOnly today) : ICaseConditions
{
    public bool Holds(string conditionName) => conditionName switch
    {
        "handler-assigned" => c.HandlerId is not null,
        "outcome-selected" => c.Outcome is not null,
        // 条例第33条: one extension at most.
        "extension-not-used" => !CaseDeadlines.Compute(c, calculator).ExtensionUsed,
        // 条例第30条: the correction notice is given once.
        "correction-not-requested-before" => c.ClockEvents.All(e => e.Kind != "correction-requested"),
        "correction-period-over" => c.CorrectionDue is { } due && today > due,
        "fee-period-over" => c.FeeDue is { } due && today > due,
        _ => throw new ArgumentOutOfRangeException(nameof(conditionName), conditionName, "Unknown workflow condition."),
    };
}
