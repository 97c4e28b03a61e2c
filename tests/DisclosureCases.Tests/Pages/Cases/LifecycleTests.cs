using System.Net;
using DisclosureCases.Cli;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Pages.Cases;

/// <summary>The lifecycle on SQLite, the embedded default.</summary>
public sealed class SqliteLifecycleTests(SqliteLifecycleTests.Factory factory) : LifecycleTests<SqliteLifecycleTests.Factory>(factory)
{
    public sealed class Factory : AppFactory;
}

/// <summary>The same lifecycle on PostgreSQL, for multi-node installations.</summary>
public sealed class PostgresLifecycleTests(PostgresLifecycleTests.Factory factory) : LifecycleTests<PostgresLifecycleTests.Factory>(factory)
{
    public sealed class Factory : PostgresAppFactory;
}

/// <summary>An application from the day it arrives to the day its file is archived, through the web screens.</summary>
public abstract class LifecycleTests<TFactory> : IClassFixture<TFactory> where TFactory : AppFactory
{
    readonly TFactory factory;

    protected LifecycleTests(TFactory factory)
    {
        this.factory = factory;
        factory.SkipUnlessAvailable();
    }

    [SkippableFact]
    public async Task A_clerk_and_a_reviewer_take_an_application_from_receipt_to_archive()
    {
        var clerk = await factory.SignInAsync("clerk");
        var reviewer = await factory.SignInAsync("reviewer");
        var id = await clerk.ReceiveAsync();

        var received = await factory.LoadCaseAsync(id);
        received.State.ShouldBe("received");
        received.CaseNumber.ShouldBeNull();
        received.ReplyDue.ShouldNotBeNull("the 20-working-day reply clock starts at receipt (条例第33条)");

        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var registered = await factory.LoadCaseAsync(id);
        registered.State.ShouldBe("processing");
        registered.CaseNumber!.ShouldMatch($@"^静规资信〔{registered.ReceivedOn.Year}〕第\d{{4}}号$");
        registered.HandlerName.ShouldBe("王晓梅");
        registered.Documents.Select(d => d.DocumentId).ShouldContain("receipt");

        // The reply is a letter: drafted and submitted on the letter screen (submit-reply), approved there (approve-reply).
        var letterId = await clerk.DraftReplyAsync(id, "disclose", new() { ["provision"] = "现将该政府信息随本答复书一并提供。" });
        await clerk.SubmitOkAsync(id, letterId);
        (await factory.LoadCaseAsync(id)).State.ShouldBe("in-review");

        await reviewer.ApproveOkAsync(letterId, CasePages.Today);
        var replied = await factory.LoadCaseAsync(id);
        replied.State.ShouldBe("replied");
        replied.Outcome.ShouldBe("disclose");
        replied.RepliedOn.ShouldNotBeNull();
        (await factory.LoadLetterAsync(letterId)).Number.ShouldBe(replied.CaseNumber);

        await clerk.FireOkAsync(id, "mail", new() { ["method"] = "ems", ["tracking-number"] = "EA123456789CN", ["posted-on"] = CasePages.Today });
        await clerk.FireOkAsync(id, "confirm-delivery", new() { ["delivered-on"] = CasePages.Today });
        await clerk.FireOkAsync(id, "archive");

        var archived = await factory.LoadCaseAsync(id);
        archived.State.ShouldBe("archived");
        archived.Archived.ShouldBeTrue();
        archived.Mailings.ShouldHaveSingleItem().TrackingNumber.ShouldBe("EA123456789CN");
        archived.Mailings[0].Method.ShouldBe("EMS");
        archived.Mailings[0].DeliveredOn.ShouldNotBeNull();

        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var events = await db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => e.Trigger ?? e.Kind).ShouldBe(["created", "register", "submit-reply", "letter", "approve-reply", "letter", "mail", "confirm-delivery", "archive"]);
        events[4].ActorName.ShouldBe("陈立新");
        AuditChain.Verify(events, archived.AuditHead, archived.AuditCount).ShouldBeEmpty();

