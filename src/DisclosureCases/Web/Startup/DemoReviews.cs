using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Reviews;
using DisclosureCases.Web.Identity;
using DisclosureCases.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Web.Startup;

/// <summary>
/// A few 行政复议 and 行政诉讼 cases on the demo's replied applications, taken through the real services on the days
/// they would have happened: a 复议 upheld in the simplified procedure and the lawsuit that followed it, a 复议 that
/// revoked the reply and ordered a new one (the application is being handled again), a direct lawsuit awaiting the
/// agency's 答辩状 and not yet reported, and a 复议 just registered.
/// </summary>
public sealed class DemoReviews(Database database, WorkflowRegistry workflows, WorkflowRuntime runtime, CalendarHolder calendar,
    ReviewResultCatalog results, IOptions<ReviewSettings> settings, TimeProvider time)
{
    public async Task CreateAsync(int agencyId, CancellationToken ct)
    {
        var today = ShanghaiTime.Today(time);
        var calc = calendar.Calculator;
        var reviewer = await ReviewerAsync(agencyId, ct);
        if (reviewer is null) return;
        List<(int Id, string Name, string? Number, DateOnly RepliedOn)> replied;
        await using (var db = database.CreateContext(AgencyScope.For(agencyId)))
            replied = (await db.Cases.AsNoTracking().Where(c => c.RepliedOn != null && (c.State == "archived" || c.State == "delivered"))
                    .OrderBy(c => c.RepliedOn).ThenBy(c => c.Id).Take(8)
                    .Select(c => new { c.Id, c.Applicant.Name, c.CaseNumber, c.RepliedOn }).ToListAsync(ct))
                .Select(c => (c.Id, c.Name, c.CaseNumber, c.RepliedOn!.Value)).ToList();
        DateOnly Wd(DateOnly from, int n) => calc.AddWorkingDays(from, n);
        bool Fits(DateOnly last) => last <= today;

        // 1. 复议 (simplified), upheld; then 复议后起诉, awaiting judgment.
        if (replied.Count > 0 && replied[0] is var a && Fits(Wd(a.RepliedOn, 52)))
        {
            var filed = Wd(a.RepliedOn, 12);
            var id = await RegisterAsync(agencyId, reviewer, a, ReviewKind.Reconsideration, "上海市静安区人民政府", "静府复〔{0}〕第{1}号", filed, true, null, ct);
            await FireAsync(agencyId, reviewer, id, "receive-copy", Wd(filed, 3), new() { ["copy-received"] = Wd(filed, 3), ["accepted-on"] = Wd(filed, 2) }, ct);
            await ReportAsync(agencyId, reviewer, id, Wd(filed, 5), ct);
            await FireAsync(agencyId, reviewer, id, "submit-answer", Wd(filed, 7), new() { ["answered-on"] = Wd(filed, 7) }, ct);
            await DecideAsync(agencyId, reviewer, id, "dismiss-claim", null, Wd(filed, 20), Wd(filed, 22), "驳回申请人的行政复议请求。", ct);
            var suitFiled = Wd(filed, 28);
            if (Fits(Wd(suitFiled, 10)))
            {
                var suit = await RegisterAsync(agencyId, reviewer, a, ReviewKind.Litigation, "上海市静安区人民法院", "({0})沪0106行初{1}号", suitFiled, false, id, ct);
                await FireAsync(agencyId, reviewer, suit, "receive-copy", Wd(suitFiled, 4), new() { ["copy-received"] = Wd(suitFiled, 4), ["accepted-on"] = Wd(suitFiled, 2) }, ct);
                await ReportAsync(agencyId, reviewer, suit, Wd(suitFiled, 6), ct);
                await FireAsync(agencyId, reviewer, suit, "submit-answer", Wd(suitFiled, 9), new() { ["answered-on"] = Wd(suitFiled, 9) }, ct);
            }
        }

        // 2. 复议 revoking the reply and ordering a new one: the application is handled again.
        if (replied.Count > 1 && replied[1] is var b && Fits(Wd(b.RepliedOn, 35)))
        {
            var filed = Wd(b.RepliedOn, 8);
            var id = await RegisterAsync(agencyId, reviewer, b, ReviewKind.Reconsideration, "上海市静安区人民政府", "静府复〔{0}〕第{1}号", filed, true, null, ct);
            await FireAsync(agencyId, reviewer, id, "receive-copy", Wd(filed, 2), new() { ["copy-received"] = Wd(filed, 2), ["accepted-on"] = Wd(filed, 1) }, ct);
            await ReportAsync(agencyId, reviewer, id, Wd(filed, 4), ct);
            await FireAsync(agencyId, reviewer, id, "submit-answer", Wd(filed, 6), new() { ["answered-on"] = Wd(filed, 6) }, ct);
            await DecideAsync(agencyId, reviewer, id, "revoke-and-redo", null, Wd(filed, 18), Wd(filed, 20),
                "原答复未说明检索范围，认定事实不清，撤销原答复，责令被申请人在法定期限内重新答复。", ct);
        }

        // 3. A direct lawsuit: the 答辩状 is due, and the case has not been reported yet.
        if (replied.Count > 2 && replied[2] is var c && today.AddDays(-12) > c.RepliedOn)
        {
            var filed = today.AddDays(-12) > c.RepliedOn.AddDays(40) ? today.AddDays(-12) : c.RepliedOn.AddDays(1);
            var copy = calc.NextWorkingDayOnOrAfter(filed.AddDays(5)) <= today ? calc.NextWorkingDayOnOrAfter(filed.AddDays(5)) : today;
            var id = await RegisterAsync(agencyId, reviewer, c, ReviewKind.Litigation, "上海市静安区人民法院", "({0})沪0106行初{1}号", filed, false, null, ct);
            await FireAsync(agencyId, reviewer, id, "receive-copy", copy, new() { ["copy-received"] = copy, ["accepted-on"] = filed }, ct);
        }

        // 4. A 复议 just registered, waiting for the copy.
        if (replied.Count > 3 && replied[3] is var d && d.RepliedOn < today)
            await RegisterAsync(agencyId, reviewer, d, ReviewKind.Reconsideration, "上海市静安区人民政府", "静府复〔{0}〕第{1}号", today, true, null, ct);
    }

    async Task<Actor?> ReviewerAsync(int agencyId, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        var role = await db.Roles.Where(r => r.Name == Roles.LegalReviewer).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var user = await db.Users.Where(u => u.AgencyId == agencyId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role))
            .OrderBy(u => u.UserName).FirstOrDefaultAsync(ct);
        return user is null ? null : new Actor(user.Id, user.DisplayName, agencyId, [Roles.LegalReviewer]);
    }

    int _number = 40;

    async Task<int> RegisterAsync(int agencyId, Actor reviewer, (int Id, string Name, string? Number, DateOnly RepliedOn) application,
        ReviewKind kind, string body, string numberFormat, DateOnly filed, bool simplified, int? previous, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        var intake = new ReviewIntake(db, workflows, calendar, settings, new DayClock(filed));
        var (id, validation) = await intake.CreateAsync(new ReviewIntakeInput
        {
            Kind = kind, Body = body, BodyCaseNumber = string.Format(System.Globalization.CultureInfo.InvariantCulture, numberFormat, filed.Year, _number++),
            ApplicantName = application.Name, ActChallenged = $"{application.Number} 政府信息公开申请答复（{application.RepliedOn:yyyy-MM-dd}）",
            FiledOn = filed, Simplified = simplified, PreviousId = previous,
            ApplicationIds = previous is null ? [application.Id] : [],
        }, reviewer, ct);
        return id ?? throw new InvalidOperationException($"Demo review case was refused: {validation}");
    }

    async Task FireAsync(int agencyId, Actor reviewer, int id, string trigger, DateOnly day, Dictionary<string, DateOnly> input, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        var engine = new ReviewWorkflow(db, workflows, runtime, calendar, settings, new DayClock(day));
        var version = await db.ReviewCases.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);
        var result = await engine.FireAsync(id, trigger, input.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString("yyyy-MM-dd")), reviewer, version, ct);
        if (result is not ReviewFireResult.Applied)
            throw new InvalidOperationException($"Demo review case {id}: '{trigger}' was not applied: {result}");
    }

    async Task ReportAsync(int agencyId, Actor reviewer, int id, DateOnly day, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        var version = await db.ReviewCases.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);
        var result = await new ReviewReporting(db, calendar, settings, new DayClock(day)).ReportAsync(id, version, day, "已书面报送区政务公开办", reviewer, ct);
        if (result is not ReviewFireResult.Applied)
            throw new InvalidOperationException($"Demo review case {id}: 报备 was not applied: {result}");
    }

    async Task DecideAsync(int agencyId, Actor reviewer, int id, string result, JudgmentKind? kind, DateOnly decided, DateOnly served,
        string content, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        var clock = new DayClock(served);
        var engine = new ReviewWorkflow(db, workflows, runtime, calendar, settings, clock);
        var decisions = new ReviewDecisions(db, engine, workflows, calendar, results, settings, clock);
        var version = await db.ReviewCases.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);
        var outcome = await decisions.RecordAsync(new ReviewDecisionInput(id, version, result, kind, decided, served, content), reviewer, ct);
        if (outcome is not ReviewFireResult.Applied)
            throw new InvalidOperationException($"Demo review case {id}: the decision was not applied: {outcome}");
    }

    /// <summary>Stands on a scripted day at 10:30 Beijing time.</summary>
    sealed class DayClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() =>
            new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 30)), TimeSpan.FromHours(8)).ToUniversalTime();
    }
}
