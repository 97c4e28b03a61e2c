using System.Net;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Web;

/// <summary>A request sees its signed-in user's agency: however early in the request the database context was made.</summary>
public class AgencyScopeTests(AgencyScopeTests.Factory factory) : IClassFixture<AgencyScopeTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly CaseMaker cases = new(factory);

    [Fact]
    public async Task A_signed_in_clerk_opens_a_case_of_the_agency_and_finds_it_on_the_worklist()
    {
        var c = await cases.ReceiveAsync("clerk", "机关内申请人");
        var client = await factory.SignInAsync("clerk");

        (await client.GetAsync($"/Cases/{c.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync("/Cases?Scope=agency")).ShouldContain("机关内申请人");
    }

    [Fact]
    public async Task A_clerk_of_another_agency_gets_a_404_and_an_empty_worklist()
    {
        var c = await cases.ReceiveAsync("clerk", "他机关看不到的申请人");
        var client = await factory.SignInAsync("clerk2");

        (await client.GetAsync($"/Cases/{c.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/Cases?Scope=agency")).ShouldNotContain("他机关看不到的申请人");
    }
}
