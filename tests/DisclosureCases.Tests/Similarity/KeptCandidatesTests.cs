using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Similarity;
using DisclosureCases.Tests.Support;
using Case = DisclosureCases.Domain.Cases.Case;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Similarity;

/// <summary>
/// A case's kept similar-case candidates (<see cref="StoredCandidates"/>): what its page starts from instead of a search
/// of every case, topped up with newer cases, ignored once the text changes, never a way to another agency's cases.
/// </summary>
public class KeptCandidatesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    readonly CaseMaker _cases = new(factory);
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    static int _applicants;

    /// <summary>A case of its own applicant (the same applicant's cases are always candidates, kept or not).</summary>
    Task<Case> ReceiveAsync(string clerk, string name, string text) =>
        _cases.ReceiveAsync(clerk, name, i => { i.Description = text; i.IdNumber = IdNumber(Interlocked.Increment(ref _applicants)); });

    /// <summary>A valid 居民身份证号码 (GB 11643 check digit) numbered <paramref name="n"/>.</summary>
    static string IdNumber(int n)
    {
        var body = $"31010619900101{n % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((ch, i) => (ch - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    async Task<IReadOnlyList<int>> ListedAsync(Case c, bool useKept)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.For(c.AgencyId));
        var found = await SimilarCases.FindAsync(db, new SimilarQuery(c.Description, c.Applicant.IdNumber, c.DepartmentId, c.Id, UseKept: useKept), Today, default);
        return found.Select(f => f.CaseId).ToList();
    }

    Task<int> FillAsync(bool inMemory = false, int? limit = null) =>
        factory.Services.GetRequiredService<SimilarCandidatesFill>().FillAsync(limit, inMemory, workers: 2, report: null, default);

    async Task<StoredCandidates?> KeptAsync(int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.SimilarCandidates.AsNoTracking().SingleOrDefaultAsync(s => s.CaseId == caseId);
    }

    /// <summary>Replaces a case's kept list (as if computed when only these matched).</summary>
    async Task KeepAsync(int caseId, int[] ids, long? hash = null)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var kept = await db.SimilarCandidates.SingleAsync(s => s.CaseId == caseId);
        kept.CandidateIds = StoredCandidates.Pack(ids);
        kept.UpToCaseId = await db.Cases.MaxAsync(c => c.Id);
        if (hash is { } h) kept.TextHash = h;
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Kept_candidates_list_what_a_search_of_every_case_lists(bool inMemory)
    {
        var place = inMemory ? "泗塘新村" : "虬江码头";
        var asked = await ReceiveAsync("clerk", "陈一", $"申请公开{place}3号地块旧住房成套改造项目的征收补偿方案");
        var alike = new List<Case>();
        foreach (var (name, text) in new[]
                 {
                     ("陈二", $"请公开{place}3号地块旧住房成套改造的补偿方案"),
                     ("陈三", $"{place}旧住房成套改造项目征收决定"),
                     ("陈四", $"{place}3号地块改造项目的规划许可证"),
                 })
            alike.Add(await ReceiveAsync("clerk", name, text));
        await ReceiveAsync("clerk", "陈五", "2025年区本级一般公共预算收支表及预算说明");

        (await FillAsync(inMemory)).ShouldBeGreaterThan(0);

        var kept = (await KeptAsync(asked.Id)).ShouldNotBeNull();
        kept.TextHash.ShouldBe(SimilarCases.TextHash(asked.Description));
        StoredCandidates.Unpack(kept.CandidateIds).ShouldBeSubsetOf(await ListedAsync(asked, useKept: false));
        foreach (var a in alike) StoredCandidates.Unpack(kept.CandidateIds).ShouldContain(a.Id);
        var searched = await ListedAsync(asked, useKept: false);
        (await ListedAsync(asked, useKept: true)).ShouldBe(searched);
        (await FillAsync(inMemory)).ShouldBe(0); // nothing twice
    }

    [Fact]
    public async Task The_page_starts_from_the_kept_list_and_finds_cases_received_since()
    {
        var asked = await ReceiveAsync("clerk", "林一", "申请公开殷高西路118号商业综合体的建设工程竣工规划验收合格证");
        var first = await ReceiveAsync("clerk", "林二", "殷高西路118号商业综合体竣工规划验收合格证");
        var second = await ReceiveAsync("clerk", "林三", "请提供殷高西路118号商业综合体的建设工程规划许可证");
        await FillAsync();

        // Kept as if the second had not matched: the page lists what was kept, not a fresh search.
        await KeepAsync(asked.Id, [first.Id]);
        var listed = await ListedAsync(asked, useKept: true);
        listed.ShouldContain(first.Id);
        listed.ShouldNotContain(second.Id);
        (await ListedAsync(asked, useKept: false)).ShouldContain(second.Id);

        var newer = await ReceiveAsync("clerk", "林四", "殷高西路118号商业综合体建设工程竣工规划验收的材料");
        listed = await ListedAsync(asked, useKept: true);
        listed.ShouldContain(newer.Id);
        listed.ShouldContain(first.Id);
        listed.ShouldNotContain(second.Id);
    }

    [Fact]
    public async Task A_changed_description_is_searched_afresh_and_kept_again_by_the_next_fill()
    {
        var asked = await ReceiveAsync("clerk", "黄一", "申请公开共和新路加油站的危险化学品经营许可材料");
        var alike = await ReceiveAsync("clerk", "黄二", "共和新路加油站危险化学品经营许可证");
        var other = await ReceiveAsync("clerk", "黄三", "沪太路菜市场改造工程的施工方案");
        await FillAsync();

        // A kept list whose text no longer matches is not used, even if nothing removed it.
        await KeepAsync(asked.Id, [], hash: SimilarCases.TextHash("另一段文字"));
        var listed = await ListedAsync(asked, useKept: true);
        listed.ShouldContain(alike.Id);
        listed.ShouldBe(await ListedAsync(asked, useKept: false));

        var actor = await _cases.ActorAsync("clerk");
        await using (var db = factory.Database.CreateContext(AgencyScope.For(asked.AgencyId)))
        {
            var loaded = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == asked.Id);
            var input = CaseEdit.InputOf(loaded);
            input.Description = "沪太路菜市场改造工程的施工方案及验收记录";
            (await ActivatorUtilities.CreateInstance<CaseEdit>(factory.Services, db).SaveAsync(asked.Id, input, loaded.Version, actor, default))
                .ShouldBeOfType<CaseEdit.Result.Saved>();
        }
        (await KeptAsync(asked.Id)).ShouldBeNull(); // dropped with the edit
        await using (var db = factory.Database.CreateContext(AgencyScope.For(asked.AgencyId)))
            asked = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == asked.Id);
        listed = await ListedAsync(asked, useKept: true);
        listed.ShouldContain(other.Id);
        listed.ShouldNotContain(alike.Id);

        (await FillAsync(limit: 10)).ShouldBeGreaterThanOrEqualTo(1);
        var kept = (await KeptAsync(asked.Id)).ShouldNotBeNull();
        kept.TextHash.ShouldBe(SimilarCases.TextHash(asked.Description));
        StoredCandidates.Unpack(kept.CandidateIds).ShouldContain(other.Id);
        StoredCandidates.Unpack(kept.CandidateIds).ShouldNotContain(alike.Id);
        (await ListedAsync(asked, useKept: true)).ShouldBe(await ListedAsync(asked, useKept: false));
    }

    [Fact]
    public async Task Another_agencys_case_in_a_kept_list_is_never_shown()
    {
        const string text = "申请公开广中路街道2024年度老旧小区综合修缮工程的招标文件";
        var asked = await ReceiveAsync("clerk", "徐一", text);
        var theirs = await ReceiveAsync("clerk2", "徐二", text);
        await FillAsync();
        (await KeptAsync(asked.Id)).ShouldNotBeNull();
        StoredCandidates.Unpack((await KeptAsync(asked.Id))!.CandidateIds).ShouldNotContain(theirs.Id);

        await KeepAsync(asked.Id, [theirs.Id]);
        (await ListedAsync(asked, useKept: true)).ShouldNotContain(theirs.Id);
        var client = await factory.SignInAsync("clerk");
        (await client.GetStringAsync($"/Cases/{asked.Id}")).ShouldNotContain($"/Cases/{theirs.Id}\"");
    }

    [Fact]
    public async Task A_list_a_page_found_far_behind_is_brought_forward_by_the_next_run_with_the_cases_received_since()
    {
        const string text = "申请公开三门路地下通道积水整治工程的竣工验收报告";
        var asked = await ReceiveAsync("clerk", "钟一", text);
        var early = await ReceiveAsync("clerk", "钟二", "三门路地下通道积水整治工程竣工验收报告");
        var edited = await ReceiveAsync("clerk", "钟三", "三门路地下通道积水整治工程的施工方案");
        await FillAsync();
        await KeepAsync(asked.Id, [early.Id]);
        await KeepAsync(edited.Id, [], hash: SimilarCases.TextHash("另一段文字"));
        var keptEdited = (await KeptAsync(edited.Id)).ShouldNotBeNull();
        var later = await ReceiveAsync("clerk", "钟四", "三门路地下通道积水整治工程的竣工验收资料");
        await ReceiveAsync("clerk", "钟五", "沪太路菜市场改造工程的施工方案");
        int newest;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
            newest = await db.Cases.MaxAsync(c => c.Id);

        var refresh = factory.Services.GetRequiredService<SimilarCandidatesFill>();
        SimilarCandidatesFill.BehindOverride.Value = 1;
        try
        {
            // Nothing behind is known until a page sees it.
            (await refresh.RefreshAsync(limit: 1_000, default)).ShouldBe(0);
            (await ListedAsync(asked, useKept: true)).ShouldContain(later.Id);
            await ListedAsync(edited, useKept: true);

            (await refresh.RefreshAsync(limit: 1_000, default)).ShouldBe(1);
            var kept = (await KeptAsync(asked.Id)).ShouldNotBeNull();
            kept.UpToCaseId.ShouldBeGreaterThanOrEqualTo(newest);
            StoredCandidates.Unpack(kept.CandidateIds).ShouldContain(later.Id);
            StoredCandidates.Unpack(kept.CandidateIds).ShouldContain(early.Id);
            (await ListedAsync(asked, useKept: true)).ShouldContain(later.Id);
            // A list kept for another text is not used by its page, so not brought forward: the next fill replaces it.
            (await KeptAsync(edited.Id)).ShouldNotBeNull().UpToCaseId.ShouldBe(keptEdited.UpToCaseId);

            // Current now: the page notes nothing, the next run changes nothing.
            (await refresh.RefreshAsync(limit: 1_000, default)).ShouldBe(0);
            (await KeptAsync(asked.Id)).ShouldNotBeNull().ComputedAt.ShouldBe(kept.ComputedAt);
        }
        finally
        {
            SimilarCandidatesFill.BehindOverride.Value = null;
        }
    }

    [Fact]
    public void Ids_pack_into_four_bytes_each_and_back()
    {
        int[] ids = [1, 255, 256, 65_536, 1_000_000, int.MaxValue];
        var packed = StoredCandidates.Pack(ids);
        packed.Length.ShouldBe(4 * ids.Length);
        StoredCandidates.Unpack(packed).ShouldBe(ids);
        StoredCandidates.Unpack([]).ShouldBeEmpty();
    }
}
