using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DisclosureCases.Api;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Api;

/// <summary>The data exchange with the 行政复议机关's system: API keys, agency scope, the case file, notices, decisions, the log.</summary>
public class PartnerApiTests(PartnerApiTests.Factory factory) : IClassFixture<PartnerApiTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override int DemoCaseCount => 40;
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

    /// <summary>An archived case of the primary agency with issued letters, not used by another test.</summary>
    async Task<Case> CaseAsync(int skip)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Cases.AsNoTracking()
            .Where(c => c.State == "archived" && db.Letters.Any(l => l.CaseId == c.Id && l.Status == LetterStatus.Issued))
            .OrderBy(c => c.Id).Skip(skip).FirstAsync();
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
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        var partner = await PartnerAsync();
        var response = await Client(partner.Key).PostAsync("/api/v1/reconsiderations", new StringContent("not json", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response))["errors"]!["$"]![0]!.GetValue<string>().ShouldContain("不是有效的 JSON");
    }

    [Fact]
    public async Task A_notice_is_recorded_on_every_challenged_application_and_its_decision_after_it()
    {
        var a = await CaseAsync(5);
        var b = await CaseAsync(6);
        var partner = await PartnerAsync();
        var client = Client(partner.Key);
        var notice = new
        {
            reviewBody = "上海市静安区人民政府",
            bodyCaseNumber = "静府复字〔2026〕第902号",
            applicant = "张某",
            challengedCaseNumbers = new[] { a.CaseNumber, b.CaseNumber },
            applicationDate = Day(-10),
            acceptanceDate = Day(-8),
            copyReceivedDate = Day(-7),
            simplifiedProcedure = false,
        };

        var notified = await client.PostAsJsonAsync("/api/v1/reconsiderations", notice);
        var again = await client.PostAsJsonAsync("/api/v1/reconsiderations", notice);
        var badDecision = await client.PostAsJsonAsync($"/api/v1/reconsiderations/{Uri.EscapeDataString(notice.bodyCaseNumber)}/decision",
            new { servedDate = Day(-1), result = "部分撤销", ordersNewReply = "是" });
        var decided = await client.PostAsJsonAsync($"/api/v1/reconsiderations/{Uri.EscapeDataString(notice.bodyCaseNumber)}/decision",
            new { decisionDate = Day(-2), servedDate = Day(-1), result = "撤销", ordersNewReply = true, content = "撤销被申请人作出的答复，责令重新答复" });
        var unknown = await client.PostAsJsonAsync($"/api/v1/reconsiderations/{Uri.EscapeDataString("静府复字〔2026〕第999号")}/decision",
            new { decisionDate = Day(-2), servedDate = Day(-1), result = "维持", ordersNewReply = false });

        notified.StatusCode.ShouldBe(HttpStatusCode.Accepted, await notified.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        badDecision.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(badDecision))["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["decisionDate", "result", "ordersNewReply"], ignoreOrder: true);
        decided.StatusCode.ShouldBe(HttpStatusCode.Accepted, await decided.Content.ReadAsStringAsync());
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var c in new[] { a, b })
        {
            var partnerEvents = (await EventsAsync(c.Id)).Where(e => e.Kind == CaseEventKinds.Partner).ToList();
            partnerEvents.Select(e => e.Summary).ShouldBe([
                $"收到上海市静安区人民政府行政复议受理通知（静府复字〔2026〕第902号，{Day(-8)}受理，{Day(-7)}收到申请书副本）",
                $"收到行政复议决定（静府复字〔2026〕第902号，{Day(-2)}决定：撤销，责令重新答复）",
            ]);
        }
        var verify = await Cli.CliHarness.RunAsync(factory, "audit", "verify");
        verify.ExitCode.ShouldBe(0, verify.Out);
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
