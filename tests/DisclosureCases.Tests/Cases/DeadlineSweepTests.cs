using System.Net;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Notifications;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Cases;

/// <summary>
/// The daily deadline sweep over real cases, on a test clock standing at Monday 2026-11-23 09:00 Beijing time unless a
/// test moves it: who is told what, once.
/// </summary>
public sealed class DeadlineSweepTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    static readonly DateOnly Monday = D("2026-11-23");
    readonly CaseMaker maker = new(factory);

    async Task<DeadlineSweep.Result> SweepAsync() => await factory.Services.GetRequiredService<DeadlineSweep>().RunAsync(default);

    /// <summary>The latest receipt date whose 20-working-day reply deadline is <paramref name="due"/>.</summary>
    static DateOnly ReceivedForReplyDue(DateOnly due)
    {
        var d = due.AddDays(-1);
        while (RealCalculator.AddWorkingDays(d, 20) > due) d = d.AddDays(-1);
        RealCalculator.AddWorkingDays(d, 20).ShouldBe(due);
        return d;
    }

    /// <summary>A case received on <paramref name="receivedOn"/> and registered to the demo clerk of its agency.</summary>
    async Task<int> RegisteredAsync(DateOnly receivedOn, string clerk = "clerk")
    {
        factory.Clock.Set(TestClock.Beijing(Monday, 9));
        var c = await maker.ReceiveAsync(clerk, "刘志强", i => i.ArrivedOn = receivedOn);
        var actor = await maker.ActorAsync(clerk);
        await maker.FireAsync(c.Id, "register", actor, new() { ["handler"] = actor.UserId });
        return c.Id;
    }

    async Task<List<Notification>> NotificationsOfAsync(int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Notifications.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task Three_working_days_before_the_reply_is_due_the_handler_is_reminded_once_however_often_the_sweep_runs()
    {
        var id = await RegisteredAsync(ReceivedForReplyDue(D("2026-11-26")));
        var clerk = await factory.UserIdAsync("clerk");

        await SweepAsync();
        await SweepAsync();
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await SweepAsync();

        var n = (await NotificationsOfAsync(id)).ShouldHaveSingleItem();
        n.RecipientId.ShouldBe(clerk);
        n.DeadlineKey.ShouldBe(DeadlineKeys.Reply);
        n.Threshold.ShouldBe(NotificationThreshold.DueSoon);
        n.DueDate.ShouldBe(D("2026-11-26"));
        n.Title.ShouldBe("答复期限将至");
        n.Message.ShouldEndWith("的答复期限将于2026-11-26届满，剩余3个工作日。");
        n.Link.ShouldBe($"/Cases/{id}#deadlines");
        n.ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task Four_working_days_before_nobody_is_reminded_yet()
    {
        var id = await RegisteredAsync(ReceivedForReplyDue(D("2026-11-27")));
        await SweepAsync();
        (await NotificationsOfAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task On_the_due_day_and_again_once_overdue_the_handler_is_told_and_when_overdue_the_managers_too()
    {
        var id = await RegisteredAsync(ReceivedForReplyDue(Monday));
        await SweepAsync();
        var today = (await NotificationsOfAsync(id)).ShouldHaveSingleItem();
        today.Threshold.ShouldBe(NotificationThreshold.DueToday);
        today.Title.ShouldBe("答复期限今日届满");

        factory.Clock.Set(TestClock.Beijing(D("2026-11-25"), 7));
        await SweepAsync();
        await SweepAsync();
        var overdue = (await NotificationsOfAsync(id)).Where(n => n.Threshold == NotificationThreshold.Overdue).ToList();
        overdue.Select(n => n.RecipientId).OrderBy(x => x)
            .ShouldBe(new[] { await factory.UserIdAsync("clerk"), await factory.UserIdAsync("manager") }.OrderBy(x => x));
        overdue.ShouldAllBe(n => n.Message.EndsWith("的答复期限已于2026-11-23届满，现已超期2个工作日。"));
    }

    [Fact]
    public async Task Another_agencys_overdue_case_reaches_its_own_clerk_and_not_this_agencys_manager()
    {
        var id = await RegisteredAsync(ReceivedForReplyDue(D("2026-11-20")), clerk: "clerk2");
        await SweepAsync();
        var n = (await NotificationsOfAsync(id)).ShouldHaveSingleItem();
        n.RecipientId.ShouldBe(await factory.UserIdAsync("clerk2"));
        n.Threshold.ShouldBe(NotificationThreshold.Overdue);
        n.AgencyId.ShouldBe((await maker.ActorAsync("clerk2")).AgencyId);
    }

    [Fact]
    public async Task Before_registration_every_clerk_of_the_agency_is_reminded_of_the_correction_notice_period()
    {
        factory.Clock.Set(TestClock.Beijing(Monday, 9));
        // Received on Tuesday 11-17: the single correction notice is due on Thursday 11-26, three working days away.
        var c = await maker.ReceiveAsync("clerk", "刘志强", i => i.ArrivedOn = D("2026-11-17"));
        await SweepAsync();
        var n = (await NotificationsOfAsync(c.Id)).ShouldHaveSingleItem();
        n.RecipientId.ShouldBe(await factory.UserIdAsync("clerk"));
        n.DeadlineKey.ShouldBe(DeadlineKeys.CorrectionNotice);
        n.Threshold.ShouldBe(NotificationThreshold.DueSoon);
        n.Message.ShouldStartWith("2026-11-17收到的申请（未登记）的补正告知期限将于2026-11-26届满");
    }

    [Fact]
    public async Task An_expired_correction_period_is_a_task_whose_link_offers_closing_the_case_in_one_click()
    {
        factory.Clock.Set(TestClock.Beijing(D("2026-11-16"), 9));
        var c = await maker.ReceiveAsync("clerk", "刘志强", i => i.ArrivedOn = D("2026-11-16"));
        var actor = await maker.ActorAsync("clerk");
        await maker.FireAsync(c.Id, "register", actor, new() { ["handler"] = actor.UserId });
        await maker.FireAsync(c.Id, "request-correction", actor, new() { ["items"] = "请写明所需信息的文号", ["correction-due"] = "2026-11-20" });

        factory.Clock.Set(TestClock.Beijing(Monday, 9));
        await SweepAsync();
        await SweepAsync();
        var task = (await NotificationsOfAsync(c.Id)).Where(n => n.Threshold == NotificationThreshold.CorrectionExpired).ShouldHaveSingleItem();
        task.Kind.ShouldBe(NotificationKind.Task);
        task.DeadlineKey.ShouldBe(DeadlineKeys.CorrectionAnswer);
        task.RecipientId.ShouldBe(actor.UserId);
        task.Message.ShouldContain("补正期限已于2026-11-20届满");
        task.Message.ShouldContain("其他处理 1");
        task.Link.ShouldBe($"/Cases/{c.Id}?act=close-no-correction#actions");
        (await NotificationsOfAsync(c.Id)).ShouldNotContain(n => n.RecipientId == "manager");

        var clerk = await factory.SignInAsync("clerk");
        var page = await clerk.GetStringAsync(task.Link);
        page.ShouldContain("<details open=\"open\" data-trigger=\"close-no-correction\">");
        await clerk.FireOkAsync(c.Id, "close-no-correction");
        (await factory.LoadCaseAsync(c.Id)).Outcome.ShouldBe("other-no-correction");
    }

    [Fact]
    public async Task An_expired_consultation_period_is_a_task_to_record_the_result_and_decide()
    {
        var id = await RegisteredAsync(D("2026-10-26"));
        var actor = await maker.ActorAsync("clerk");
        await maker.FireAsync(id, "start-consultation", actor,
            new() { ["party"] = "third-party", ["party-name"] = "上海某置业有限公司", ["sent-on"] = "2026-10-27" });
        var due = RealCalculator.AddWorkingDays(D("2026-10-27"), 15);
        due.ShouldBeLessThan(Monday);

        await SweepAsync();
        var task = (await NotificationsOfAsync(id)).ShouldHaveSingleItem();
        task.Threshold.ShouldBe(NotificationThreshold.ConsultationExpired);
        task.Kind.ShouldBe(NotificationKind.Task);
        task.DueDate.ShouldBe(due);
        task.Link.ShouldBe($"/Cases/{id}?act=end-consultation#actions");
        task.Message.ShouldContain("第三方逾期未提出意见的");
    }

    [Fact]
    public async Task Archived_cases_are_not_swept()
    {
        factory.Clock.Set(TestClock.Beijing(Monday, 9));
        var archived = await maker.ReceiveAsync("clerk", "刘志强", i => i.ArrivedOn = D("2026-10-12"));
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            await db.Cases.Where(c => c.Id == archived.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Archived, true));
        await SweepAsync();
        (await NotificationsOfAsync(archived.Id)).ShouldBeEmpty();
    }
}
