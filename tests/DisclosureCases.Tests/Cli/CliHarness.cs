using DisclosureCases.Cli;
using DisclosureCases.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace DisclosureCases.Tests.Cli;

/// <summary>What a verb printed and returned.</summary>
public sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <c>disclosure …</c> in-process against the SQLite file of an <see cref="AppFactory"/>.</summary>
public static class CliHarness
{
    public static CliHost HostFor(AppFactory factory)
    {
        _ = factory.Services; // starts the app: migrated database, demo agencies and users
        return new CliHost(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:Path"] = factory.DatabasePath,
            ["Paths:Root"] = RepoPaths.Root,
        }).Build());
    }

    public static async Task<CliOutcome> RunAsync(AppFactory factory, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await CommandLine.RunAsync(args, TextReader.Null, output, error, HostFor(factory));
        return new CliOutcome(code, output.ToString(), error.ToString());
    }
}
