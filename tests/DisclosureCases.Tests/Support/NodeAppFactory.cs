using System.Net;
using DisclosureCases.Data;
using Microsoft.AspNetCore.Hosting;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// One node of a several-node installation: the application on the PostgreSQL database named in
/// <paramref name="directory"/> (the first node creates it, the others find it there), its scheduler clustered with the
/// other nodes' (same instance name), all on one <see cref="TestClock"/>.
/// </summary>
public sealed class NodeAppFactory(string directory, bool keepDirectory, TestClock clock, string instanceName)
    : AppFactory(directory, keepDirectory, DatabaseProvider.PostgreSQL), IScheduledApp
{
    public TestClock Clock { get; } = clock;
    public JobScripts Scripts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SchedulerTesting.Configure(builder, Clock, Scripts, instanceName);
    }

    /// <summary>A client of this node that keeps its cookies in <paramref name="browser"/>: a browser whose requests a
    /// load balancer sends to one node or another.</summary>
    public HttpClient ClientWith(CookieContainer browser) => CreateDefaultClient(new SharedCookies(browser));

    /// <summary>Stores and sends cookies the way a browser does, in a jar that clients of several nodes share.</summary>
    sealed class SharedCookies(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = request.RequestUri!;
            if (jar.GetCookieHeader(uri) is { Length: > 0 } header)
                request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
                foreach (var cookie in cookies)
                    jar.SetCookies(uri, cookie);
            return response;
        }
    }
}
