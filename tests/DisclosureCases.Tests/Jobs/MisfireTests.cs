using DisclosureCases.Jobs;
using DisclosureCases.Tests.Support;
using Quartz;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Jobs;

/// <summary>
/// What the recurring jobs do about the occurrences they missed while no node was running: the scheduler is stopped
/// with the application and started again, on the same database, days later by the test clock.
/// </summary>
public sealed class MisfireTests
{
    static readonly TriggerKey Sweep = new(JobCatalog.DeadlineSweep, JobCatalog.RecurringGroup);

    [Fact]
    public async Task A_daily_sweep_missed_on_four_mornings_of_downtime_fires_once_when_the_application_is_back()
    {
        var directory = AppFactory.NewDirectory();
        var name = "misfire-" + Guid.NewGuid().ToString("N")[..8];
        var monday = D("2026-11-23");
        using (var before = new SchedulerAppFactory(TestClock.AtBeijing(monday, 6), directory, keepDirectory: true, instanceName: name))
        {
            var trigger = await (await before.SchedulerAsync()).GetTrigger(Sweep);
            trigger!.NextFireTimeUtc.ShouldBe(TestClock.Beijing(monday, 7));
        } // the host stops, and the scheduler with it

        // Back on Thursday at 09:00: the sweeps of Monday to Thursday at 07:00 were all missed.
        using var after = new SchedulerAppFactory(TestClock.AtBeijing(monday.AddDays(3), 9), directory, keepDirectory: false, instanceName: name);
        var runs = await after.FinishedRunsAsync(JobCatalog.DeadlineSweep, 1);

        // Fired once, now, and then back on its schedule: Friday 07:00 is next, so no further catch-up can follow.
        var next = (await (await after.SchedulerAsync()).GetTrigger(Sweep))!.NextFireTimeUtc;
        next.ShouldBe(TestClock.Beijing(monday.AddDays(4), 7));
        runs = await after.RunsAsync(JobCatalog.DeadlineSweep);
        runs.ShouldHaveSingleItem().Outcome.ShouldBe(JobRunOutcome.Succeeded);
        runs[0].StartedAt.ShouldBe(TestClock.Beijing(monday.AddDays(3), 9));

        // The history cleanup says "do nothing" about missed nights: it did not run, and waits for Friday 03:30.
        (await after.RunsAsync(JobCatalog.HistoryCleanup)).ShouldBeEmpty();
        (await (await after.SchedulerAsync()).GetTrigger(new TriggerKey(JobCatalog.HistoryCleanup, JobCatalog.RecurringGroup)))!
            .NextFireTimeUtc.ShouldBe(TestClock.Beijing(monday.AddDays(4), 3, 30));
    }
}
