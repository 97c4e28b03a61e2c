using System.Net;
using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Data;

/// <summary>
/// Web requests' contexts come from a pool (<see cref="Database.LeaseContext"/>): a context leased again sees the new
/// lease's agency only, tracks nothing of the last lease, and a scope that sees all is never pooled.
/// </summary>
public class ContextPoolTests(ContextPoolTests.Factory factory) : IClassFixture<ContextPoolTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly CaseMaker cases = new(factory);

    /// <summary>The test's own <see cref="Database"/> on the app's database: a pool no request of the app leases from.</summary>
    readonly Database database = new(factory.Database.Provider, factory.Database.ConnectionString);

    async Task<(int Agency, int Case)> CaseOfAsync(string clerk, string applicant)
    {
        var c = await cases.ReceiveAsync(clerk, applicant);
        return (c.AgencyId, c.Id);
    }

    [Fact]
    public async Task A_context_leased_again_sees_only_the_new_leases_agency_and_tracks_nothing_of_the_last()
    {
        var (agencyA, caseA) = await CaseOfAsync("clerk", "池甲申请人");
        var (agencyB, caseB) = await CaseOfAsync("clerk2", "池乙申请人");
        agencyA.ShouldNotBe(agencyB);

        DisclosureDbContext first;
        await using (var db = database.LeaseContext(() => AgencyScope.For(agencyA)))
        {
            first = db;
            (await db.Cases.SingleOrDefaultAsync(c => c.Id == caseA)).ShouldNotBeNull();
            (await db.Cases.AnyAsync(c => c.Id == caseB)).ShouldBeFalse();
            db.ChangeTracker.Entries().ShouldNotBeEmpty();
        }

        await using (var db = database.LeaseContext(() => AgencyScope.For(agencyB)))
        {
            db.ShouldBeSameAs(first, "the context handed back is leased again");
            db.MadeForAllAgencies.ShouldBeFalse();
            db.ChangeTracker.Entries().ShouldBeEmpty();
            (await db.Cases.AnyAsync(c => c.Id == caseA)).ShouldBeFalse("agency A's case, seen through the lease of agency B");
            (await db.Cases.AnyAsync(c => c.Id == caseB)).ShouldBeTrue();
        }

        await using (var db = database.LeaseContext(() => AgencyScope.Nothing))
        {
            db.ShouldBeSameAs(first);
            (await db.Cases.AnyAsync(c => c.Id == caseA || c.Id == caseB)).ShouldBeFalse("before sign-in a request sees no agency");
        }
    }

    [Fact]
    public async Task A_scope_that_sees_all_gets_a_context_of_its_own_that_is_not_pooled()
    {
        var (_, caseA) = await CaseOfAsync("clerk", "池全部甲");
        var (agencyB, caseB) = await CaseOfAsync("clerk2", "池全部乙");

        DisclosureDbContext all;
        await using (var db = database.LeaseContext(() => AgencyScope.All))
        {
            all = db;
            db.MadeForAllAgencies.ShouldBeTrue();
            (await db.Cases.CountAsync(c => c.Id == caseA || c.Id == caseB)).ShouldBe(2);
        }

        await using var next = database.LeaseContext(() => AgencyScope.For(agencyB));
        next.ShouldNotBeSameAs(all);
        (await next.Cases.CountAsync(c => c.Id == caseA || c.Id == caseB)).ShouldBe(1);
    }

    [Fact]
    public async Task Clerks_of_two_agencies_asking_at_once_each_see_their_own_cases_only()
    {
        var (_, caseA) = await CaseOfAsync("clerk", "池并发甲");
        var (_, caseB) = await CaseOfAsync("clerk2", "池并发乙");
        var a = await factory.SignInAsync("clerk");
        var b = await factory.SignInAsync("clerk2");

        var requests = Enumerable.Range(0, 40).Select(async i =>
        {
            var (client, own, other) = i % 2 == 0 ? (a, caseA, caseB) : (b, caseB, caseA);
            (await client.GetAsync($"/Cases/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync($"/Cases/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        });
        await Task.WhenAll(requests);
    }
}
