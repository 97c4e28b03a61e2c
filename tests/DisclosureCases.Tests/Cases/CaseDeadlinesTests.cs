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

    static DisclosureCases.Workflow.WorkflowDefinition Application() =>
        DisclosureCases.Workflow.WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, "application.yaml"), TestVocabulary.Standard);

    [Fact]
    public void The_correction_window_never_becomes_the_next_due_date_the_reply_does()
    {
        var c = new Case { State = "processing" };
        c.ClockEvents.Add(new CaseClockEvent { Id = 1, Kind = "received", Date = D("2026-11-02") });

        CaseDeadlines.Project(c, Application(), RealCalculator);

        c.NextDueKey.ShouldBe("reply", "补正 is a 7-working-day window, not a duty (条例第30条)");
        c.NextDue.ShouldBe(D("2026-11-30"));
    }

    [Fact]
    public void A_lapsed_correction_window_reads_as_closed_not_overdue()
    {
        var window = new CaseDeadline("correction-notice", "补正告知期限", D("2026-11-11"), ClockStatus.Running, false, null, 0);
        var text = DeadlineText.For(window, D("2026-11-20"), RealCalculator);
        text.Text.ShouldBe("已于2026-11-11届满，不能再告知补正（条例第三十条）");
        text.CssClass.ShouldBe("muted");
    }
}
