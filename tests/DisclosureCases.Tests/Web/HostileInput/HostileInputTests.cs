using DisclosureCases.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DisclosureCases.Tests.Web.HostileInput;

/// <summary>
/// Malformed and oversized values at every form and endpoint the application has (discovered, not listed): very long
/// strings, control characters, impossible dates, script tags, SQL fragments, wrong types, repeated fields, missing
/// anti-forgery tokens. No server error, nothing stored by a refused request, no script ever rendered as markup.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Crawled crawled) : IClassFixture<HostileInputTests.Crawled>
{
    /// <summary>The demo installation with cases in every state (their pages carry every action form), crawled once.</summary>
    public sealed class Crawled : IAsyncLifetime
    {
        // SQLite in both test passes: "the database is unchanged" is checked on the SQLite file itself (row counts and
        // a content hash of every table), and what is refused or escaped does not depend on the provider.
        public sealed class Factory : SqliteAppFactory, IServerErrorLog
        {
            readonly ErrorCapture _errors = new();
            protected override int DemoCaseCount => 30;

            protected override void ConfigureWebHost(IWebHostBuilder builder)
            {
                base.ConfigureWebHost(builder);
                builder.ConfigureLogging(l => l.AddProvider(_errors));
            }

            public string? TakeLastError() => _errors.TakeLastError();
        }

        readonly Factory _factory = new();
        public HostileCrawl Crawl { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Crawl = new HostileCrawl(_factory);
            await Crawl.RunAsync();
        }

        public Task DisposeAsync()
        {
            Crawl.Dispose();
            _factory.Dispose();
            return Task.CompletedTask;
        }
    }

    HostileCrawl Crawl => crawled.Crawl;

    [Fact]
    public void The_crawl_finds_the_forms_of_every_known_screen()
    {
        var routes = Crawl.Forms.Values.Where(f => f.Form.Method == "POST").Select(f => f.Form.Route).ToHashSet();
        routes.ShouldSatisfyAllConditions(
            () => routes.ShouldContain("/Account/Login"),
            () => routes.ShouldContain("/Account/Logout"),
            () => routes.ShouldContain("/Cases/New"),
            () => routes.ShouldContain("/Cases/{n}?handler=Fire"),
            () => routes.ShouldContain("/Cases/{n}/Edit"),
            () => routes.ShouldContain(r => r.StartsWith("/Cases/{n}/Letters/Edit", StringComparison.Ordinal)),
            () => routes.ShouldContain(r => r.StartsWith("/Letters/{n}", StringComparison.Ordinal)),
            () => routes.ShouldContain(r => r.StartsWith("/Templates/", StringComparison.Ordinal)),
            () => routes.ShouldContain(r => r.StartsWith("/Admin/Calendar", StringComparison.Ordinal)),
            () => routes.ShouldContain(r => r.StartsWith("/Mailing", StringComparison.Ordinal)));
        Crawl.Forms.Values.ShouldContain(f => f.Form.Method == "GET" && f.Form.Route == "/Cases", "the worklist's filter form");
    }

    [Fact]
    public void Every_handler_the_application_maps_is_attacked()
    {
        var missed = Crawl.Handlers.Select(h => h.ToString()).Where(h => !Crawl.ReachedHandlers.Contains(h)).ToList();
        missed.ShouldBeEmpty();
        Crawl.Handlers.Count(h => h.HttpMethod == "POST").ShouldBeGreaterThan(10);
    }

    [Fact]
    public void No_request_is_answered_with_a_server_error()
    {
        Crawl.Requests.ShouldBeGreaterThan(500);
        Crawl.ServerErrors.ShouldBeEmpty();
    }

    [Fact]
    public void A_refused_request_leaves_the_database_unchanged() =>
        Crawl.ChangedByRejected.ShouldBeEmpty();

    [Fact]
    public void A_post_without_the_antiforgery_token_is_refused_with_400() =>
        Crawl.TokenlessNotRefused.ShouldBeEmpty();

    [Fact]
    public void Script_typed_into_any_field_is_never_rendered_as_markup()
    {
        Crawl.AcceptedMarkerPosts.ShouldNotBeEmpty("at least one form should have stored the markers, or this test proves nothing");
        Crawl.Unescaped.ShouldBeEmpty();
    }
}
