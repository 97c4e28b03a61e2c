using DisclosureCases.Domain.Audit;

namespace DisclosureCases.Tests.Domain.Audit;

public class AuditChainTests
{
    static List<CaseEvent> Chain(int length, out string head)
    {
        var events = new List<CaseEvent>();
        head = "";
        for (var i = 0; i < length; i++)
        {
            var e = new CaseEvent
            {
                CaseId = 7, AgencyId = 1, At = new DateTimeOffset(2026, 11, 20, 2, 0, i, TimeSpan.Zero).AddTicks(1234567),
                ActorId = "u1", ActorName = "王晓梅", Kind = CaseEventKinds.Transition, Trigger = "t" + i, Summary = "第" + i + "步", Data = "{}",
            };
            head = AuditChain.Append(e, head, events.Count);
            events.Add(e);
        }
        return events;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var events = Chain(4, out var head);
        AuditChain.Verify(events, head, 4).ShouldBeEmpty();
    }

    [Fact]
    public void Event_times_are_kept_to_the_microsecond_so_a_database_round_trip_keeps_the_hash()
    {
        var events = Chain(1, out _);
        (events[0].At.Ticks % 10).ShouldBe(0);
        events[0].At.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void An_edited_field_breaks_that_event()
    {
        var events = Chain(3, out var head);
        events[1].ActorName = "某人";
        AuditChain.Verify(events, head, 3).ShouldContain("事件 2 的内容已被改动（哈希不符）");
    }

    [Fact]
    public void A_removed_last_event_is_caught_by_the_head_and_count_on_the_case()
    {
        var events = Chain(3, out var head);
        AuditChain.Verify(events.Take(2), head, 3).ShouldContain("事件数为 2，案件记录为 3");
    }

    [Fact]
    public void A_removed_middle_event_breaks_the_sequence_and_the_link()
    {
        var events = Chain(3, out var head);
        var problems = AuditChain.Verify([events[0], events[2]], head, 3);
        problems.ShouldContain("事件序号不连续：应为 2，实为 3");
        problems.ShouldContain("事件 3 的前序哈希与上一事件不符");
    }

    [Fact]
    public void A_chain_read_back_at_microsecond_precision_still_verifies()
    {
        var e = new CaseEvent
        {
            CaseId = 7, AgencyId = 1, At = new DateTimeOffset(2026, 11, 21, 2, 30, 0, TimeSpan.Zero).AddTicks(1_234_567),
            ActorId = "u1", ActorName = "王晓梅", Kind = CaseEventKinds.Created, ToState = "received", Summary = "接收申请", Data = "{}",
        };
        var head = AuditChain.Append(e, "", 0);
        // What PostgreSQL gives back: the same instant to the microsecond, as UTC.
        var stored = new CaseEvent
        {
            CaseId = 7, AgencyId = 1, At = new DateTimeOffset(e.At.UtcTicks / 10 * 10, TimeSpan.Zero),
            ActorId = "u1", ActorName = "王晓梅", Kind = CaseEventKinds.Created, ToState = "received", Summary = "接收申请", Data = "{}",
            Sequence = e.Sequence, PreviousHash = e.PreviousHash, Hash = e.Hash,
        };
        AuditChain.Verify([stored], head, 1).ShouldBeEmpty();
    }
}
