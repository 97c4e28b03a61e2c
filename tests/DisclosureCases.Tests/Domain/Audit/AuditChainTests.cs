using DisclosureCases.Domain.Audit;

namespace DisclosureCases.Tests.Domain.Audit;

public class AuditChainTests
{
    static CaseEvent Event(DateTimeOffset at) => new()
    {
        CaseId = 7, AgencyId = 1, At = at, ActorId = "u1", ActorName = "王晓梅", Kind = CaseEventKinds.Created, ToState = "received",
        Summary = "接收申请", Data = "{}",
    };

    [Fact]
    public void An_appended_event_keeps_only_whole_microseconds_so_a_PostgreSQL_row_still_verifies()
    {
        var e = Event(new DateTimeOffset(2026, 11, 21, 2, 30, 0, TimeSpan.Zero).AddTicks(1_234_567));
        var head = AuditChain.Append(e, "", 0);
        e.At.Ticks.ShouldBe(new DateTimeOffset(2026, 11, 21, 2, 30, 0, TimeSpan.Zero).AddTicks(1_234_560).Ticks);

        // What PostgreSQL gives back: the same instant to the microsecond.
        var stored = Event(new DateTimeOffset(e.At.Ticks / 10 * 10, TimeSpan.Zero));
        (stored.Sequence, stored.PreviousHash, stored.Hash) = (e.Sequence, e.PreviousHash, e.Hash);
        AuditChain.Verify([stored], head, 1).ShouldBeEmpty();
    }

    [Fact]
    public void A_changed_summary_breaks_the_chain()
    {
        var first = Event(DateTimeOffset.UnixEpoch);
        var head = AuditChain.Append(first, "", 0);
        var second = Event(DateTimeOffset.UnixEpoch.AddMinutes(5));
        head = AuditChain.Append(second, head, 1);
        first.Summary = "接收申请（已改）";
        AuditChain.Verify([first, second], head, 2).ShouldBe(["事件 1 的内容已被改动（哈希不符）"]);
    }
}
