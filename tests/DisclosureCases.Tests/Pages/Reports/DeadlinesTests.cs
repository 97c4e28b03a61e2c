using System.Net;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Reports;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Pages.Reports;

/// <summary>时限报表 against a known set of cases: the open ones around today, and replies of 2025.</summary>
public class DeadlinesTests(DeadlinesTests.Factory factory) : IClassFixture<DeadlinesTests.Factory>
{
    /// <summary>A database with exactly the cases of <see cref="SeedAsync"/>, made once.</summary>
    public sealed class Factory : AppFactory
    {
        readonly SemaphoreSlim once = new(1, 1);
        Known? known;

        public async Task<Known> KnownAsync()
        {
            await once.WaitAsync();
            try { return known ??= await SeedAsync(this); }
            finally { once.Release(); }
        }
    }

    public sealed record Known(DateOnly Today, int Overdue, int DueToday, int DueSoon, int OnTrack, int Waiting, int OtherAgencyOverdue, int OnTimeReply);

    static async Task<Known> SeedAsync(AppFactory app)
    {
        var cases = new ReportCases(app);
        var calendar = app.Services.GetRequiredService<CalendarHolder>().Calculator;
        var today = ShanghaiTime.Today(TimeProvider.System);
        async Task<int> Open(DateOnly? due, string state = "processing", string agency = DemoInstallation.PrimaryAgencyCode, string received = "2026-01-05") =>
            (await cases.AddAsync(received, agency: agency, change: c => { c.NextDue = due; c.State = state; })).Id;

        var overdue = await Open(today.AddDays(-2), received: "2025-11-03");
        var dueToday = await Open(today);
        var dueSoon = await Open(calendar.AddWorkingDays(today, 2));
        var onTrack = await Open(calendar.AddWorkingDays(today, 10));
        var waiting = await Open(null, "awaiting-correction");
        var other = await Open(today.AddDays(-5), agency: DemoInstallation.SecondAgencyCode, received: "2025-01-02");

        var onTime = await cases.AddAsync("2025-03-03", "2025-03-10", "disclose", change: c =>
        {
            c.ReplyDue = new DateOnly(2025, 3, 31);
            c.HandlerName = "甲承办人";
            c.ClockEvents.Add(new CaseClockEvent { Kind = "extension-approved", Date = new DateOnly(2025, 3, 5) });
        });
        await cases.AddAsync("2025-03-03", "2025-04-15", "partial", change: c =>
        {
            c.ReplyDue = new DateOnly(2025, 3, 31);
            c.HandlerName = "乙承办人";
            c.ClockEvents.Add(new CaseClockEvent { Kind = "consultation-started", Date = new DateOnly(2025, 3, 10) });
        });
        await cases.AddAsync("2025-04-14", "2025-04-20", "other", change: c => c.HandlerName = "乙承办人");
        await cases.AddAsync("2025-04-14", "2025-04-20", "disclose", agency: DemoInstallation.SecondAgencyCode,
            change: c => c.ReplyDue = new DateOnly(2025, 4, 1));
        return new Known(today, overdue, dueToday, dueSoon, onTrack, waiting, other, onTime.Id);
    }

    readonly Factory app = factory;

    async Task<DeadlineReport> ReportAsync(DeadlineFilter filter, Known known)
    {
        await using var db = app.Database.CreateContext(AgencyScope.All);
        var agency = await new ReportCases(app).AgencyIdAsync();
        var query = new DeadlineReportQuery(db, app.Services.GetRequiredService<WorkflowRegistry>().Newest("application"),
            app.Services.GetRequiredService<CalendarHolder>().Calculator);
        return await query.RunAsync(agency, filter, known.Today, default);
    }

    static readonly DeadlineFilter Year2025 = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    [Fact]
    public async Task Open_cases_are_counted_by_deadline_status_and_state_for_the_agency_only()
    {
        var known = await app.KnownAsync();

        var report = await ReportAsync(Year2025, known);

        report.OpenByStatus.Select(s => (s.Title, s.Count)).ShouldBe([("正常", 2), ("3个工作日内到期", 1), ("今日到期", 1), ("已超期", 1)]);
        report.OpenByState.Single(s => s.State == "processing").Count.ShouldBe(4);
        report.OpenByState.Single(s => s.State == "awaiting-correction").Count.ShouldBe(1);
        report.OpenByState.Single(s => s.State == "processing").Title.ShouldBe("办理中");
        report.LongestOpen[0].Id.ShouldBe(known.Overdue);
        report.LongestOpen.ShouldNotContain(c => c.Id == known.OtherAgencyOverdue);
    }

    [Fact]
    public async Task The_on_time_rate_handling_time_and_clock_uses_are_those_of_the_replies_in_the_period()
    {
        var known = await app.KnownAsync();

        var report = await ReportAsync(Year2025, known);

        report.OnTimeByMonth.Select(m => (m.Label, m.Replies, m.OnTime, m.WithoutDeadline, m.Rate))
            .ShouldBe([("2025年3月", 1, 1, 0, 100.0m), ("2025年4月", 2, 0, 1, 0.0m)]);
        report.OnTimeTotal.Rate.ShouldBe(50.0m);
        report.OnTimeByHandler.Select(h => (h.Label, h.Replies, h.OnTime)).ShouldBe([("乙承办人", 2, 0), ("甲承办人", 1, 1)]);
        report.OnTimeByDepartment.ShouldHaveSingleItem().Label.ShouldBe("（未分配处室）");
        // 5, 30 (清明 2025-04-04 is not a working day) and 4 working days.
        report.HandlingTime.ShouldBe(new HandlingTime(3, 13.0m, 5m));
        report.ClockUses.Select(u => (u.Kind, u.Events, u.Cases)).ShouldBe([("extension-approved", 1, 1), ("consultation-started", 1, 1), ("correction-requested", 0, 0)]);
    }

