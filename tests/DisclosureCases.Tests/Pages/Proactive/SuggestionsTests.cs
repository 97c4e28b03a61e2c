using System.Net;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Proactive;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Pages.Proactive;

/// <summary>依申请转主动公开建议 on /Proactive: released cases asking for the same information, decided by a reviewer.</summary>
public class SuggestionsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    static int serial;

    /// <summary>A request text of the test's own, so that tests sharing the database form separate groups.</summary>
    static string NewText() => Texts[Interlocked.Increment(ref serial) % Texts.Length];

    static readonly string[] Texts =
    [
        "洪南山宅240街坊旧区改造房屋征收补偿方案",
        "大宁音乐广场二期建设工程规划许可证及附图",
        "彭浦新村加装电梯项目的规划审批意见",
        "苏河湾东片区土地出让合同及补充协议",
        "临汾路377街坊违法建筑拆除决定书",
        "芷江西路159街坊控制性详细规划局部调整批复",
        "共和新路312街坊住宅项目竣工验收规划核实意见",
        "天目西路45街坊保障性租赁住房项目环评批复",
        "宝山路140街坊地下车库项目设计方案审查意见",
        "江宁路25街坊城市更新项目实施方案",
        "石门二路54街坊社区综合服务中心规划设计条件",
    ];

    async Task<int> ReleasedAsync(string text, string applicant, string outcome = "disclose", string agency = DemoInstallation.PrimaryAgencyCode) =>
        (await new ReportCases(factory).AddAsync("2026-03-02", "2026-03-20", outcome, agency: agency, change: c =>
        {
            c.Description = text;
            c.Applicant.IdNumber = applicant;
        })).Id;

    async Task RecomputeAsync(HttpClient client) =>
        (await client.PostFormAsync("/Proactive?handler=Recompute", [], "/Proactive")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

    async Task<ProactiveSuggestion?> SuggestionAsync(string text, string status = ProactiveSuggestion.Open)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.ProactiveSuggestions.Include(s => s.Cases).Where(s => s.Title == text && s.Status == status)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync();
    }

    [Fact]
    public async Task A_suggestion_appears_exactly_when_the_third_distinct_applicant_got_the_information()
    {
        var text = NewText();
        await ReleasedAsync(text, "A1");
        await ReleasedAsync("《" + text + "》。", "A1");
        await ReleasedAsync(text, "B1");
        await ReleasedAsync(text, "C1", outcome: "withhold-process");
        var reviewer = await factory.SignInAsync("reviewer");
        await RecomputeAsync(reviewer);
        (await reviewer.GetStringAsync("/Proactive")).ShouldNotContain(text);

        await ReleasedAsync(text, "C1", outcome: "partial");
        await RecomputeAsync(reviewer);
        var html = await reviewer.GetStringAsync("/Proactive");
        html.ShouldContain(text);
        html.ShouldContain("3个申请人，4件申请");
        (await SuggestionAsync(text)).ShouldNotBeNull().Cases.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Accepting_records_who_when_and_where_and_writes_an_event_on_every_case()
    {
        var text = NewText();
        var ids = new[] { await ReleasedAsync(text, "A2"), await ReleasedAsync(text, "B2"), await ReleasedAsync(text, "C2") };
        var manager = await factory.SignInAsync("manager");
        await RecomputeAsync(manager);
        var suggestion = (await SuggestionAsync(text)).ShouldNotBeNull();

        var response = await manager.PostFormAsync($"/Proactive/{suggestion.Id}?handler=Accept",
            new() { ["Version"] = suggestion.Version.ToString(), ["Note"] = "门户网站政府信息公开栏目" }, $"/Proactive/{suggestion.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var accepted = (await SuggestionAsync(text, ProactiveSuggestion.Accepted)).ShouldNotBeNull();
        accepted.DecidedByName.ShouldBe("张建国");
        accepted.Note.ShouldBe("门户网站政府信息公开栏目");
        accepted.DecidedAt.ShouldNotBeNull();
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        foreach (var id in ids)
        {
            var events = await db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync();
            events.ShouldHaveSingleItem().Kind.ShouldBe(CaseEventKinds.Proactive);
            events[0].Summary.ShouldContain("已采纳：门户网站政府信息公开栏目");
            var head = await db.Cases.SingleAsync(c => c.Id == id);
            AuditChain.Verify(events, head.AuditHead, head.AuditCount).ShouldBeEmpty();
        }
        var list = await manager.GetStringAsync("/Proactive");
        list.ShouldNotContain($"id=\"suggestion-{accepted.Id}\"");
        list.ShouldContain("已采纳");
    }

    [Fact]
    public async Task A_dismissal_needs_a_reason_and_keeps_the_group_away_until_a_new_case_joins_it()
    {
        var text = NewText();
        foreach (var a in new[] { "A3", "B3", "C3" }) await ReleasedAsync(text, a);
        var reviewer = await factory.SignInAsync("reviewer");
        await RecomputeAsync(reviewer);
        var suggestion = (await SuggestionAsync(text)).ShouldNotBeNull();
        var url = $"/Proactive/{suggestion.Id}";

        var refused = await reviewer.PostFormAsync(url + "?handler=Dismiss", new() { ["Version"] = suggestion.Version.ToString(), ["Reason"] = " " }, url);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("「不予采纳的理由」为必填项");
        (await SuggestionAsync(text)).ShouldNotBeNull();

        (await reviewer.PostFormAsync(url + "?handler=Dismiss", new() { ["Version"] = suggestion.Version.ToString(), ["Reason"] = "涉及个人信息" }, url))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await RecomputeAsync(reviewer);
        (await SuggestionAsync(text)).ShouldBeNull();
        (await reviewer.GetStringAsync("/Proactive")).ShouldNotContain($"<a href=\"/Proactive/{suggestion.Id}\">{text}</a></h3>");

        await ReleasedAsync(text, "D3");
        await RecomputeAsync(reviewer);
        var back = (await SuggestionAsync(text)).ShouldNotBeNull();
        back.Cases.Count.ShouldBe(4);
        var page = await reviewer.GetStringAsync($"/Proactive/{back.Id}");
        page.ShouldContain($"此前第{suggestion.Id}号建议（3件）不予采纳：涉及个人信息");
        page.ShouldContain("本建议新增的申请：1件");
    }

    [Fact]
    public async Task A_second_decision_on_the_same_suggestion_is_refused()
    {
        var text = NewText();
        foreach (var a in new[] { "A4", "B4", "C4" }) await ReleasedAsync(text, a);
        var reviewer = await factory.SignInAsync("reviewer");
        await RecomputeAsync(reviewer);
        var suggestion = (await SuggestionAsync(text)).ShouldNotBeNull();
        var url = $"/Proactive/{suggestion.Id}";
        var token = await reviewer.AntiforgeryTokenAsync(url);
        FormUrlEncodedContent Form(string key, string value) => new(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["Version"] = suggestion.Version.ToString(), [key] = value });

        (await reviewer.PostAsync(url + "?handler=Accept", Form("Note", "门户网站"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await reviewer.PostAsync(url + "?handler=Dismiss", Form("Reason", "不需要"));
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("该建议已由陈立新处理（已采纳）");
        (await SuggestionAsync(text, ProactiveSuggestion.Accepted)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Only_legal_reviewers_and_managers_see_the_suggestions()
    {
        foreach (var user in new[] { "clerk", "admin" })
        {
            var denied = await (await factory.SignInAsync(user)).GetAsync("/Proactive");
            denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: user);
        }
        var manager = await factory.SignInAsync("manager");
        (await manager.GetAsync("/Proactive")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.NewClient().GetAsync("/Proactive")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Another_agency_s_suggestion_is_not_found()
    {
        var text = NewText();
        var ids = new List<int>();
        foreach (var a in new[] { "A5", "B5", "C5" }) ids.Add(await ReleasedAsync(text, a, agency: DemoInstallation.SecondAgencyCode));
        int id;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var agency = await new ReportCases(factory).AgencyIdAsync(DemoInstallation.SecondAgencyCode);
            var s = new ProactiveSuggestion { AgencyId = agency, Title = text, ApplicantCount = 3, FoundAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            s.Cases.AddRange(ids.Select(c => new ProactiveSuggestionCase { CaseId = c }));
            db.ProactiveSuggestions.Add(s);
            await db.SaveChangesAsync();
            id = s.Id;
        }
        var reviewer = await factory.SignInAsync("reviewer");
        (await reviewer.GetAsync($"/Proactive/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await OwnSuggestionUrlAsync(reviewer);
        var token = await reviewer.AntiforgeryTokenAsync(own);
        var post = await reviewer.PostAsync($"/Proactive/{id}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["Version"] = "1", ["Note"] = "门户网站" }));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reviewer.GetStringAsync("/Proactive")).ShouldNotContain(text);
        (await SuggestionAsync(text)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_decision_without_the_anti_forgery_token_is_refused()
    {
        var reviewer = await factory.SignInAsync("reviewer");
        var url = await OwnSuggestionUrlAsync(reviewer);
        var post = await reviewer.PostAsync(url + "?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Version"] = "1", ["Note"] = "门户网站" }));
        post.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reviewer.PostAsync("/Proactive?handler=Recompute", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    async Task<string> OwnSuggestionUrlAsync(HttpClient reviewer)
    {
        var text = NewText();
        foreach (var a in new[] { "A6" + serial, "B6" + serial, "C6" + serial }) await ReleasedAsync(text, a);
        await RecomputeAsync(reviewer);
        return $"/Proactive/{(await SuggestionAsync(text)).ShouldNotBeNull().Id}";
    }
}
