using System.Net;
using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Calendar;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Notifications;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Cases;

/// <summary>
/// A changed holiday calendar — a year file corrected and reloaded by an administrator, or found changed at start-up —
/// moves exactly the deadlines it affects, on exactly the cases it affects, and says so on their records.
/// </summary>
public sealed class CalendarChangeTests
{
    /// <summary>Received on Monday 2026-03-02 and registered: 补正告知 due 03-11, reply due 03-30.</summary>
    static readonly DateOnly Affected = D("2026-03-02");
    /// <summary>A working day after the correction-notice deadline and before the reply deadline of <see cref="Affected"/>.</summary>
    static readonly DateOnly NewHoliday = RealCalculator.AddWorkingDays(Affected, 15);
    static readonly DateOnly UnaffectedReceipt = D("2026-06-01");

    static async Task<(int Affected, int Unaffected, int Archived)> CasesAsync(AppFactory factory)
    {
        var maker = new CaseMaker(factory);
        var actor = await maker.ActorAsync("clerk");
        async Task<int> Registered(DateOnly on)
        {
            var c = await maker.ReceiveAsync("clerk", "刘志强", i => i.ArrivedOn = on);
            await maker.FireAsync(c.Id, "register", actor, new() { ["handler"] = actor.UserId });
            return c.Id;
        }
        var affected = await Registered(Affected);
        var unaffected = await Registered(UnaffectedReceipt);
        var archived = await Registered(Affected);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        await db.Cases.Where(c => c.Id == archived).ExecuteUpdateAsync(s => s.SetProperty(c => c.Archived, true));
        return (affected, unaffected, archived);
    }

