using System.Net;
using DisclosureCases.Cli;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Reports;
using DisclosureCases.Reviews;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Pages.Reviews;

public sealed class SqliteReviewCasesTests(SqliteReviewCasesTests.Factory factory) : ReviewCasesTests<SqliteReviewCasesTests.Factory>(factory)
{
    public sealed class Factory : AppFactory;
}

public sealed class PostgresReviewCasesTests(PostgresReviewCasesTests.Factory factory) : ReviewCasesTests<PostgresReviewCasesTests.Factory>(factory)
{
    public sealed class Factory : PostgresAppFactory;
}

/// <summary>复议诉讼 cases through the services the pages and the partner API use, and through the screens.</summary>
public abstract class ReviewCasesTests<TFactory> : IClassFixture<TFactory> where TFactory : AppFactory
{
    readonly TFactory factory;
    readonly CaseMaker cases;

    protected ReviewCasesTests(TFactory factory)
    {
        this.factory = factory;
        factory.SkipUnlessAvailable();
        cases = new CaseMaker(factory);
    }

    static DateOnly Today => ShanghaiTime.Today(TimeProvider.System);

    sealed class Services(AppFactory factory, Actor actor) : IAsyncDisposable
    {
        public readonly DisclosureDbContext Db = factory.Database.CreateContext(AgencyScope.For(actor.AgencyId));
        public ReviewIntake Intake => ActivatorUtilities.CreateInstance<ReviewIntake>(factory.Services, Db);
        public ReviewWorkflow Workflow => ActivatorUtilities.CreateInstance<ReviewWorkflow>(factory.Services, Db);
        public ReviewDecisions Decisions => ActivatorUtilities.CreateInstance<ReviewDecisions>(factory.Services, Db, Workflow);
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    async Task<int> RegisterAsync(Actor actor, IEnumerable<int> applications, ReviewKind kind = ReviewKind.Reconsideration,
        Action<ReviewIntakeInput>? change = null)
    {
        await using var s = new Services(factory, actor);
        var input = new ReviewIntakeInput
        {
            Kind = kind, Body = kind == ReviewKind.Reconsideration ? "上海市静安区人民政府" : "上海市静安区人民法院",
            BodyCaseNumber = "静府复〔2026〕第" + Random.Shared.Next(100, 999) + "号", ApplicantName = "复议申请人",
            ActChallenged = "政府信息公开申请答复", FiledOn = Today, ApplicationIds = applications.ToList(),
        };
        change?.Invoke(input);
        var (id, validation) = await s.Intake.CreateAsync(input, actor, default);
        id.ShouldNotBeNull(string.Join("；", validation.Errors.Select(e => e.ErrorMessage)));
        return id.Value;
    }

    async Task FireAsync(Actor actor, int id, string trigger, Dictionary<string, string?> input)
    {
        await using var s = new Services(factory, actor);
        var version = await s.Db.ReviewCases.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        var result = await s.Workflow.FireAsync(id, trigger, input, actor, version, default);
        result.ShouldBeOfType<ReviewFireResult.Applied>(result is ReviewFireResult.Refused r ? r.Reason + string.Join("；", r.FieldErrors) : result.ToString());
    }

    async Task<ReviewFireResult> DecideAsync(Actor actor, int id, string result, JudgmentKind? judgment = null)
    {
        await using var s = new Services(factory, actor);
        var version = await s.Db.ReviewCases.Where(r => r.Id == id).Select(r => r.Version).FirstOrDefaultAsync();
        return await s.Decisions.RecordAsync(new ReviewDecisionInput(id, version, result, judgment, Today, Today, "决定书主要内容"), actor, default);
    }

    async Task<int> ReceivedCopyAsync(Actor reviewer, IEnumerable<int> applications, ReviewKind kind = ReviewKind.Reconsideration,
        Action<ReviewIntakeInput>? change = null)
    {
        var id = await RegisterAsync(reviewer, applications, kind, change);
        var today = Today.ToString("yyyy-MM-dd");
        await FireAsync(reviewer, id, "receive-copy", new() { ["copy-received"] = today, ["accepted-on"] = today });
        return id;
    }

