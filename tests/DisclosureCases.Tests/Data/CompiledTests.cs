using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// Queries compiled once (<see cref="Compiled{TQuery}"/>) run on every model the application has — an agency's context and
/// an all-agencies one, in any order — and each still sees only what its context may see.
/// </summary>
public class CompiledTests(CompiledTests.Factory factory) : IClassFixture<CompiledTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly CaseMaker maker = new(factory);

    static readonly Compiled<Func<DisclosureDbContext, string, CancellationToken, Task<int>>> ByApplicant = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, string name, CancellationToken ct) => db.Cases.Count(c => c.Applicant.Name == name)));

    [Fact]
    public async Task One_compiled_query_answers_for_an_agency_and_for_all_agencies_each_within_its_scope()
    {
        var name = "编译查询申请人" + Guid.NewGuid().ToString("N")[..6];
        await maker.ReceiveAsync("clerk", name);
        await maker.ReceiveAsync("clerk", name);
        await maker.ReceiveAsync("clerk2", name);
        var first = (await maker.ActorAsync("clerk")).AgencyId;
        var second = (await maker.ActorAsync("clerk2")).AgencyId;
        first.ShouldNotBe(second);

        async Task<int> CountAsync(AgencyScope scope)
        {
            await using var db = factory.Database.CreateContext(scope);
            return await ByApplicant.For(db)(db, name, default);
        }

        // Alternating models: EF Core would refuse a query compiled for one model on another.
        for (var round = 0; round < 2; round++)
        {
            (await CountAsync(AgencyScope.For(first))).ShouldBe(2);
            (await CountAsync(AgencyScope.All)).ShouldBe(3);
            (await CountAsync(AgencyScope.For(second))).ShouldBe(1);
            (await CountAsync(AgencyScope.Nothing)).ShouldBe(0);
        }
    }
}
