using System.Net;
using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Tests.Pages.Account;

/// <summary>
/// The sign-in cookie's security stamp is checked against the database when Identity's interval (30 minutes) has passed,
/// as Identity does, and Identity's validator is not made on the requests in between (<see cref="SecurityStampCheck"/>).
/// </summary>
public class SecurityStampTests(SecurityStampTests.Factory factory) : IClassFixture<SecurityStampTests.Factory>
{
    public sealed class Factory : ClockedAppFactory
    {
        public int Validations;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(this).AddScoped<ISecurityStampValidator, CountingValidator>());
        }
    }

    /// <summary>Identity's validator, counting the times it is asked.</summary>
    public sealed class CountingValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signIn, ILoggerFactory logs, Factory factory)
        : SecurityStampValidator<AppUser>(options, signIn, logs)
    {
        public override Task ValidateAsync(CookieValidatePrincipalContext context)
        {
            Interlocked.Increment(ref factory.Validations);
            return base.ValidateAsync(context);
        }
    }

    [Fact]
    public async Task A_changed_stamp_signs_the_user_out_once_the_interval_has_passed_and_the_validator_is_not_made_before()
    {
        var client = await factory.SignInAsync("clerk");
        (await client.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = Volatile.Read(ref factory.Validations);

        await ChangeStampAsync("clerk");
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.OK, "within the interval the cookie is not checked (Identity's rule)");
        (await client.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Volatile.Read(ref factory.Validations).ShouldBe(before, "no validator is made while no check is due");

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await client.GetAsync("/Cases");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect, "past the interval the changed stamp is found and the cookie refused");
        after.Headers.Location!.ToString().ShouldContain("/Account/Login");
        Volatile.Read(ref factory.Validations).ShouldBe(before + 1);
    }

    [Fact]
    public async Task An_unchanged_stamp_keeps_the_user_signed_in_past_the_interval()
    {
        var client = await factory.SignInAsync("reviewer");
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        (await client.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The check renewed the cookie: 29 minutes on, no check is due and the page still opens.
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, false)]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void Due_follows_identitys_rule(int? minutesAgo, bool due)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var options = new SecurityStampValidatorOptions { TimeProvider = clock };
        SecurityStampCheck.Due(minutesAgo is { } m ? clock.GetUtcNow().AddMinutes(-m) : null, options).ShouldBe(due);
    }

    async Task ChangeStampAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        (await users.UpdateSecurityStampAsync(user!)).Succeeded.ShouldBeTrue();
    }
}
