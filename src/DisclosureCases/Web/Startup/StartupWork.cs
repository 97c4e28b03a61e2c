using DisclosureCases.Cases;
using DisclosureCases.Data;

namespace DisclosureCases.Web.Startup;

/// <summary>
/// Work done once before the app takes requests: hold the SQLite installation lock, migrate the database, load the calendar and publish the
/// workflow versions (stopping on any data error) and the letter templates, then create the demo installation on an
/// empty database (unless <c>Demo:Enabled</c> is false) and print its logins.
/// </summary>
public sealed class StartupWork(IServiceProvider services, Database database, IConfiguration configuration, ILogger<StartupWork> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        // On SQLite, first make sure this is the only application on the file (and tell `disclosure restore` so).
        services.GetService<SqliteInstallationLock>();
        await database.MigrateAsync(ct);
        services.GetRequiredService<CalendarHolder>();
        services.GetRequiredService<WorkflowRegistry>();
        services.GetRequiredService<TemplateFileReport>();
        services.GetRequiredService<DisclosureCases.Domain.Fees.FeeSchedule>();
        services.GetRequiredService<DisclosureCases.Domain.Reviews.ReviewResultCatalog>();
        if (configuration.GetValue("Demo:Enabled", true))
        {
            using var scope = services.CreateScope();
            var demo = ActivatorUtilities.CreateInstance<DemoInstallation>(scope.ServiceProvider);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var created = await demo.EnsureAsync(configuration.GetValue("Demo:Cases", 200), ct);
            if (created)
                log.LogInformation("Demo installation created in {Seconds:F1} s", started.Elapsed.TotalSeconds);
            if (configuration.GetValue("Demo:PrintLogins", true))
                DemoInstallation.PrintLogins(Console.Out);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
