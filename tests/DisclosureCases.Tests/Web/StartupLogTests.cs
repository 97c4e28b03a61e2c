using System.Net;
using DisclosureCases.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DisclosureCases.Tests.Web;

/// <summary>
/// The first start of a new installation (an empty database, as at a newcomer's first <c>dotnet run</c>) logs no error.
/// Data Protection's start-up read of its key ring ran before the migrations and logged "no such table:
/// DataProtectionKeys" with a stack trace.
/// </summary>
public class StartupLogTests
{
    sealed class Factory() : AppFactory(NewDirectory(), keepDirectory: false, migrateFromEmpty: true)
    {
        public HostileInput.ErrorCapture Errors { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        }
    }

    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_no_error()
    {
        using var factory = new Factory();
        var client = factory.NewClient();
        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.SignInAsync("clerk");
        factory.Errors.TakeLastError().ShouldBeNull();
    }
}