    [Fact]
    public async Task Filters_narrow_every_figure()
    {
        var known = await app.KnownAsync();

        var march = await ReportAsync(Year2025 with { To = new DateOnly(2025, 3, 31) }, known);
        var partial = await ReportAsync(Year2025 with { Outcome = "partial" }, known);

        march.OnTimeTotal.Replies.ShouldBe(1);
        march.ClockUses[0].Events.ShouldBe(1);
        march.ClockUses[1].Events.ShouldBe(1, "the consultation began on 2025-03-10");
        partial.OnTimeTotal.Replies.ShouldBe(1);
        partial.OnTimeTotal.OnTime.ShouldBe(0);
        partial.OpenByStatus.Sum(s => s.Count).ShouldBe(0, "open cases have no outcome yet");
    }

    [Fact]
    public async Task A_count_opens_the_list_of_cases_behind_it()
    {
        var known = await app.KnownAsync();
        var manager = await app.SignInAsync("manager");

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/Reports/Deadlines?From=2025-01-01&To=2025-12-31"));
        page.ShouldContain("href=\"/Reports/Deadlines?From=2025-01-01&To=2025-12-31&Status=Overdue\"");
        var html = await manager.GetStringAsync("/Reports/Deadlines?From=2025-01-01&To=2025-12-31&Status=Overdue");
        var start = html.IndexOf("<h2 id=\"list\">", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var list = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];

        list.ShouldContain("已超期：1 件");
        list.ShouldContain($"href=\"/Cases/{known.Overdue}\"");
        list.ShouldNotContain($"href=\"/Cases/{known.DueToday}\"");
        list.ShouldNotContain($"href=\"/Cases/{known.OtherAgencyOverdue}\"");
        var byState = await manager.GetStringAsync("/Reports/Deadlines?State=awaiting-correction");
        byState.ShouldContain($"href=\"/Cases/{known.Waiting}\"");
    }

    [Fact]
    public async Task The_xlsx_and_csv_carry_every_table()
    {
        await app.KnownAsync();
        var manager = await app.SignInAsync("manager");

        var xlsx = XlsxReader.Read(await manager.GetByteArrayAsync("/Reports/Deadlines?handler=Xlsx&From=2025-01-01&To=2025-12-31"));
        var csv = await manager.GetStringAsync("/Reports/Deadlines?handler=Csv&From=2025-01-01&To=2025-12-31");

        xlsx.Keys.ShouldContain("答复及时率-按月");
        xlsx["答复及时率-按月"]["A3"].ShouldBe("2025年3月");
        decimal.Parse(xlsx["答复及时率-按月"]["E5"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(50m);
        xlsx["在办案件-按期限"]["B6"].ShouldBe("1");
        csv.ShouldContain("已超期,1");
        csv.ShouldContain("办理用时\r\n答复件数,平均（工作日）,中位数（工作日）\r\n3,13,5");
    }

    [Fact]
    public async Task The_xlsx_and_csv_carry_the_review_deadlines_of_the_agency_with_their_explanation()
    {
        var known = await app.KnownAsync();
        var calendar = app.Services.GetRequiredService<CalendarHolder>().Calculator;
        var copy = known.Today.AddDays(-3);
        var definition = app.Services.GetRequiredService<WorkflowRegistry>().Newest("reconsideration");
        ReviewCase Answering(int agencyId, string number) => new()
        {
            AgencyId = agencyId, Kind = ReviewKind.Reconsideration, WorkflowId = definition.Id, WorkflowVersion = definition.Version,
            WorkflowHash = definition.ContentHash, State = "answering", Body = "上海市静安区人民政府", BodyCaseNumber = number,
            ApplicantName = "某申请人", ActChallenged = "答复", FiledOn = copy.AddDays(-2), AcceptedOn = copy.AddDays(-1), CopyReceivedOn = copy,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Version = 1,
        };
        await using (var db = app.Database.CreateContext(AgencyScope.All))
        {
            var second = await db.Agencies.Where(a => a.Code == DemoInstallation.SecondAgencyCode).Select(a => a.Id).SingleAsync();
            db.ReviewCases.AddRange(Answering(await new ReportCases(app).AgencyIdAsync(), "静府复字〔2026〕第801号"),
                Answering(second, "静府复字〔2026〕第803号"));
            await db.SaveChangesAsync();
        }
        var due = calendar.AddWorkingDays(copy, 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var manager = await app.SignInAsync("manager");

        var csv = await manager.GetStringAsync("/Reports/Deadlines?handler=Csv&From=2025-01-01&To=2025-12-31");
        var xlsx = XlsxReader.Read(await manager.GetByteArrayAsync("/Reports/Deadlines?handler=Xlsx&From=2025-01-01&To=2025-12-31"));

        csv.ShouldContain("复议诉讼期限\r\n类型,复议机关/法院,案号,期限,到期日,状态,计算依据\r\n");
        csv.ShouldContain($"行政复议,上海市静安区人民政府,静府复字〔2026〕第801号,复议答复期限,{due},");
        csv.ShouldContain("第四十八条");
        csv.ShouldNotContain("静府复字〔2026〕第803号");
        var sheet = xlsx["复议诉讼期限"];
        var row = XlsxReader.RowOf(sheet, "C", "静府复字〔2026〕第801号");
        (sheet[$"D{row}"], sheet[$"E{row}"]).ShouldBe(("复议答复期限", due));
        sheet.Values.ShouldNotContain("静府复字〔2026〕第803号");
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("reviewer")]
    public async Task Clerks_and_reviewers_are_refused(string user)
    {
        var client = await app.SignInAsync(user);
        (await client.GetAsync("/Reports/Deadlines")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
