using DisclosureCases.Domain.Clocks;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Clocks;

/// <summary>A 复议 decision or judgment ordering a new reply restarts the reply clock (责令重新答复).</summary>
public class ReplyOrderedTests
{
    static readonly ClockEvent Received = new(ClockEventKind.Received, D("2026-06-01"));
    static readonly ClockEvent Replied = new(ClockEventKind.Replied, D("2026-06-20"));

    [Fact]
    public void The_reply_clock_runs_again_to_the_new_deadline_with_the_decision_in_its_explanation()
    {
        var ordered = new ClockEvent(ClockEventKind.ReplyOrdered, D("2026-09-29"), "行政复议 沪府复字〔2026〕第12号 撤销并责令重作", D("2026-11-02"));

        var reply = CaseClocks.Compute([Received, Replied, ordered], RealCalculator).Reply!;

        reply.Status.ShouldBe(ClockStatus.Running);
        reply.Due.ShouldBe(D("2026-11-02"));
        var lines = string.Join("\n", reply.Explanation!.Lines);
        lines.ShouldContain("责令重新答复");
        lines.ShouldContain("2026-10-01至2026-10-07 国庆节");
    }

    [Fact]
    public void A_new_reply_meets_the_reopened_clock()
    {
        var ordered = new ClockEvent(ClockEventKind.ReplyOrdered, D("2026-09-29"), null, D("2026-11-02"));
        var again = new ClockEvent(ClockEventKind.Replied, D("2026-10-20"));

        var reply = CaseClocks.Compute([Received, Replied, ordered, again], RealCalculator).Reply!;

        reply.Status.ShouldBe(ClockStatus.Met);
        reply.MetOn.ShouldBe(D("2026-10-20"));
    }

    [Fact]
    public void A_new_reply_cannot_be_ordered_before_the_first_one_was_given()
    {
        CaseClocks.Refusal([Received], new ClockEvent(ClockEventKind.ReplyOrdered, D("2026-09-29"), null, D("2026-11-02")))
            .ShouldNotBeNull().ShouldContain("尚未答复");
    }

    [Fact]
    public void A_second_reply_without_an_order_is_still_refused()
    {
        CaseClocks.Refusal([Received, Replied], new ClockEvent(ClockEventKind.Replied, D("2026-06-25")))
            .ShouldNotBeNull().ShouldContain("已于 2026-06-20 答复");
    }
}
