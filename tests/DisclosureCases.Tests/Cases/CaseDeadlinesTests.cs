using DisclosureCases.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Tests.Support;
using static DisclosureCases.Tests.Support.Calendars;
using Case = DisclosureCases.Domain.Cases.Case;
using CaseClockEvent = DisclosureCases.Domain.Cases.CaseClockEvent;

namespace DisclosureCases.Tests.Cases;

public class CaseDeadlinesTests
{
    [Fact]
    public void A_reply_recorded_on_the_day_of_receipt_follows_the_saved_receipt_event()
    {
        // The reply is being added in the current transaction: no id yet, while the receipt was saved long ago.
        var c = new Case();
        c.ClockEvents.Add(new CaseClockEvent { Id = 7, Kind = "received", Date = D("2026-11-20") });
        c.ClockEvents.Add(new CaseClockEvent { Id = 0, Kind = "replied", Date = D("2026-11-20") });

        var clocks = CaseDeadlines.Compute(c, RealCalculator);

        clocks.Reply.ShouldNotBeNull().Status.ShouldNotBe(ClockStatus.Running);
    }

    [Fact]
    public void Events_of_one_day_keep_the_order_they_were_recorded_in()
    {
        var events = new[]
        {
            new CaseClockEvent { Id = 0, Kind = "replied", Date = D("2026-11-20") },
            new CaseClockEvent { Id = 9, Kind = "correction-received", Date = D("2026-11-20") },
            new CaseClockEvent { Id = 3, Kind = "received", Date = D("2026-11-20") },
            new CaseClockEvent { Id = 0, Kind = "extension-approved", Date = D("2026-11-19") },
        };

        CaseDeadlines.InOrder(events).Select(e => e.Kind)
            .ShouldBe(["extension-approved", "received", "correction-received", "replied"]);
    }
}