    [SkippableFact]
    public async Task A_decision_revoking_and_ordering_a_new_reply_reopens_the_applications_with_the_new_deadline_on_both_records()
    {
        var reviewer = await cases.ActorAsync("reviewer");
        var archived = await cases.ArchivedAsync("clerk", "重作申请人甲");
        var replied = await cases.RepliedAsync("clerk", "重作申请人乙");
        var id = await ReceivedCopyAsync(reviewer, [archived.Id, replied.Id]);
        await using (var db = factory.Database.CreateContext(AgencyScope.For(reviewer.AgencyId)))
            (await new DisclosureCases.Similarity.TypicalCases(db, TimeProvider.System).MarkAsync(archived.Id, "依申请公开答复口径：予以公开。", reviewer, default))
                .ShouldBeOfType<DisclosureCases.Similarity.TypicalResult.Done>();

        (await DecideAsync(reviewer, id, "revoke-and-redo")).ShouldBeOfType<ReviewFireResult.Applied>();

        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            // The answer the decision found wrong is no longer pushed to clerks as a 口径.
            var mark = await db.TypicalCases.SingleAsync(t => t.CaseId == archived.Id);
            mark.WithdrawnAt.ShouldNotBeNull();
            mark.WithdrawnReason.ShouldNotBeNull().ShouldContain("责令重新答复");
            (await db.CaseEvents.Where(e => e.CaseId == archived.Id && e.Kind == CaseEventKinds.Typical).OrderBy(e => e.Sequence)
                .Select(e => e.Summary).ToListAsync()).Last().ShouldStartWith("撤销典型案例");
        }

        var expectedDue = Calendars.RealCalculator.AddWorkingDays(Today, 20);
        foreach (var applicationId in new[] { archived.Id, replied.Id })
        {
            var application = await factory.LoadCaseAsync(applicationId);
            application.State.ShouldBe("processing", "the application is handled again");
            application.Archived.ShouldBeFalse();
            application.ReplyDue.ShouldBe(expectedDue, "the new reply is due 20 working days after the decision was served (a setting)");
            application.NextDueKey.ShouldBe("reply");
            await using var db = factory.Database.CreateContext(AgencyScope.All);
            var events = await db.CaseEvents.Where(e => e.CaseId == applicationId && e.Kind == CaseEventKinds.Review)
                .OrderBy(e => e.Sequence).Select(e => e.Summary).ToListAsync();
            events.Count.ShouldBe(3);
            events[0].ShouldStartWith("被提起行政复议");
            events[1].ShouldContain("撤销并责令重作");
            events[2].ShouldContain("重新办理");
            events[2].ShouldContain($"新答复期限 {expectedDue:yyyy-MM-dd}");
        }
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var review = await db.ReviewCases.Include(r => r.Links).SingleAsync(r => r.Id == id);
            review.State.ShouldBe("decided");
            review.Result.ShouldBe("revoke-and-redo");
            review.Links.ShouldAllBe(l => l.NewReplyDue == expectedDue);
            var summaries = await db.ReviewEvents.Where(e => e.ReviewCaseId == id).OrderBy(e => e.Sequence).Select(e => e.Summary).ToListAsync();
            summaries.Count(s => s.Contains("重新办理，新答复期限")).ShouldBe(2);
        }

        // The reopened application is replied to again through its ordinary workflow.
        var clerk = await cases.ActorAsync("clerk");
        await cases.FireAsync(replied.Id, "submit-reply", clerk, new() { ["outcome"] = "disclose", ["reasons"] = "重新检索后予以公开。" });
        var again = await cases.FireAsync(replied.Id, "approve-reply", clerk with { Roles = [Roles.LegalReviewer] }, new() { ["issued-on"] = Today.ToString("yyyy-MM-dd") });
        again.State.ShouldBe("replied");