        var html = await clerk.GetStringAsync($"/Cases/{id}");
        html.ShouldContain("当前状态下您没有可执行的操作", customMessage: "an archived case is read-only");
        html.ShouldContain("不收费（《政府信息公开信息处理费管理办法》", customMessage: "the fee line shows the month's count and the basis");
    }

    [SkippableFact]
    public async Task A_correction_stops_the_reply_clock_and_restarts_it_from_zero_on_receipt()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });

        await clerk.FireOkAsync(id, "request-correction", new() { ["items"] = "请写明所需信息的文号或地块名称", ["correction-due"] = CasePages.Tomorrow });
        var waiting = await factory.LoadCaseAsync(id);
        waiting.State.ShouldBe("awaiting-correction");
        waiting.CorrectionDue.ShouldNotBeNull();
        waiting.NextDueKey.ShouldBe("correction-answer", "only the applicant's correction period runs while the reply clock is stopped (条例第30条)");
        waiting.Documents.Select(d => d.DocumentId).ShouldContain("correction-notice");

        await clerk.FireOkAsync(id, "receive-correction", new() { ["received-on"] = CasePages.Today });
        var corrected = await factory.LoadCaseAsync(id);
        corrected.State.ShouldBe("processing");
        corrected.ClockEvents.Select(e => e.Kind).ShouldBe(["received", "correction-requested", "correction-received"], ignoreOrder: true);
        // The reply clock restarts from zero on the day the correction arrived: 20 working days from today.
        var html = await clerk.GetStringAsync($"/Cases/{id}");
        html.ShouldContain("剩余20个工作日");

        var again = await clerk.FireAsync(id, "request-correction", new() { ["items"] = "再次补正", ["correction-due"] = CasePages.Tomorrow });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        CasePages.Refusal(await again.Content.ReadAsStringAsync()).ShouldContain("一次性告知");
    }

    [SkippableFact]
    public async Task An_extension_is_refused_to_a_clerk_and_approved_by_a_manager_once()
    {
        var clerk = await factory.SignInAsync("clerk");
        var manager = await factory.SignInAsync("manager");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });
        var before = (await factory.LoadCaseAsync(id)).ReplyDue!.Value;

        await clerk.FireOkAsync(id, "request-extension", new() { ["reason"] = "涉及多个科室档案，需调档核查" });
        var byClerk = await clerk.FireAsync(id, "approve-extension", new() { ["comments"] = "同意" });
        byClerk.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        CasePages.Refusal(await byClerk.Content.ReadAsStringAsync()).ShouldContain("负责人");
        (await factory.LoadCaseAsync(id)).State.ShouldBe("extension-requested", "a refused action changes nothing");

        await manager.FireOkAsync(id, "approve-extension", new() { ["comments"] = "同意延期20个工作日" });
        var extended = await factory.LoadCaseAsync(id);
        extended.State.ShouldBe("processing");
        extended.ReplyDue.ShouldNotBeNull();
        extended.ReplyDue!.Value.ShouldBeGreaterThan(before.AddDays(20), "20 more working days span at least four weeks");
        extended.Documents.Select(d => d.DocumentId).ShouldContain("extension-notice");

        var second = await clerk.FireAsync(id, "request-extension", new() { ["reason"] = "仍需时间" });
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        CasePages.Refusal(await second.Content.ReadAsStringAsync()).ShouldContain("只能延期一次");
    }

    [SkippableFact]
    public async Task Another_agencys_case_is_not_found_by_url_or_by_action()
    {
        var clerk = await factory.SignInAsync("clerk");
        var outsider = await factory.SignInAsync("clerk2");
        var id = await clerk.ReceiveAsync();

        (await outsider.GetAsync($"/Cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = await outsider.AntiforgeryTokenAsync("/Cases/New");
        var post = await outsider.PostAsync($"/Cases/{id}?handler=Fire", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["trigger"] = "register", ["version"] = "1", ["f.handler"] = "x",
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.LoadCaseAsync(id)).State.ShouldBe("received");
        (await outsider.GetStringAsync("/Cases?Scope=all-states")).ShouldNotContain($"/Cases/{id}\"");
    }

    [SkippableFact]
    public async Task Of_two_concurrent_edits_one_wins_and_the_other_is_told_who_changed_the_case()
    {
        var clerk = await factory.SignInAsync("clerk");
        var colleague = await factory.SignInAsync("manager");
        var id = await clerk.ReceiveAsync();
        var seenByBoth = await clerk.VersionAsync(id);
        var handler = await factory.UserIdAsync("clerk");

        await clerk.FireOkAsync(id, "register", new() { ["handler"] = handler });
        var late = await clerk.FireAsync(id, "register", new() { ["handler"] = handler }, version: seenByBoth);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await late.Content.ReadAsStringAsync();
        CasePages.Refusal(html).ShouldContain("王晓梅");
        CasePages.Refusal(html).ShouldContain("请刷新页面");
        html.ShouldContain("您提交的内容", customMessage: "what the user submitted is shown back, though the action is gone");
        html.ShouldContain("王晓梅", customMessage: "the chosen handler is shown by name");
        (await factory.LoadCaseAsync(id)).CaseNumber.ShouldNotBeNull();
        _ = colleague;
    }

    [SkippableFact]
    public async Task An_action_posted_without_its_anti_forgery_token_is_rejected_and_changes_nothing()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        var response = await clerk.PostAsync($"/Cases/{id}?handler=Fire", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["trigger"] = "register", ["version"] = "1", ["f.handler"] = await factory.UserIdAsync("clerk"),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.LoadCaseAsync(id)).State.ShouldBe("received");
    }

    [SkippableFact]
    public async Task A_bad_intake_form_is_a_400_naming_each_field_and_stores_nothing()
    {
        var clerk = await factory.SignInAsync("clerk");
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var before = await db.Cases.CountAsync();
        var fields = CasePages.Intake();
        fields["Input.IdNumber"] = "110105194912310021";
        fields["Input.Phone"] = "12";
        fields["Input.ArrivedOn"] = "2099-01-01";
        fields["Input.ApplicantName"] = "<script>alert(1)</script>";
        var response = await clerk.PostFormAsync("/Cases/New", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("「证件号码」不是有效的18位居民身份证号码");
        html.ShouldContain("「联系电话」格式不正确");
        html.ShouldContain("「到达日期」不能晚于今天");
        html.ShouldNotContain("<script>alert(1)</script>");
        (await db.Cases.CountAsync()).ShouldBe(before);
        // The form comes back whole: the agency's departments are offered again.
        var agency = await db.Users.Where(u => u.UserName == "clerk").Select(u => u.AgencyId).SingleAsync();
        var departments = await db.Departments.Where(d => d.AgencyId == agency).Select(d => new { d.Id, d.Name }).ToListAsync();
        departments.ShouldNotBeEmpty();
        foreach (var d in departments)
            html.ShouldContain($"<option value=\"{d.Id}\">{d.Name}</option>");
    }

    [SkippableFact]
    public async Task Oversized_or_control_character_input_to_an_action_is_refused_naming_the_field()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });

        var huge = await clerk.FireAsync(id, "request-extension", new() { ["reason"] = new string('理', 5000) });
        huge.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await huge.Content.ReadAsStringAsync()).ShouldContain("「延期理由」不能超过4000个字符");

        var nul = await clerk.FireAsync(id, "request-extension", new() { ["reason"] = "需要\u0000调档" });
        nul.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the form reader itself refuses a NUL");

        var control = await clerk.FireAsync(id, "request-extension", new() { ["reason"] = "需要\u0007调档" });
        var controlHtml = await control.Content.ReadAsStringAsync();
        controlHtml.ShouldContain("「延期理由」含有不可见的控制字符", customMessage: $"{control.StatusCode}: {CasePages.Refusal(controlHtml)}");
        (await factory.LoadCaseAsync(id)).State.ShouldBe("processing");
    }

    [SkippableFact]
    public async Task Audit_verify_passes_on_real_cases_and_catches_an_edited_event()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        await clerk.FireOkAsync(id, "register", new() { ["handler"] = await factory.UserIdAsync("clerk") });

        var output = new StringWriter();
        (await AuditVerbs.VerifyAsync(factory.Database, new CliConsole(TextReader.Null, output, TextWriter.Null), CancellationToken.None)).ShouldBe(0, output.ToString());

        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "CaseEvents" SET "ActorName" = '某人' WHERE "CaseId" = {id} AND "Sequence" = 2""");
        output = new StringWriter();
        (await AuditVerbs.VerifyAsync(factory.Database, new CliConsole(TextReader.Null, output, TextWriter.Null), CancellationToken.None)).ShouldBe(1);
        output.ToString().ShouldContain("事件 2 的内容已被改动");
    }

    [SkippableFact]
    public async Task The_case_page_lists_each_clock_event_document_and_mailing_once()
    {
        // On PostgreSQL the page reads the case with its three lists in one statement, whose rows are their product: 3 × 3 × 4.
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var c = await db.Cases.Include(x => x.ClockEvents).SingleAsync(x => x.Id == id);
            c.ClockEvents.Add(new DisclosureCases.Domain.Cases.CaseClockEvent { Kind = "correction-requested", Date = c.ReceivedOn, AnswerBy = c.ReceivedOn.AddDays(15) });
            c.ClockEvents.Add(new DisclosureCases.Domain.Cases.CaseClockEvent { Kind = "correction-received", Date = c.ReceivedOn.AddDays(3) });
            foreach (var n in new[] { 1, 2, 3 })
                db.Add(new DisclosureCases.Domain.Cases.CaseDocument { CaseId = id, DocumentId = "doc-" + n, Title = $"测试文书{n}号", DueSince = DateTimeOffset.UtcNow });
            foreach (var n in new[] { 1, 2, 3, 4 })
                db.Add(new DisclosureCases.Domain.Cases.Mailing { CaseId = id, Method = "EMS", TrackingNumber = $"EA00000000{n}CN", PostedOn = c.ReceivedOn });
            await db.SaveChangesAsync();
        }
        var stored = await factory.LoadCaseAsync(id);
        stored.ClockEvents.Count.ShouldBe(3);

        var html = await clerk.GetStringAsync($"/Cases/{id}");
        foreach (var n in new[] { 1, 2, 3 })
            System.Text.RegularExpressions.Regex.Count(html, $"测试文书{n}号").ShouldBe(1);
        foreach (var n in new[] { 1, 2, 3, 4 })
            System.Text.RegularExpressions.Regex.Count(html, $"EA00000000{n}CN").ShouldBe(1);
        html.IndexOf("EA000000001CN", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("EA000000004CN", StringComparison.Ordinal));
    }
}
