using DisclosureCases.Data;

namespace DisclosureCases.Cli;

/// <summary>
/// Configuration and database for command-line verbs: the same settings as the web app (appsettings.json beside the
/// executable, then environment variables such as <c>Database__Path</c>).
/// </summary>
public static class CliHost
{
    public static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>The configured database, migrated to the current schema.</summary>
    public static async Task<Database> DatabaseAsync(CancellationToken ct)
    {
        var database = Database.FromConfiguration(Configuration());
        await database.MigrateAsync(ct);
        return database;
    }
}