    static async Task<List<CaseEvent>> MovedEventsAsync(AppFactory factory, int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Kind == CaseEventKinds.DeadlinesMoved).ToListAsync();
    }

    static async Task<CalendarChange> CompletedChangeAsync(AppFactory factory) =>
        await Eventually.Async(async () =>
        {
            await using var db = factory.Database.CreateContext(AgencyScope.All);
            return await db.CalendarChanges.AsNoTracking().FirstOrDefaultAsync(c => c.CompletedAt != null);
        }, "the deadlines-recompute job to complete the calendar change");

    [Fact]
    public async Task A_reloaded_calendar_moves_exactly_the_affected_deadlines_audits_them_and_tells_the_handler()
    {
        using var root = new TempRoot();
        using var factory = new SchedulerAppFactory(SchedulerTesting.DefaultClock(), root: root.Path);
        var (affected, unaffected, archived) = await CasesAsync(factory);
        var oldReply = RealCalculator.AddWorkingDays(Affected, 20);
        var before = await factory.LoadCaseAsync(affected);
        before.ReplyDue.ShouldBe(oldReply);
        var untouched = await factory.LoadCaseAsync(unaffected);

        root.AddHoliday(NewHoliday);
        var admin = await factory.SignInAsync("admin");
        var reload = await admin.PostFormAsync("/Admin/Calendar?handler=Reload", [], formPageUrl: "/Admin/Calendar");
        reload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var change = await CompletedChangeAsync(factory);
        change.By.ShouldBe("李文静");
        change.CasesMoved.ShouldBe(1);

        var newReply = RealCalculator.AddWorkingDays(oldReply, 1);
        var moved = (await MovedEventsAsync(factory, affected)).ShouldHaveSingleItem();
        moved.ActorName.ShouldBe("系统");
        moved.Summary.ShouldBe($"法定节假日安排调整，期限变更：答复期限 {oldReply:yyyy-MM-dd} → {newReply:yyyy-MM-dd}");
        var data = JsonDocument.Parse(moved.Data).RootElement;
        data.GetProperty("calendarChange").GetInt32().ShouldBe(change.Id);
        var changes = data.GetProperty("changes").EnumerateArray().ToList();
        changes.ShouldHaveSingleItem().GetProperty("field").GetString().ShouldBe(DeadlineKeys.Reply);
        changes[0].GetProperty("before").GetString().ShouldBe($"{oldReply:yyyy-MM-dd}");
        changes[0].GetProperty("after").GetString().ShouldBe($"{newReply:yyyy-MM-dd}");

        var after = await factory.LoadCaseAsync(affected);
        after.ReplyDue.ShouldBe(newReply);
        after.Version.ShouldBe(before.Version + 1);
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == affected).ToListAsync();
            AuditChain.Verify(events, after.AuditHead, after.AuditCount).ShouldBeEmpty();
            var notice = await db.Notifications.AsNoTracking().SingleAsync(n => n.CaseId == affected);
            notice.Threshold.ShouldBe(NotificationThreshold.DeadlineMoved);
            notice.RecipientId.ShouldBe(await factory.UserIdAsync("clerk"));
            notice.DueDate.ShouldBe(newReply);
            notice.Message.ShouldContain($"答复期限由{oldReply:yyyy-MM-dd}调整为{newReply:yyyy-MM-dd}");
        }

        (await MovedEventsAsync(factory, unaffected)).ShouldBeEmpty();
        (await factory.LoadCaseAsync(unaffected)).Version.ShouldBe(untouched.Version);
        (await MovedEventsAsync(factory, archived)).ShouldBeEmpty();

        // Run again (a second node, or a resumed crash): nothing more happens.
        await factory.Services.GetRequiredService<DeadlinesRecompute>().RunAsync(change.Id, default);
        (await MovedEventsAsync(factory, affected)).Count.ShouldBe(1);
        (await admin.GetStringAsync("/Admin/Calendar")).ShouldContain("1件案件期限有变化");
        (await admin.GetStringAsync($"/Cases/{affected}")).ShouldContain($"{newReply:yyyy-MM-dd}");
    }

    [Fact]
    public async Task A_calendar_changed_while_the_application_was_stopped_is_recomputed_when_it_starts()
    {
        using var root = new TempRoot();
        var directory = AppFactory.NewDirectory();
        var name = "calendar-" + Guid.NewGuid().ToString("N")[..8];
        int affected;
        using (var first = new SchedulerAppFactory(SchedulerTesting.DefaultClock(), directory, keepDirectory: true, root: root.Path, instanceName: name))
            (affected, _, _) = await CasesAsync(first);

        root.AddHoliday(NewHoliday);
        using var second = new SchedulerAppFactory(SchedulerTesting.DefaultClock(), directory, keepDirectory: false, root: root.Path, instanceName: name);
        var change = await CompletedChangeAsync(second);
        change.By.ShouldBe("系统");
        change.CasesMoved.ShouldBe(1);
        (await MovedEventsAsync(second, affected)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Reloading_an_unchanged_calendar_changes_nothing_and_a_broken_file_is_refused_with_its_line()
    {
        using var root = new TempRoot();
        using var factory = new SchedulerAppFactory(SchedulerTesting.DefaultClock(), root: root.Path);
        var admin = await factory.SignInAsync("admin");
        var hash = factory.Services.GetRequiredService<CalendarHolder>().Calendar.ContentHash;

        await admin.PostFormAsync("/Admin/Calendar?handler=Reload", [], formPageUrl: "/Admin/Calendar");
        (await admin.GetStringAsync("/Admin/Calendar")).ShouldContain("节假日安排没有变化");

        File.AppendAllText(root.CalendarFile(2026), "  - name: 错误\n    off: {from: 2026-13-01, to: 2026-13-01}\n");
        var refused = await admin.PostFormAsync("/Admin/Calendar?handler=Reload", [], formPageUrl: "/Admin/Calendar");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("2026.yaml:");
        factory.Services.GetRequiredService<CalendarHolder>().Calendar.ContentHash.ShouldBe(hash);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.CalendarChanges.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public void A_stored_calendar_version_reads_back_as_the_same_calendar()
    {
        var stored = StoredCalendarVersion.From(Real, DateTimeOffset.UtcNow);
        var again = stored.ToCalendar();
        again.ContentHash.ShouldBe(Real.ContentHash);
        new PeriodCalculator(again).AddWorkingDays(D("2026-09-30"), 3).ShouldBe(D("2026-10-10"));
    }

    [Fact]
    public void The_diff_names_each_deadline_whose_due_date_differs()
    {
        var c = new DisclosureCases.Domain.Cases.Case { ClockEvents = [new() { Id = 1, Kind = "received", Date = Affected }] };
        var changed = StatutoryCalendar.FromEntries(
            Real.Entries.Append(new CalendarEntry(NewHoliday, CalendarEntryKind.Holiday, "调整放假", "测试", "test")), Real.FirstYear, Real.LastYear);
        var moved = DeadlinesRecompute.Diff(c, RealCalculator, new PeriodCalculator(changed)).ShouldHaveSingleItem();
        moved.Key.ShouldBe(DeadlineKeys.Reply);
        moved.After.ShouldBe(RealCalculator.AddWorkingDays(moved.Before!.Value, 1));
        DeadlinesRecompute.Diff(c, RealCalculator, RealCalculator).ShouldBeEmpty();
    }
}
