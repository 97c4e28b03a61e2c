using DisclosureCases.Domain.Applicants;

namespace DisclosureCases.Applicants;

/// <summary>
/// <c>Applicants</c> in appsettings: when an applicant's count of applications is flagged (see
/// <see cref="ApplicantActivity"/>), and which workflow action the flag points at.
/// </summary>
public sealed class ApplicantOptions : Web.IHasProblems
{
    public const string Section = "Applicants";

    public ThresholdOptions Thresholds { get; set; } = new();

    /// <summary>
    /// The trigger of the workflow's 第35条 path (要求说明理由, <c>workflows/application.yaml</c>): the flag links to it on
    /// the case page when the case's state offers it.
    /// </summary>
    public string ExcessiveRequestTrigger { get; set; } = "ask-reasons";

    public ApplicantThresholds ToThresholds() =>
        new(Thresholds.Last30Days, Thresholds.Last90Days, Thresholds.Last365Days, Thresholds.CalendarMonth);

    /// <summary><c>Applicants:Thresholds</c>: a window is flagged when its count is more than its threshold.</summary>
    public sealed class ThresholdOptions
    {
        public int Last30Days { get; set; } = 10;
        public int Last90Days { get; set; } = 20;
        public int Last365Days { get; set; } = 50;
        /// <summary>10 by default: the free band of the fee scale (fees.yaml <c>free</c>).</summary>
        public int CalendarMonth { get; set; } = 10;
    }

    /// <summary>The problems of the settings, each naming the setting and the rule (empty when valid).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("Last30Days", Thresholds.Last30Days), ("Last90Days", Thresholds.Last90Days),
                     ("Last365Days", Thresholds.Last365Days), ("CalendarMonth", Thresholds.CalendarMonth) })
            if (value < 0) yield return $"Applicants:Thresholds:{name} 应为不小于0的整数，而不是{value}";
        if (string.IsNullOrWhiteSpace(ExcessiveRequestTrigger)) yield return "Applicants:ExcessiveRequestTrigger 不能为空";
    }
}
