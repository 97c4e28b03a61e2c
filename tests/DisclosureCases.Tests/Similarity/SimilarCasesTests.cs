using System.Net;
using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Similarity;
using DisclosureCases.Tests.Cli;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Similarity;

/// <summary>The similar-application search through the real database, pages and command line.</summary>
public class SimilarCasesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    readonly CaseMaker _cases = new(factory);
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    const string Lift = "申请公开岭南小区7号楼既有多层住宅加装电梯项目的建设工程规划许可证及业主意见征询材料";

    async Task<IReadOnlyList<SimilarCase>> FindAsync(string text, int agencyId, string? applicant = null, int? exclude = null)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.For(agencyId));
        return await SimilarCases.FindAsync(db, new SimilarQuery(text, applicant, ExcludeCaseId: exclude), Today, default);
    }

    [Fact]
    public async Task A_request_in_other_words_finds_the_earlier_one_and_not_another_agencys()
    {
        var mine = await _cases.ReceiveAsync("clerk", "张三", i => i.Description = Lift);
        var theirs = await _cases.ReceiveAsync("clerk2", "李四", i => i.Description = Lift);
        await _cases.ReceiveAsync("clerk", "王五", i => i.Description = "请提供2025年区本级一般公共预算收支表及预算说明");

        var found = await FindAsync("我住岭南小区7号楼，楼里要装电梯，请公开加装电梯的规划许可证", mine.AgencyId);

        found[0].CaseId.ShouldBe(mine.Id);
        found.Select(f => f.CaseId).ShouldNotContain(theirs.Id);
        found[0].MatchedTerms.ShouldContain(t => t.Contains("岭南小区", StringComparison.Ordinal));
        // The pieces the page marks are the whole description, cut where it shares words with the query.
        string.Concat(found[0].Pieces.Select(p => p.Text)).ShouldBe(Lift);
        found[0].Pieces.ShouldContain(p => p.Shared && p.Text.Contains("岭南小区", StringComparison.Ordinal));
        found[0].Pieces.Where(p => p.Shared).Select(p => p.Text).ShouldBe(MatchedText.Pieces("我住岭南小区7号楼，楼里要装电梯，请公开加装电梯的规划许可证", Lift).Where(p => p.Shared).Select(p => p.Text));
    }

    [Fact]
    public async Task The_index_follows_an_edit_of_the_request()
    {
        var c = await _cases.ReceiveAsync("clerk", "赵六", i => i.Description = "申请公开洛川中路1188号燃气管道改造工程的施工方案");
        (await FindAsync("洛川中路1188号燃气管道", c.AgencyId)).Select(f => f.CaseId).ShouldContain(c.Id);

        var actor = await _cases.ActorAsync("clerk");
        await using (var db = factory.Database.CreateContext(AgencyScope.For(c.AgencyId)))
        {
            var loaded = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
            var input = CaseEdit.InputOf(loaded);
            input.Description = "申请公开汶水路777号消防验收意见书";
            var result = await ActivatorUtilities.CreateInstance<CaseEdit>(factory.Services, db).SaveAsync(c.Id, input, loaded.Version, actor, default);
            result.ShouldBeOfType<CaseEdit.Result.Saved>();
        }

        (await FindAsync("洛川中路1188号燃气管道", c.AgencyId)).Select(f => f.CaseId).ShouldNotContain(c.Id);
        (await FindAsync("汶水路777号消防验收", c.AgencyId)).Select(f => f.CaseId).ShouldContain(c.Id);
    }

    [Fact]
    public async Task Hostile_query_syntax_is_searched_for_as_text()
    {
        var c = await _cases.ReceiveAsync("clerk", "钱七", i => i.Description = "申请公开\"彭越浦\" OR NEAR(整治) 河道方案*");
        var found = await FindAsync("\"彭越浦\" OR NEAR(整治) 河道方案* col:x ^", c.AgencyId);
        found.Select(f => f.CaseId).ShouldContain(c.Id);
    }

    [Fact]
    public async Task A_repeat_is_offered_only_for_the_same_applicant()
    {
        const string text = "申请公开延长中路688弄18号屋顶违法搭建的认定及限期拆除决定书";
        const string id = "310106198703150033";
        var earlier = await _cases.RepliedAsync("clerk", "孙八", i => { i.Description = text; i.IdNumber = id; });
        var again = await _cases.ReceiveAsync("clerk", "孙八", i => { i.Description = "本人再次申请公开延长中路688弄18号屋顶违法搭建的认定及限期拆除决定书。"; i.IdNumber = id; });
        var other = await _cases.ReceiveAsync("clerk", "周九", i => i.Description = text);

        await using var db = factory.Database.CreateContext(AgencyScope.For(earlier.AgencyId));
        var offered = await RepeatApplications.FindAsync(db, again.Id, default);
        offered.ShouldNotBeNull().CaseId.ShouldBe(earlier.Id);
        RepeatApplications.ReasonsText(offered, "予以公开").ShouldContain(earlier.CaseNumber!);
        (await RepeatApplications.FindAsync(db, other.Id, default)).ShouldBeNull();

        var similar = await FindAsync(again.Description, again.AgencyId, id, again.Id);
        similar[0].CaseId.ShouldBe(earlier.Id);
        similar[0].Reasons.ShouldContain(MatchReason.SameApplicant);
    }

    [Fact]
    public async Task The_reply_form_offers_the_repeat_with_the_earlier_reply_cited()
    {
        const string text = "申请公开灵石路311号餐饮项目的环境影响登记表及备案回执";
        const string id = "310106199001010030";
        var earlier = await _cases.RepliedAsync("clerk", "吴十", i => { i.Description = text; i.IdNumber = id; });
        var again = await _cases.ReceiveAsync("clerk", "吴十", i => { i.Description = text + "（再次申请）"; i.IdNumber = id; });
        var clerk = await _cases.ActorAsync("clerk");
        await _cases.FireAsync(again.Id, "register", clerk, new() { ["handler"] = clerk.UserId });

        var client = await factory.SignInAsync("clerk");
        var html = await client.GetStringAsync($"/Cases/{again.Id}/Letters/Edit");
        html.ShouldContain("可能是重复申请");
        html.ShouldContain(earlier.CaseNumber!);
        html.ShouldContain("name=\"Outcome\" value=\"reject-repeat\"");
    }

    [Fact]
    public async Task The_intake_endpoint_returns_an_escaped_fragment_and_json_for_the_signed_in_agency_only()
    {
        var c = await _cases.ReceiveAsync("clerk", "郑一", i => i.Description = "申请公开<b>万荣路</b>垃圾中转站的建设审批文件");
        var client = await factory.SignInAsync("clerk");
        var html = await client.GetStringAsync("/Cases/Similar?text=" + Uri.EscapeDataString("万荣路垃圾中转站审批"));
        html.ShouldContain($"/Cases/{c.Id}");
        html.ShouldContain("&lt;b&gt;");
        html.ShouldNotContain("<b>万荣路");
        html.ShouldContain("<mark>万荣路</mark>");
        html.ShouldContain("<mark>垃圾中转站</mark>");
        html.ShouldNotContain("<html");

        var request = new HttpRequestMessage(HttpMethod.Get, "/Cases/Similar?text=" + Uri.EscapeDataString("万荣路垃圾中转站审批"));
        request.Headers.Accept.ParseAdd("application/json");
        var json = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        json.RootElement.EnumerateArray().Select(e => e.GetProperty("caseId").GetInt32()).ShouldContain(c.Id);

        var other = await factory.SignInAsync("clerk2");
        (await other.GetStringAsync("/Cases/Similar?text=" + Uri.EscapeDataString("万荣路垃圾中转站审批"))).ShouldNotContain($"/Cases/{c.Id}\"");
        var anonymous = await factory.NewClient().GetAsync("/Cases/Similar?text=x");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_reviewer_marks_a_closed_case_typical_and_it_comes_first_and_is_in_the_library()
    {
        var typical = await _cases.ArchivedAsync("clerk", "冯二", i => i.Description = "申请公开大统路518号工地夜间施工许可证及审批材料");
        var closer = await _cases.ReceiveAsync("clerk", "陈三", i => i.Description = "要求公开大统路518号工地夜间施工许可证、审批材料及噪声监测数据");
        var reviewer = await factory.SignInAsync("reviewer");
        var clerk = await factory.SignInAsync("clerk");

        var refused = await clerk.PostFormAsync("/Typical?handler=Mark", new() { ["caseId"] = typical.Id.ToString(), ["note"] = "x" }, "/Cases/New");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var open = await reviewer.PostFormAsync("/Typical?handler=Mark", new() { ["caseId"] = closer.Id.ToString(), ["note"] = "口径" }, $"/Cases/{typical.Id}");
        open.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "only a closed case can be typical");
        var marked = await reviewer.PostFormAsync("/Typical?handler=Mark", new() { ["caseId"] = typical.Id.ToString(), ["note"] = "夜间施工许可属于可以公开的行政许可信息，予以公开" }, $"/Cases/{typical.Id}");
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var found = await FindAsync("大统路518号工地晚上施工，请公开夜间施工许可证、审批材料和噪声监测数据", typical.AgencyId);
        found[0].CaseId.ShouldBe(typical.Id);
        found[0].TypicalNote.ShouldBe("夜间施工许可属于可以公开的行政许可信息，予以公开");

        (await reviewer.GetStringAsync("/Typical?q=" + Uri.EscapeDataString("夜间施工"))).ShouldContain($"/Cases/{typical.Id}");
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        (await db.CaseEvents.Where(e => e.CaseId == typical.Id).Select(e => e.Kind).ToListAsync()).ShouldContain("typical");
        (await clerk.GetStringAsync($"/Cases/{closer.Id}")).ShouldContain("典型案例");
    }

    [Fact]
    public async Task The_command_line_prints_one_json_object_a_line()
    {
        var c = await _cases.ReceiveAsync("clerk", "褚四", i => i.Description = "申请公开西泗塘河道综合整治工程的可行性研究报告及批复");
        var run = await CliHarness.RunAsync(factory, "similar", "--text", "西泗塘河道整治的可行性研究报告", "--top", "3");
        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeInRange(1, 3);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        first.GetProperty("caseId").GetInt32().ShouldBe(c.Id);
        first.GetProperty("score").GetDouble().ShouldBeGreaterThan(0);
        first.GetProperty("matchedTerms").EnumerateArray().Select(t => t.GetString()).ShouldContain("西泗塘河道");
        (await CliHarness.RunAsync(factory, "similar", "--text", " ")).ExitCode.ShouldBe(2);
    }
}
