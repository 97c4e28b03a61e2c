using DisclosureCases.Jobs;

namespace DisclosureCases.Tests.Jobs;

/// <summary>How long a job waits before its next attempt, and when it stops trying.</summary>
public class JobRetryPolicyTests
{
    static readonly JobRetryPolicy Policy = new(4, TimeSpan.FromMinutes(1), 5, TimeSpan.FromMinutes(30), 0.2, [typeof(InvalidDataException)]);

    [Fact]
    public void Delays_grow_by_the_factor_up_to_the_ceiling()
    {
        Policy.NominalDelayAfter(1).ShouldBe(TimeSpan.FromMinutes(1));
        Policy.NominalDelayAfter(2).ShouldBe(TimeSpan.FromMinutes(5));
        Policy.NominalDelayAfter(3).ShouldBe(TimeSpan.FromMinutes(25));
        Policy.NominalDelayAfter(4).ShouldBe(TimeSpan.FromMinutes(30));
        Policy.NominalDelayAfter(40).ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void Jitter_moves_a_delay_by_at_most_its_share_either_way_and_does_move_it()
    {
        var random = new Random(2026);
        var delays = Enumerable.Range(0, 500).Select(_ => Policy.DelayAfter(2, random)).ToList();
        delays.ShouldAllBe(d => d >= TimeSpan.FromMinutes(4) && d <= TimeSpan.FromMinutes(6));
        delays.Distinct().Count().ShouldBeGreaterThan(100);
        delays.ShouldContain(d => d < TimeSpan.FromMinutes(4.5));
        delays.ShouldContain(d => d > TimeSpan.FromMinutes(5.5));
    }

    [Fact]
    public void Without_jitter_the_delay_is_exact() =>
        (Policy with { Jitter = 0 }).DelayAfter(3, new Random(1)).ShouldBe(TimeSpan.FromMinutes(25));

    [Fact]
    public void A_failure_is_retried_until_the_last_attempt()
    {
        var e = new IOException("暂时故障");
        Policy.Retries(e, 1).ShouldBeTrue();
        Policy.Retries(e, 3).ShouldBeTrue();
        Policy.Retries(e, 4).ShouldBeFalse();
    }

    [Fact]
    public void An_error_not_worth_retrying_is_not_retried_nor_are_its_subclasses()
    {
        Policy.Retries(new InvalidDataException(), 1).ShouldBeFalse();
        var strict = Policy with { NotWorthRetrying = [typeof(ArgumentException)] };
        strict.Retries(new ArgumentOutOfRangeException(), 1).ShouldBeFalse();
        strict.Retries(new InvalidOperationException(), 1).ShouldBeTrue();
    }

    [Fact]
    public void Never_means_one_attempt() =>
        JobRetryPolicy.Never.Retries(new IOException(), 1).ShouldBeFalse();

    [Fact]
    public void The_dashboard_describes_the_policy_in_Chinese()
    {
        Policy.Describe().ShouldBe("最多执行4次；首次重试间隔1分钟，此后每次×5，至多30分钟，随机浮动±20%；不重试：InvalidDataException");
        JobRetryPolicy.Never.Describe().ShouldBe("失败不自动重试");
        (Policy with { NotWorthRetryingText = "数据有误" }).Describe().ShouldEndWith("；不重试：数据有误");
    }
}
