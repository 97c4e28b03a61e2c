using System.Globalization;

namespace DisclosureCases.Jobs;

/// <summary>
/// How a job type is retried after a failed attempt: at most <see cref="MaxAttempts"/> attempts in all, the n-th retry
/// <see cref="FirstDelay"/> × <see cref="Factor"/>^(n−1) after the failure (never more than <see cref="MaxDelay"/>),
/// spread by ±<see cref="Jitter"/> so that retries of many nodes do not arrive together; exceptions of a
/// <see cref="NotWorthRetrying"/> type (bad input, inconsistent data) fail at once. A failure with no attempt left
/// raises an incident (<see cref="JobIncident"/>).
/// </summary>
public sealed record JobRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, double Factor, TimeSpan MaxDelay, double Jitter,
    IReadOnlyList<Type> NotWorthRetrying)
{
    /// <summary>What the <see cref="NotWorthRetrying"/> errors are, in Chinese, for the dashboard (their type names otherwise).</summary>
    public string? NotWorthRetryingText { get; init; }

    /// <summary>One attempt: any failure is an incident.</summary>
    public static JobRetryPolicy Never { get; } = new(1, TimeSpan.Zero, 1, TimeSpan.Zero, 0, []);

    /// <summary>Whether a failure of attempt <paramref name="attempt"/> (1-based) with <paramref name="error"/> is tried again.</summary>
    public bool Retries(Exception error, int attempt) => attempt < MaxAttempts && IsWorthRetrying(error);

    /// <summary>False for an exception of (or derived from) a <see cref="NotWorthRetrying"/> type.</summary>
    public bool IsWorthRetrying(Exception error) => !NotWorthRetrying.Any(t => t.IsInstanceOfType(error));

    /// <summary>The delay before the attempt after failed attempt <paramref name="failedAttempt"/>, without jitter.</summary>
    public TimeSpan NominalDelayAfter(int failedAttempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var ticks = FirstDelay.Ticks * Math.Pow(Factor, failedAttempt - 1);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// The delay before the next attempt: <see cref="NominalDelayAfter"/> moved by a random share of at most
    /// <see cref="Jitter"/> either way (<paramref name="random"/> gives the share; a jitter of 0 gives the nominal delay).
    /// </summary>
    public TimeSpan DelayAfter(int failedAttempt, Random random)
    {
        var nominal = NominalDelayAfter(failedAttempt);
        if (Jitter <= 0) return nominal;
        var factor = 1 + Jitter * (2 * random.NextDouble() - 1);
        return TimeSpan.FromTicks((long)(nominal.Ticks * factor));
    }

    /// <summary>The policy in Chinese, as the dashboard shows it.</summary>
    public string Describe()
    {
        if (MaxAttempts <= 1) return "失败不自动重试";
        var text = $"最多执行{MaxAttempts}次；首次重试间隔{Span(FirstDelay)}";
        if (Factor > 1) text += $"，此后每次×{Factor.ToString(CultureInfo.InvariantCulture)}，至多{Span(MaxDelay)}";
        if (Jitter > 0) text += $"，随机浮动±{Jitter * 100:0}%";
        if (NotWorthRetrying.Count > 0) text += $"；不重试：{NotWorthRetryingText ?? string.Join("、", NotWorthRetrying.Select(t => t.Name))}";
        return text;
    }

    static string Span(TimeSpan t) =>
        t.TotalHours >= 1 && t.TotalHours == Math.Floor(t.TotalHours) ? $"{t.TotalHours:0}小时"
        : t.TotalMinutes >= 1 && t.TotalMinutes == Math.Floor(t.TotalMinutes) ? $"{t.TotalMinutes:0}分钟"
        : $"{t.TotalSeconds:0}秒";
}
