using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Similarity;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Similarity;

/// <summary>The same search on PostgreSQL: the trigram-array GIN index from its own migration, kept current by the database.</summary>
public sealed class PostgresSimilarCasesTests : IClassFixture<PostgresSimilarCasesTests.Factory>
{
    public sealed class Factory : PostgresAppFactory;

    readonly Factory _factory;
    readonly CaseMaker _cases;

    public PostgresSimilarCasesTests(Factory factory)
    {
        _factory = factory;
        _cases = new CaseMaker(factory);
        factory.SkipUnlessAvailable();
    }

    async Task<IReadOnlyList<SimilarCase>> FindAsync(string text, int agencyId, string? applicant = null)
    {
        await using var db = _factory.Database.CreateContext(AgencyScope.For(agencyId));
        return await SimilarCases.FindAsync(db, new SimilarQuery(text, applicant), DateOnly.FromDateTime(DateTime.UtcNow), default);
    }

    [SkippableFact]
    public async Task A_request_in_other_words_finds_the_earlier_one_and_follows_an_edit()
    {
        var c = await _cases.ReceiveAsync("clerk", "张三", i => i.Description = "申请公开岭南小区7号楼既有多层住宅加装电梯项目的建设工程规划许可证");
        var other = await _cases.ReceiveAsync("clerk2", "李四", i => i.Description = "申请公开岭南小区7号楼既有多层住宅加装电梯项目的建设工程规划许可证");
        await _cases.ReceiveAsync("clerk", "王五", i => i.Description = "请提供2025年区本级一般公共预算收支表");

        var found = await FindAsync("我住岭南小区7号楼，楼里要装电梯，请公开规划许可证", c.AgencyId);
        found[0].CaseId.ShouldBe(c.Id);
        found.Select(f => f.CaseId).ShouldNotContain(other.Id);

        var actor = await _cases.ActorAsync("clerk");
        await using (var db = _factory.Database.CreateContext(AgencyScope.For(c.AgencyId)))
        {
            var loaded = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
            var input = CaseEdit.InputOf(loaded);
            input.Description = "申请公开汶水路777号消防验收意见书";
            (await ActivatorUtilities.CreateInstance<CaseEdit>(_factory.Services, db).SaveAsync(c.Id, input, loaded.Version, actor, default))
                .ShouldBeOfType<CaseEdit.Result.Saved>();
        }
        (await FindAsync("岭南小区7号楼加装电梯", c.AgencyId)).Select(f => f.CaseId).ShouldNotContain(c.Id);
        (await FindAsync("汶水路777号消防验收", c.AgencyId))[0].CaseId.ShouldBe(c.Id);
    }
}
