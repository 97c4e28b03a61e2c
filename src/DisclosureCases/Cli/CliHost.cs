using DisclosureCases.Data;
using DisclosureCases.Web;

namespace DisclosureCases.Cli;

/// <summary>
/// Configuration, database and application services for command-line verbs: the same settings as the web app
/// (appsettings.json beside the executable, then environment variables such as <c>Database__Path</c>). Tests pass a
/// configuration of their own so that verbs run in-process against a test database.
/// </summary>
public sealed class CliHost(IConfiguration configuration)
{
    public IConfiguration Configuration { get; } = configuration;

    /// <summary>The settings a command started from a shell sees.</summary>
    public static CliHost FromEnvironment() =>
        new(new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build());

    /// <summary>The configured database, migrated to the current schema.</summary>
    public async Task<Database> DatabaseAsync(CancellationToken ct)
    {
        var database = Database.FromConfiguration(Configuration);
        await database.MigrateAsync(ct);
        return database;
    }

    /// <summary>
    /// The application's own services as the web app composes them (<see cref="ApplicationServices"/>): the migrated
    /// database, the statutory calendar, the outcome and document catalogs and the published workflow versions. A data
    /// error in any of them surfaces here with its file and line, as it would at web start-up.
    /// </summary>
    public async Task<ServiceProvider> ServicesAsync(CancellationToken ct)
    {
        var database = await DatabaseAsync(ct);
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(AppPaths.Discover(Configuration["Paths:Root"]));
        services.AddSingleton(database);
        // The command line acts for the installation: a verb that needs one agency filters for it explicitly.
        services.AddScoped(sp => sp.GetRequiredService<Database>().CreateContext(AgencyScope.All));
        services.AddLogging();
        services.AddApplicationServices();
        return services.BuildServiceProvider();
    }
}
