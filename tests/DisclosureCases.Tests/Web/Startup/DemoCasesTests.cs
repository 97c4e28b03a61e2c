using DisclosureCases.Cases;
using DisclosureCases.Cli;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;
using Case = DisclosureCases.Domain.Cases.Case;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Web.Startup;

/// <summary>The 200 demo cases of a first start, made through the real intake and workflow.</summary>
public class DemoCasesTests(DemoCasesTests.Factory factory) : IClassFixture<DemoCasesTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override int DemoCaseCount => 200;
    }

    async Task<List<Case>> CasesAsync()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Cases.AsNoTracking().Include(c => c.ClockEvents).Include(c => c.Mailings).AsSplitQuery().ToListAsync();
    }

    [Fact]
    public async Task First_start_creates_the_requested_number_of_cases_for_the_planning_agency()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var agency = await db.Agencies.SingleAsync(a => a.Code == DemoInstallation.PrimaryAgencyCode);
        agency.Name.ShouldBe("上海市静安区规划和自然资源局");
        (await db.Cases.CountAsync(c => c.AgencyId == agency.Id)).ShouldBe(200);
        (await db.Cases.CountAsync(c => c.AgencyId != agency.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Every_state_of_the_workflow_holds_at_least_one_demo_case()
    {
        var states = (await CasesAsync()).Select(c => c.State).ToHashSet();
        var definition = factory.Services.GetRequiredService<WorkflowRegistry>().Newest("application");
        definition.States.Select(s => s.Name).Where(s => !states.Contains(s)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_audit_chain_of_every_demo_case_verifies()
    {
        var output = new StringWriter();
        var code = await AuditVerbs.VerifyAsync(factory.Database, new CliConsole(TextReader.Null, output, TextWriter.Null), CancellationToken.None);
        output.ToString().ShouldContain("审计链完整：已校验 200 件案件");
        code.ShouldBe(0);
    }

    [Fact]
    public async Task Applicants_cover_natural_persons_and_all_five_organisation_kinds_with_valid_numbers()
    {
        var cases = await CasesAsync();
        cases.Count(c => c.Applicant.Kind == ApplicantKind.NaturalPerson).ShouldBeGreaterThan(60);
        cases.Where(c => c.Applicant.Kind == ApplicantKind.Organization).Select(c => c.Applicant.OrganizationKind!.Value).Distinct()
            .Order().ShouldBe(Enum.GetValues<OrganizationKind>());
        cases.Where(c => c.Applicant.IdType == IdDocumentType.ResidentIdCard && !IdentityNumbers.IsValidResidentId(c.Applicant.IdNumber))
            .Select(c => c.Applicant.IdNumber).ShouldBeEmpty();
        cases.Where(c => c.Applicant.IdType == IdDocumentType.UnifiedSocialCreditCode && !IdentityNumbers.IsValidUnifiedSocialCreditCode(c.Applicant.IdNumber))
            .Select(c => c.Applicant.IdNumber).ShouldBeEmpty();
        cases.Select(c => c.Applicant.Name).Distinct().Count().ShouldBeGreaterThan(150);
    }

    [Fact]
    public async Task Cases_spread_over_channels_outcomes_and_topics()
    {
        var cases = await CasesAsync();
        cases.Select(c => c.Channel).Distinct().Count().ShouldBe(Enum.GetValues<Channel>().Length);
        cases.Where(c => c.Outcome is not null).Select(c => c.Outcome).Distinct().Count().ShouldBeGreaterThanOrEqualTo(12);
        foreach (var topic in new[] { "征收", "旧区改造", "建设工程规划许可证", "控制性详细规划", "出让合同", "加装电梯", "违法", "环境影响评价", "竣工" })
            cases.ShouldContain(c => c.Description.Contains(topic), $"a demo request about {topic}");
    }

    [Fact]
    public async Task Receipt_dates_lie_in_the_past_ten_months_and_open_cases_include_overdue_and_due_soon_ones()
    {
        var cases = await CasesAsync();
        var time = factory.Services.GetRequiredService<TimeProvider>();
        var calendar = factory.Services.GetRequiredService<CalendarHolder>().Calculator;
        var today = ShanghaiTime.Today(time);
        cases.ShouldAllBe(c => c.ReceivedOn < today && c.ReceivedOn >= today.AddMonths(-11));
        cases.ShouldContain(c => c.NextDue != null && c.NextDue < today, "an overdue case");
        cases.ShouldContain(c => c.NextDue != null && c.NextDue >= today && c.NextDue <= calendar.AddWorkingDays(today, DeadlineText.SoonWorkingDays),
            "a case due within the reminder window");
    }

    [Fact]
    public async Task Actions_were_taken_by_the_demo_staff_in_their_roles()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var actors = (await db.CaseEvents.Select(e => new { Key = e.Trigger ?? e.Kind, e.ActorName }).Distinct().ToListAsync())
            .GroupBy(e => e.Key).Select(g => new { g.Key, Names = g.Select(e => e.ActorName).ToList() }).ToList();
        actors.Single(a => a.Key == "created").Names.ShouldBe(["王晓梅"]);
        actors.Single(a => a.Key == "approve-reply").Names.ShouldBe(["陈立新"]);
        actors.Single(a => a.Key == "approve-extension").Names.ShouldBe(["张建国"]);
        // The clerk drafts and submits letters, the reviewer returns and issues them.
        actors.Single(a => a.Key == CaseEventKinds.Letter).Names.Order().ShouldBe(["王晓梅", "陈立新"]);
        // The routes off the main path are exercised too.
        foreach (var trigger in new[] { "request-correction", "receive-correction", "close-no-correction", "start-consultation", "end-consultation",
                     "request-extension", "issue-fee-notice", "ask-reasons", "withdraw", "return-reply", "mail", "confirm-delivery", "deliver", "archive" })
            actors.ShouldContain(a => a.Key == trigger, $"some demo case went through {trigger}");
    }

    static readonly string[] RepliedStates = ["replied", "mailed", "delivered", "archived"];

    /// <summary>Closures whose letter is the 不再处理告知书 (条例第30条, 第42条), not a reply.</summary>
    static readonly string[] NoFurtherProcessing = ["other-no-correction", "other-unpaid-fee"];

    /// <summary>撤回: the applicant ended the case; the workflow's withdraw makes no letter due.</summary>
    const string Withdrawn = "other";

    async Task<List<Letter>> LettersAsync()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Letters.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
    }

    [Fact]
    public async Task Every_replied_demo_case_has_one_issued_reply_letter_numbered_with_the_case_number_and_dated_the_day_it_replied()
    {
        var cases = (await CasesAsync()).Where(c => RepliedStates.Contains(c.State)).ToList();
        var letters = (await LettersAsync()).ToLookup(l => l.CaseId);
        var answered = cases.Where(c => c.Outcome is not Withdrawn && !NoFurtherProcessing.Contains(c.Outcome)).ToList();
        answered.Count.ShouldBeGreaterThan(80);
        foreach (var c in answered)
        {
            var reply = letters[c.Id].Where(l => l.DocumentId == "reply").ShouldHaveSingleItem($"{c.CaseNumber} ({c.State}, {c.Outcome})");
            reply.Status.ShouldBe(LetterStatus.Issued, c.CaseNumber);
            reply.Number.ShouldBe(c.CaseNumber);
            reply.IssuedOn.ShouldBe(c.RepliedOn, $"{c.CaseNumber}: the 成文日期 is the reply date");
            reply.Outcome.ShouldBe(c.Outcome);
            reply.TemplateId.ShouldBe($"reply-{c.Outcome}");
            DateOnly.FromDateTime(ShanghaiTime.Local(reply.ReviewedAt!.Value)).ShouldBe(reply.IssuedOn!.Value, "approved on the scripted day");
            reply.ReviewedByName.ShouldBe("陈立新");
        }
        foreach (var c in cases.Where(c => NoFurtherProcessing.Contains(c.Outcome)))
        {
            var notice = letters[c.Id].Where(l => l.DocumentId == "no-further-processing").ShouldHaveSingleItem(c.CaseNumber);
            (notice.Status, notice.Number, notice.IssuedOn).ShouldBe((LetterStatus.Issued, c.CaseNumber, c.RepliedOn));
            letters[c.Id].ShouldNotContain(l => l.DocumentId == "reply");
        }
        cases.Where(c => c.Outcome == Withdrawn).ShouldAllBe(c => !letters[c.Id].Any(l => l.DocumentId == "reply"));
    }

    [Fact]
    public async Task Every_demo_case_in_review_has_its_reply_letter_in_review()
    {
        var inReview = (await CasesAsync()).Where(c => c.State == "in-review").ToList();
        var letters = (await LettersAsync()).ToLookup(l => l.CaseId);
        inReview.ShouldNotBeEmpty();
        foreach (var c in inReview)
        {
            var reply = letters[c.Id].Where(CaseLetters.IsReplyStep).ShouldHaveSingleItem(c.CaseNumber);
            reply.Status.ShouldBe(LetterStatus.InReview, c.CaseNumber);
            reply.Outcome.ShouldBe(c.Outcome);
            reply.SubmittedByName.ShouldBe("王晓梅");
        }
    }

    [Fact]
    public async Task Some_reply_letters_were_returned_with_a_comment_and_some_of_those_wait_for_the_clerk()
    {
        var cases = (await CasesAsync()).ToDictionary(c => c.Id);
        var returned = (await LettersAsync()).Where(l => l.ReviewComment is not null).ToList();
        returned.ShouldContain(l => l.Status == LetterStatus.Issued, "a returned letter revised and issued");
        returned.ShouldContain(l => l.Status == LetterStatus.Returned && cases[l.CaseId].State == "processing", "a returned letter not yet revised");
        returned.ShouldAllBe(l => l.ReviewedByName == "陈立新");
    }

    [Fact]
    public async Task Correction_and_extension_notices_and_closing_notices_are_issued_on_the_day_they_fell_due()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var documents = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.DocumentId == "correction-notice" || d.DocumentId == "extension-notice" || d.DocumentId == "no-further-processing")
            .ToListAsync();
        var letters = (await LettersAsync()).Where(l => l.CaseDocumentId != null).ToLookup(l => l.CaseDocumentId!.Value);
        var numbers = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.CaseNumber);
        documents.Select(d => d.DocumentId).Distinct().Order().ShouldBe(["correction-notice", "extension-notice", "no-further-processing"]);
        foreach (var d in documents)
        {
            d.Status.ShouldBe(CaseDocumentStatus.Issued, $"{d.Title} of case {d.CaseId}");
            var letter = letters[d.Id].ShouldHaveSingleItem();
            (letter.Status, letter.Number).ShouldBe((LetterStatus.Issued, numbers[d.CaseId]));
            letter.IssuedOn.ShouldBe(DateOnly.FromDateTime(ShanghaiTime.Local(d.DueSince)));
        }
    }

    [Fact]
    public async Task Every_issued_demo_letter_renders_again_byte_identical_to_what_was_issued()
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<CaseLetters>();
        var issued = (await LettersAsync()).Where(l => l.Status == LetterStatus.Issued).ToList();
        issued.Count.ShouldBeGreaterThan(100);
        foreach (var letter in issued)
        {
            var rendered = await service.RenderIssuedAsync(letter, CancellationToken.None);
            CaseLetters.Sha256(rendered.HtmlBytes()).ShouldBe(letter.HtmlHash, $"HTML of letter {letter.Id} ({letter.TemplateId})");
            CaseLetters.Sha256(rendered.Docx()).ShouldBe(letter.DocxHash, $"DOCX of letter {letter.Id} ({letter.TemplateId})");
        }
    }

    [Fact]
    public async Task Archived_cases_are_sealed_and_delivered_before_they_were_archived()
    {
        var archived = (await CasesAsync()).Where(c => c.State == "archived").ToList();
        archived.Count.ShouldBeGreaterThan(40);
        archived.ShouldAllBe(c => c.Archived && c.ClosedOn != null && c.Outcome != null && c.RepliedOn != null && c.CaseNumber != null);
    }

    [Fact]
    public void The_script_is_deterministic_for_a_given_day()
    {
        var calc = Calendars.RealCalculator;
        var first = DemoScript.Plan(60, new DateOnly(2026, 11, 21), calc, "clerk-id", new Random(7));
        var second = DemoScript.Plan(60, new DateOnly(2026, 11, 21), calc, "clerk-id", new Random(7));
        second.Select(Describe).ShouldBe(first.Select(Describe));

        static string Describe(DemoPlan p) =>
            $"{p.TargetState} {p.ReceivedOn} {p.Intake.ApplicantName} {p.Intake.IdNumber} {p.Request.Description} " +
            string.Join(",", p.Steps.Select(s => $"{s.Trigger}@{s.Date}:{string.Join(";", s.Input.Select(kv => kv.Key + "=" + kv.Value))}" +
                $"{s.Reply?.Outcome}:{string.Join(";", s.Reply?.Slots.Select(kv => kv.Key + "=" + kv.Value) ?? [])}"));
    }

    [Fact]
    public async Task The_demo_shows_review_and_litigation_cases_one_of_which_reopened_its_application()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var reviews = await db.ReviewCases.AsNoTracking().Include(r => r.Links).ToListAsync();

        reviews.ShouldContain(r => r.Kind == DisclosureCases.Domain.Reviews.ReviewKind.Reconsideration && r.Result == "dismiss-claim");
        reviews.ShouldContain(r => r.Kind == DisclosureCases.Domain.Reviews.ReviewKind.Litigation && r.AfterReconsideration && r.PreviousId != null);
        reviews.ShouldContain(r => r.ReportedOn == null, "an unreported case is flagged on the worklist");
        var reopened = reviews.Single(r => r.Result == "revoke-and-redo").Links.Single();
        reopened.NewReplyDue.ShouldNotBeNull();
        (await db.Cases.SingleAsync(c => c.Id == reopened.CaseId)).State.ShouldBe("processing");
    }
}
