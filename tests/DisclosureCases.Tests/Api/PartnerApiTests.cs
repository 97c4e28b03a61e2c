using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DisclosureCases.Api;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Api;

/// <summary>The data exchange with the 行政复议机关's system: API keys, agency scope, the case file, notices, decisions, the log.</summary>
public class PartnerApiTests(PartnerApiTests.Factory factory) : IClassFixture<PartnerApiTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override int DemoCaseCount => 40;

        /// <summary>See <see cref="CaseAsync"/>.</summary>
        public List<int>? Candidates { get; set; }
    }

    async Task<ApiPartners.Created> PartnerAsync(string agencyCode = DemoInstallation.PrimaryAgencyCode)
    {
        _ = factory.Services;
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        return await new ApiPartners(db, TimeProvider.System).CreateAsync("静安区人民政府行政复议办公室", agency.Id, "测试", default);
    }

    HttpClient Client(string? key)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null) client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        return client;
    }

    /// <summary>
    /// A replied case of the primary agency with issued letters and no 复议诉讼 in the demo data, not used by another
    /// test (the list is taken once, before any test links a case to a review).
    /// </summary>
    async Task<Case> CaseAsync(int skip)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        if (factory.Candidates is null)
        {
            var primary = await db.Agencies.Where(a => a.Code == DemoInstallation.PrimaryAgencyCode).Select(a => a.Id).SingleAsync();
            factory.Candidates = await db.Cases.AsNoTracking()
                .Where(c => c.AgencyId == primary && c.RepliedOn != null && c.CaseNumber != null
                    && db.Letters.Any(l => l.CaseId == c.Id && l.Status == LetterStatus.Issued)
                    && !db.ReviewLinks.Any(l => l.CaseId == c.Id))
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        }
        var id = factory.Candidates[skip];
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    async Task<List<CaseEvent>> EventsAsync(int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
    }

    async Task<List<ApiCall>> CallsAsync()
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.ApiCalls.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    static string Url(string caseNumber) => $"/api/v1/cases/{Uri.EscapeDataString(caseNumber)}";

    static async Task<JsonNode> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_missing_unknown_or_revoked_key_is_401_with_the_reason()
    {
        var c = await CaseAsync(0);
        var partner = await PartnerAsync();
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            await new ApiPartners(db, TimeProvider.System).RevokeAsync(partner.Partner.Id, "测试", default);

        var missing = await Client(null).GetAsync(Url(c.CaseNumber!));
        var unknown = await Client(partner.Key[..^2] + "xx").GetAsync(Url(c.CaseNumber!));
        var revoked = await Client(partner.Key).GetAsync(Url(c.CaseNumber!));

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemAsync(missing))["detail"]!.GetValue<string>().ShouldContain("缺少 X-Api-Key");
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemAsync(unknown))["detail"]!.GetValue<string>().ShouldContain("API 密钥无效");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemAsync(revoked))["detail"]!.GetValue<string>().ShouldContain("已被吊销");
        (await EventsAsync(c.Id)).ShouldNotContain(e => e.Kind == CaseEventKinds.Partner);
    }

    [Fact]
    public async Task A_signed_in_web_user_cannot_use_the_api_with_the_cookie()
    {
        var c = await CaseAsync(0);
        var clerk = await factory.SignInAsync("clerk");
        (await clerk.GetAsync(Url(c.CaseNumber!))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_agencys_case_number_is_404_and_nothing_is_recorded_on_it()
    {
        var c = await CaseAsync(1);
        var before = (await EventsAsync(c.Id)).Count;
        var other = await PartnerAsync(DemoInstallation.SecondAgencyCode);

        var response = await Client(other.Key).GetAsync(Url(c.CaseNumber!));
        var evidence = await Client(other.Key).GetAsync(Url(c.CaseNumber!) + "/evidence");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemAsync(response))["detail"]!.GetValue<string>().ShouldContain(c.CaseNumber!);
        evidence.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await EventsAsync(c.Id)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task The_case_file_carries_the_application_letters_with_numbers_and_links_deadlines_explained_and_the_hashed_record()
    {
        var c = await CaseAsync(2);
        var before = await EventsAsync(c.Id);
        var partner = await PartnerAsync();
        var client = Client(partner.Key);

        var response = await client.GetAsync(Url(c.CaseNumber!));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var file = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        file["caseNumber"]!.GetValue<string>().ShouldBe(c.CaseNumber);
        file["application"]!["applicant"]!["name"]!.GetValue<string>().ShouldBe(c.Applicant.Name);
        file["application"]!["receivedOn"]!.GetValue<string>().ShouldBe(c.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        file["registration"]!["registeredBy"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        file["outcome"]!["code"]!.GetValue<string>().ShouldBe(c.Outcome);
        var letters = file["letters"]!.AsArray();
        letters.ShouldNotBeEmpty();
        letters.ShouldAllBe(l => l!["number"]!.GetValue<string>().Length > 0);
        file["deadlines"]!.AsArray().SelectMany(d => d!["explanation"]!.AsArray().Select(l => l!.GetValue<string>()))
            .ShouldContain("规则：答复期限 20个工作日（《政府信息公开条例》第三十三条第二款）");
        file["events"]!.AsArray().Select(e => e!["hash"]!.GetValue<string>()).ShouldBe(before.Select(e => e.Hash));

        var first = letters[0]!;
        var html = await client.GetByteArrayAsync(first["htmlUrl"]!.GetValue<string>());
        Convert.ToHexStringLower(SHA256.HashData(html)).ShouldBe(first["htmlSha256"]!.GetValue<string>());

        var events = await EventsAsync(c.Id);
        events.Skip(before.Count).Select(e => e.Kind).ShouldBe([CaseEventKinds.Partner, CaseEventKinds.Partner]);
        events[before.Count].Summary.ShouldBe("静安区人民政府行政复议办公室（接口）调取案卷");
    }

    [Fact]
    public async Task The_evidence_endpoint_gives_the_same_package_as_the_case_page()
    {
        var c = await CaseAsync(3);
        var partner = await PartnerAsync();

        var response = await Client(partner.Key).GetAsync(Url(c.CaseNumber!) + "/evidence");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        zip.GetEntry("index.html").ShouldNotBeNull();
        zip.GetEntry("SHA256SUMS").ShouldNotBeNull();
        var reviewer = await factory.SignInAsync("reviewer");
        (await reviewer.GetByteArrayAsync($"/Cases/{c.Id}/Evidence")).ShouldBe(await response.Content.ReadAsByteArrayAsync());
        (await EventsAsync(c.Id))[^2].ActorName.ShouldBe("静安区人民政府行政复议办公室（接口）");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_paths_the_payloads_and_the_api_key_scheme()
    {
        var response = await Client(null).GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldBe([
            "/api/v1/cases/{caseNumber}", "/api/v1/cases/{caseNumber}/evidence", "/api/v1/cases/{caseNumber}/letters/{letterId}.{format}",
            "/api/v1/reconsiderations", "/api/v1/reconsiderations/{bodyCaseNumber}/decision",
        ], ignoreOrder: true);
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        scheme["type"]!.GetValue<string>().ShouldBe("apiKey");
        scheme["in"]!.GetValue<string>().ShouldBe("header");
        scheme["name"]!.GetValue<string>().ShouldBe("X-Api-Key");
        document["security"]!.AsArray()[0]!.AsObject().ContainsKey("ApiKey").ShouldBeTrue();
        var schemas = document["components"]!["schemas"]!.AsObject();
        schemas["ReconsiderationNotice"]!["properties"]!.AsObject().Select(p => p.Key).ShouldBe([
            "reviewBody", "bodyCaseNumber", "applicant", "challengedCaseNumbers", "applicationDate", "acceptanceDate", "copyReceivedDate", "simplifiedProcedure",
        ], ignoreOrder: true);
        schemas["ReconsiderationDecision"].ShouldNotBeNull();
        schemas["CaseFileDto"].ShouldNotBeNull();
        document["paths"]!["/api/v1/reconsiderations"]!["post"]!["description"]!.GetValue<string>().ShouldContain("复议机关通知本机关");
        document["paths"]!["/api/v1/reconsiderations"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ShouldContain("201");
        document["paths"]!["/api/v1/reconsiderations/{bodyCaseNumber}/decision"]!["post"]!["responses"]!.AsObject().Select(r => r.Key)
            .ShouldBe(["200", "400", "401", "404", "409"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_bad_notice_is_400_listing_every_problem_by_field_and_nothing_is_recorded()
    {
        var c = await CaseAsync(4);
        var before = (await EventsAsync(c.Id)).Count;
        var partner = await PartnerAsync();

        var response = await Client(partner.Key).PostAsync("/api/v1/reconsiderations", new StringContent("""
            {"bodyCaseNumber":"静府复字〔2026〕第901号","applicant":"张某","challengedCaseNumbers":["
            """ + c.CaseNumber + """
            ","静规资信〔2026〕第9999号",7],"applicationDate":"2026-13-01","acceptanceDate":"2026-01-05","copyReceivedDate":"2026-01-02","simplifiedProcedure":"yes"}
            """, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemAsync(response))["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["reviewBody", "challengedCaseNumbers[1]", "challengedCaseNumbers[2]", "applicationDate", "copyReceivedDate", "simplifiedProcedure"],
            ignoreOrder: true);
        errors["reviewBody"]![0]!.GetValue<string>().ShouldContain("必填");
        errors["challengedCaseNumbers[1]"]![0]!.GetValue<string>().ShouldContain("本机关没有文号为“静规资信〔2026〕第9999号”的申请");
        errors["challengedCaseNumbers[2]"]![0]!.GetValue<string>().ShouldContain("应为字符串");
        errors["applicationDate"]![0]!.GetValue<string>().ShouldContain("yyyy-MM-dd");
        errors["copyReceivedDate"]![0]!.GetValue<string>().ShouldContain("不能早于受理日期");
        errors["simplifiedProcedure"]![0]!.GetValue<string>().ShouldContain("true 或 false");
        (await EventsAsync(c.Id)).Count.ShouldBe(before);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.ReviewCases.AnyAsync(r => r.BodyCaseNumber == "静府复字〔2026〕第901号")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        var partner = await PartnerAsync();
        var response = await Client(partner.Key).PostAsync("/api/v1/reconsiderations", new StringContent("not json", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response))["errors"]!["$"]![0]!.GetValue<string>().ShouldContain("不是有效的 JSON");
    }

    static object Notice(string bodyCaseNumber, params Case[] cases) => new
    {
        reviewBody = "上海市静安区人民政府",
        bodyCaseNumber,
        applicant = "张某",
        challengedCaseNumbers = cases.Select(c => c.CaseNumber).ToArray(),
        applicationDate = Day(-10),
        acceptanceDate = Day(-8),
        copyReceivedDate = Day(-7),
        simplifiedProcedure = false,
    };

    static string DecisionUrl(string bodyCaseNumber) => $"/api/v1/reconsiderations/{Uri.EscapeDataString(bodyCaseNumber)}/decision";

    async Task<ReviewCase> ReviewAsync(int id)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.ReviewCases.AsNoTracking().Include(r => r.Links).SingleAsync(r => r.Id == id);
    }

    PeriodCalculator Calendar => factory.Services.GetRequiredService<CalendarHolder>().Calculator;

    static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_notice_registers_the_reconsideration_case_linked_to_every_application_with_its_answer_deadline_running()
    {
        var a = await CaseAsync(5);
        var b = await CaseAsync(6);
        var partner = await PartnerAsync();
        var client = Client(partner.Key);

        var notified = await client.PostAsJsonAsync("/api/v1/reconsiderations", Notice("静府复字〔2026〕第902号", a, b));
        var again = await client.PostAsJsonAsync("/api/v1/reconsiderations", Notice("静府复字〔2026〕第902号", a, b));

        notified.StatusCode.ShouldBe(HttpStatusCode.Created, await notified.Content.ReadAsStringAsync());
        var answer = JsonNode.Parse(await notified.Content.ReadAsStringAsync())!;
        var id = answer["reviewCaseId"]!.GetValue<int>();
        notified.Headers.Location!.ToString().ShouldBe($"/Reviews/{id}");
        answer["linkedCaseNumbers"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe([a.CaseNumber!, b.CaseNumber!]);
        var answerDeadline = answer["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == "review-answer")!;
        Date(answerDeadline["due"]!.GetValue<string>()).ShouldBe(Calendar.AddWorkingDays(Date(Day(-7)), 10));
        answerDeadline["explanation"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldContain(l => l.Contains("第四十八条"));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var review = await ReviewAsync(id);
        review.Kind.ShouldBe(ReviewKind.Reconsideration);
        review.State.ShouldBe("answering");
        (review.Body, review.BodyCaseNumber, review.ApplicantName, review.Simplified).ShouldBe(("上海市静安区人民政府", "静府复字〔2026〕第902号", "张某", false));
        (review.FiledOn, review.AcceptedOn, review.CopyReceivedOn).ShouldBe((Date(Day(-10)), Date(Day(-8)), Date(Day(-7))));
        review.Links.Select(l => l.CaseId).ShouldBe([a.Id, b.Id], ignoreOrder: true);
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var reviewEvents = await db.ReviewEvents.AsNoTracking().Where(e => e.ReviewCaseId == id).OrderBy(e => e.Sequence).ToListAsync();
            reviewEvents.Select(e => e.ActorName).Distinct().ShouldBe(["静安区人民政府行政复议办公室（接口）"]);
            reviewEvents.Select(e => e.Trigger).ShouldBe([null, "receive-copy"]);
        }
        foreach (var c in new[] { a, b })
            (await EventsAsync(c.Id)).ShouldContain(e => e.Kind == CaseEventKinds.Review && e.Summary.Contains("静府复字〔2026〕第902号"));
        var reviewer = await factory.SignInAsync("reviewer");
        (await reviewer.GetStringAsync($"/Reviews/{id}")).ShouldContain("静府复字〔2026〕第902号");
        (await reviewer.GetStringAsync($"/Cases/{a.Id}")).ShouldContain($"/Reviews/{id}");
    }

    [Fact]
    public async Task A_decision_revoking_the_reply_and_ordering_a_new_one_reopens_the_application_with_its_new_reply_deadline()
    {
        var c = await CaseAsync(12);
        var partner = await PartnerAsync();
        var client = Client(partner.Key);
        var notified = await client.PostAsJsonAsync("/api/v1/reconsiderations", Notice("静府复字〔2026〕第904号", c));
        var id = JsonNode.Parse(await notified.Content.ReadAsStringAsync())!["reviewCaseId"]!.GetValue<int>();
        var before = await ReviewAsync(id);
        var eventsBefore = (await EventsAsync(c.Id)).Count;

        var badDecision = await client.PostAsJsonAsync(DecisionUrl("静府复字〔2026〕第904号"),
            new { servedDate = Day(-1), result = "部分撤销", ordersNewReply = "是" });
        var impossible = await client.PostAsJsonAsync(DecisionUrl("静府复字〔2026〕第904号"),
            new { decisionDate = Day(-2), servedDate = Day(-1), result = "维持", ordersNewReply = true });
        var unchanged = await ReviewAsync(id);
        var eventsAfterRefusals = (await EventsAsync(c.Id)).Count;
        var decided = await client.PostAsJsonAsync(DecisionUrl("静府复字〔2026〕第904号"),
            new { decisionDate = Day(-2), servedDate = Day(-1), result = "撤销", ordersNewReply = true, content = "撤销被申请人作出的答复，责令重新答复" });
        var twice = await client.PostAsJsonAsync(DecisionUrl("静府复字〔2026〕第904号"),
            new { decisionDate = Day(-2), servedDate = Day(-1), result = "维持", ordersNewReply = false });

        badDecision.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(badDecision))["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["decisionDate", "result", "ordersNewReply"], ignoreOrder: true);
        impossible.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(impossible))["errors"]!["ordersNewReply"]![0]!.GetValue<string>().ShouldContain("只有撤销或履行");
        (unchanged.Version, unchanged.State).ShouldBe((before.Version, "answering"));
        eventsAfterRefusals.ShouldBe(eventsBefore);

        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var newDue = Calendar.AddWorkingDays(Date(Day(-1)), 20);
        var answer = JsonNode.Parse(await decided.Content.ReadAsStringAsync())!;
        answer["result"]!.GetValue<string>().ShouldBe("revoke-and-redo");
        Date(answer["applications"]![0]!["newReplyDue"]!.GetValue<string>()).ShouldBe(newDue);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var review = await ReviewAsync(id);
        (review.State, review.Result, review.DecidedOn, review.ServedOn).ShouldBe(("decided", "revoke-and-redo", Date(Day(-2)), Date(Day(-1))));
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var application = await db.Cases.AsNoTracking().Include(x => x.ClockEvents).SingleAsync(x => x.Id == c.Id);
            application.State.ShouldBe("processing");
            application.Archived.ShouldBeFalse();
            application.ClockEvents.ShouldContain(e => e.Kind == "reply-ordered" && e.AnswerBy == newDue);
        }
        (await EventsAsync(c.Id)).ShouldContain(e => e.Summary.StartsWith("重新办理") && e.ActorName == "静安区人民政府行政复议办公室（接口）");
        var verify = await Cli.CliHarness.RunAsync(factory, "audit", "verify");
        verify.ExitCode.ShouldBe(0, verify.Out);
    }

    [Fact]
    public async Task An_unknown_or_another_agencys_body_case_number_is_404_and_the_case_is_unchanged()
    {
        var c = await CaseAsync(9);
        var partner = await PartnerAsync();
        var notified = await Client(partner.Key).PostAsJsonAsync("/api/v1/reconsiderations", Notice("静府复字〔2026〕第905号", c));
        var id = JsonNode.Parse(await notified.Content.ReadAsStringAsync())!["reviewCaseId"]!.GetValue<int>();
        var other = await PartnerAsync(DemoInstallation.SecondAgencyCode);
        var decision = new { decisionDate = Day(-2), servedDate = Day(-1), result = "维持", ordersNewReply = false };

        var fromOther = await Client(other.Key).PostAsJsonAsync(DecisionUrl("静府复字〔2026〕第905号"), decision);
        var unknown = await Client(partner.Key).PostAsJsonAsync(DecisionUrl("静府复字〔2026〕第999号"), decision);

        fromOther.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemAsync(fromOther))["detail"]!.GetValue<string>().ShouldContain("静府复字〔2026〕第905号");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReviewAsync(id)).State.ShouldBe("answering");
    }

    [Fact]
    public async Task The_review_case_page_gives_one_evidence_package_of_every_linked_application_numbered_continuously()
    {
        var a = await CaseAsync(10);
        var b = await CaseAsync(11);
        var partner = await PartnerAsync();
        var notified = await Client(partner.Key).PostAsJsonAsync("/api/v1/reconsiderations", Notice("静府复字〔2026〕第906号", a, b));
        var id = JsonNode.Parse(await notified.Content.ReadAsStringAsync())!["reviewCaseId"]!.GetValue<int>();
        var reviewer = await factory.SignInAsync("reviewer");

        (await reviewer.GetStringAsync($"/Reviews/{id}")).ShouldContain($"href=\"/Reviews/{id}/Evidence\"");
        var response = await reviewer.GetAsync($"/Reviews/{id}/Evidence");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var numbered = zip.Entries.Select(e => e.FullName).Where(n => char.IsDigit(n[0])).ToList();
        numbered.Count(n => n.EndsWith("-application.html", StringComparison.Ordinal)).ShouldBe(2);
        var numbers = numbered.Select(n => int.Parse(n[..n.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        numbers.ShouldBe(Enumerable.Range(1, numbers.Count).ToList());
        using (var index = new StreamReader(zip.GetEntry("index.html")!.Open()))
        {
            var html = await index.ReadToEndAsync();
            html.ShouldContain(a.CaseNumber!);
            html.ShouldContain(b.CaseNumber!);
        }
        foreach (var c in new[] { a, b })
            (await EventsAsync(c.Id))[^1].ShouldSatisfyAllConditions(
                e => e.Kind.ShouldBe(CaseEventKinds.Evidence),
                e => e.Summary.ShouldContain("共2件申请"));

        var otherApplication = await new CaseMaker(factory).RepliedAsync("clerk2", "他机关申请人");
        var other = await PartnerAsync(DemoInstallation.SecondAgencyCode);
        var otherNotice = await Client(other.Key).PostAsJsonAsync("/api/v1/reconsiderations", Notice("静府复字〔2026〕第907号", otherApplication));
        otherNotice.StatusCode.ShouldBe(HttpStatusCode.Created, await otherNotice.Content.ReadAsStringAsync());
        var otherId = JsonNode.Parse(await otherNotice.Content.ReadAsStringAsync())!["reviewCaseId"]!.GetValue<int>();
        var otherEvents = (await EventsAsync(otherApplication.Id)).Count;
        (await reviewer.GetAsync($"/Reviews/{otherId}/Evidence")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await EventsAsync(otherApplication.Id)).Count.ShouldBe(otherEvents);
    }

    [Fact]
    public async Task Every_call_is_logged_with_partner_status_and_case_number_and_no_personal_data()
    {
        var c = await CaseAsync(7);
        var partner = await PartnerAsync();
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Client(partner.Key).GetAsync(Url(c.CaseNumber!));
        await Client("dcp_00000000_nothing").GetAsync(Url(c.CaseNumber!));

        var calls = await Eventually.Async(async () =>
        {
            var logged = (await CallsAsync()).Where(x => x.At >= started && x.Path == Url(c.CaseNumber!).Replace(Uri.EscapeDataString(c.CaseNumber!), c.CaseNumber!, StringComparison.Ordinal)).ToList();
            return logged.Count == 2 ? logged : null;
        }, "both calls to be logged");
        var ok = calls.Single(x => x.Status == 200);
        ok.PartnerId.ShouldBe(partner.Partner.Id);
        ok.PartnerName.ShouldBe("静安区人民政府行政复议办公室");
        ok.Method.ShouldBe("GET");
        ok.CaseNumber.ShouldBe(c.CaseNumber);
        var refused = calls.Single(x => x.Status == 401);
        refused.PartnerId.ShouldBeNull();
        JsonSerializer.Serialize(calls).ShouldNotContain(c.Applicant.Name);
    }

    [Fact]
    public async Task The_administrator_issues_a_key_once_sees_the_calls_and_revokes_it()
    {
        var admin = await factory.SignInAsync("admin");
        var created = await admin.PostFormAsync("/Admin/Partners?handler=Create", new() { ["Name"] = "市政府行政复议局" }, "/Admin/Partners");
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await created.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"key\">([^<]+)</code>").Groups[1].Value;
        key.ShouldStartWith("dcp_");
        var c = await CaseAsync(8);
        (await Client(key).GetAsync(Url(c.CaseNumber!))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await admin.GetStringAsync("/Admin/Partners");
        list.ShouldNotContain(key);
        list.ShouldContain(key[..ApiKeys.PrefixLength]);
        int id;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            id = (await db.ApiPartners.SingleAsync(p => p.Name == "市政府行政复议局")).Id;
        (await admin.PostFormAsync($"/Admin/Partners?handler=Revoke&id={id}", [], "/Admin/Partners")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Client(key).GetAsync(Url(c.CaseNumber!))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var clerk = await factory.SignInAsync("clerk");
        (await clerk.GetAsync("/Admin/Partners")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_empty_partner_name_is_refused_on_the_admin_page()
    {
        var admin = await factory.SignInAsync("admin");
        var response = await admin.PostFormAsync("/Admin/Partners?handler=Create", new() { ["Name"] = " " }, "/Admin/Partners");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("名称：必填");
    }

    [Fact]
    public async Task The_command_line_adds_lists_and_revokes_partners()
    {
        var added = await Cli.CliHarness.RunAsync(factory, "partners", "add", "--name", "命令行复议系统", "--agency", DemoInstallation.SecondAgencyCode);
        added.ExitCode.ShouldBe(0, added.Error);
        var key = added.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        key.ShouldStartWith("dcp_");
        int id;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var partner = await db.ApiPartners.SingleAsync(p => p.Name == "命令行复议系统");
            partner.KeyHash.ShouldBe(ApiKeys.Hash(key));
            id = partner.Id;
        }

        var list = await Cli.CliHarness.RunAsync(factory, "partners", "list", "--agency", DemoInstallation.SecondAgencyCode);
        list.Out.ShouldContain($"{id}\t{DemoInstallation.SecondAgencyCode}\t命令行复议系统\t{key[..ApiKeys.PrefixLength]}…");
        list.Out.ShouldNotContain(key);

        var revoked = await Cli.CliHarness.RunAsync(factory, "partners", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        revoked.ExitCode.ShouldBe(0, revoked.Error);
        (await Cli.CliHarness.RunAsync(factory, "partners", "list")).Out.ShouldContain("已吊销");
        (await Cli.CliHarness.RunAsync(factory, "partners", "revoke", "99999")).ExitCode.ShouldBe(2);
    }
}
