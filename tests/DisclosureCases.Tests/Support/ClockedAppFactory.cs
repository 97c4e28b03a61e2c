using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Support;

/// <summary>The application (scheduler off) on a <see cref="TestClock"/>: "today" is whatever the test says.</summary>
public class ClockedAppFactory : AppFactory
{
    public TestClock Clock { get; } = SchedulerTesting.DefaultClock();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