        var output = new StringWriter();
        (await AuditVerbs.VerifyAsync(factory.Database, new CliConsole(TextReader.Null, output, TextWriter.Null), CancellationToken.None))
            .ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("复议诉讼案件");
    }

    [SkippableFact]
    public async Task An_upholding_decision_leaves_the_application_closed_and_is_recorded_on_it()
    {
        var reviewer = await cases.ActorAsync("reviewer");
        var archived = await cases.ArchivedAsync("clerk", "维持申请人");
        var id = await ReceivedCopyAsync(reviewer, [archived.Id]);

        (await DecideAsync(reviewer, id, "uphold")).ShouldBeOfType<ReviewFireResult.Applied>();

        var application = await factory.LoadCaseAsync(archived.Id);
        application.State.ShouldBe("archived");
        application.Archived.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task A_clerk_cannot_record_a_decision_nor_open_the_review_case()
    {
        var reviewer = await cases.ActorAsync("reviewer");
        var clerkActor = await cases.ActorAsync("clerk");
        var replied = await cases.RepliedAsync("clerk", "角色申请人");
        var id = await ReceivedCopyAsync(reviewer, [replied.Id]);

        var refused = (await DecideAsync(clerkActor, id, "uphold")).ShouldBeOfType<ReviewFireResult.Refused>();
        refused.RoleDenied.ShouldBeTrue();
        refused.Reason.ShouldContain("法制审核人员");

        var clerk = await factory.SignInAsync("clerk");
        var page = await clerk.GetAsync($"/Reviews/{id}");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.ReviewCases.SingleAsync(r => r.Id == id)).Result.ShouldBeNull();
    }

    [SkippableFact]
    public async Task Another_agencys_review_case_is_not_found_by_its_url()
    {
        var otherReviewer = await cases.ActorAsync("clerk2", Roles.LegalReviewer);
        var otherApplication = await cases.RepliedAsync("clerk2", "他机关申请人");
        var id = await RegisterAsync(otherReviewer, [otherApplication.Id]);

        var reviewer = await factory.SignInAsync("reviewer");
        (await reviewer.GetAsync($"/Reviews/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reviewer.GetStringAsync("/Reviews")).ShouldNotContain($"/Reviews/{id}\"");
        (await DecideAsync(await cases.ActorAsync("reviewer"), id, "uphold")).ShouldBeOfType<ReviewFireResult.NotFound>();
    }

    [SkippableFact]
    public async Task Linking_an_application_of_another_agency_or_one_not_yet_replied_is_refused_naming_the_field()
    {
        var reviewer = await cases.ActorAsync("reviewer");
        var other = await cases.RepliedAsync("clerk2", "他机关申请人乙");
        var unreplied = await cases.ReceiveAsync("clerk", "未答复申请人");
        await using var s = new Services(factory, reviewer);
        var (id, validation) = await s.Intake.CreateAsync(new ReviewIntakeInput
        {
            Kind = ReviewKind.Reconsideration, Body = "上海市静安区人民政府", ApplicantName = "某人", ActChallenged = "答复",
            FiledOn = Today, ApplicationIds = [other.Id, unreplied.Id],
        }, reviewer, default);

        id.ShouldBeNull();
        validation.Errors.Select(e => e.PropertyName).ShouldAllBe(p => p == nameof(ReviewIntakeInput.ApplicationIds));
        validation.Errors.Select(e => e.ErrorMessage).ShouldContain($"「关联申请」本机关没有编号为 {other.Id} 的申请");
        validation.Errors.Select(e => e.ErrorMessage).ShouldContain(m => m.Contains("尚未答复"));
    }

    [SkippableFact]
    public async Task Table_four_counts_decided_cases_by_their_result_and_open_ones_as_not_yet_concluded()
    {
        var year = Today.Year;
        var reviewer = await cases.ActorAsync("reviewer");
        var before = await Table4Async(year);

        var a = await cases.RepliedAsync("clerk", "表四申请人甲");
        var b = await cases.RepliedAsync("clerk", "表四申请人乙");
        var c = await cases.RepliedAsync("clerk", "表四申请人丙");
        var upheld = await ReceivedCopyAsync(reviewer, [a.Id]);
        (await DecideAsync(reviewer, upheld, "uphold")).ShouldBeOfType<ReviewFireResult.Applied>();
        var corrected = await ReceivedCopyAsync(reviewer, [b.Id]);
        (await DecideAsync(reviewer, corrected, "confirm-illegal")).ShouldBeOfType<ReviewFireResult.Applied>();
        await ReceivedCopyAsync(reviewer, [c.Id]); // still open
        var direct = await ReceivedCopyAsync(reviewer, [c.Id], ReviewKind.Litigation);
        (await DecideAsync(reviewer, direct, "dismiss-claim", JudgmentKind.Judgment)).ShouldBeOfType<ReviewFireResult.Applied>();
        await RegisterAsync(reviewer, [], ReviewKind.Litigation, i => i.PreviousId = corrected); // 复议后起诉, open

        var after = await Table4Async(year);
        int[] Delta(int row) => after[row].Zip(before[row], (x, y) => x - y).ToArray();
        // columns: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计
        Delta(0).ShouldBe([1, 1, 0, 1, 3], "行政复议");
        Delta(1).ShouldBe([1, 0, 0, 0, 1], "行政诉讼 未经复议直接起诉");
        Delta(2).ShouldBe([0, 0, 0, 1, 1], "行政诉讼 复议后起诉");
    }

    async Task<List<int[]>> Table4Async(int year)
    {
        var reviewer = await cases.ActorAsync("reviewer");
        await using var db = factory.Database.CreateContext(AgencyScope.For(reviewer.AgencyId));
        var report = await new AnnualReportQuery(db, factory.Services.GetRequiredService<DisclosureCases.Domain.Outcomes.OutcomeCatalog>(),
            factory.Services.GetRequiredService<ReviewResultCatalog>()).RunAsync(year, reviewer.AgencyId, "测试", default);
        return report.Table4.Select(t => t.Figures.ToArray()).ToList();
    }

    [SkippableFact]
    public async Task A_reviewer_registers_from_the_application_page_and_the_worklist_flags_it_until_reported()
    {
        var replied = await cases.RepliedAsync("clerk", "页面申请人");
        var reviewer = await factory.SignInAsync("reviewer");
        var casePage = await reviewer.GetStringAsync($"/Cases/{replied.Id}");
        casePage.ShouldContain($"/Reviews/New?application={replied.Id}");
        casePage.ShouldContain("申请行政复议");

        var response = await reviewer.PostFormAsync("/Reviews/New", new()
        {
            ["Input.Kind"] = "Reconsideration", ["Input.Instance"] = "First", ["Input.Body"] = "上海市静安区人民政府",
            ["Input.BodyCaseNumber"] = "静府复〔2026〕第777号", ["Input.ApplicantName"] = "页面申请人", ["Input.ActChallenged"] = "答复书",
            ["Input.FiledOn"] = Today.ToString("yyyy-MM-dd"), ["Numbers"] = replied.CaseNumber!,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var url = response.Headers.Location!.ToString();
        var id = int.Parse(url[(url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        (await reviewer.GetStringAsync("/Reviews")).ShouldContain("flag-unreported");
        (await reviewer.GetStringAsync($"/Cases/{replied.Id}")).ShouldContain("静府复〔2026〕第777号");
        var page = await reviewer.GetStringAsync($"/Reviews/{id}");
        page.ShouldContain($"/Cases/{replied.Id}/Evidence");

        int version;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            version = await db.ReviewCases.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        var refused = await reviewer.PostFormAsync($"/Reviews/{id}?handler=Report", new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reportedOn"] = "" }, $"/Reviews/{id}");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("「报备日期」为必填项");

        var reported = await reviewer.PostFormAsync($"/Reviews/{id}?handler=Report", new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reportedOn"] = Today.ToString("yyyy-MM-dd") }, $"/Reviews/{id}");
        reported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var worklist = await reviewer.GetStringAsync("/Reviews");
        worklist.ShouldContain($"已报备 {Today:yyyy-MM-dd}");
    }
}
