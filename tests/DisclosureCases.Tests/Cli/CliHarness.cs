using DisclosureCases.Cli;
using DisclosureCases.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace DisclosureCases.Tests.Cli;

/// <summary>What a verb printed and returned.</summary>
public sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <c>disclosure …</c> in-process against the database of an <see cref="AppFactory"/>.</summary>
public static class CliHarness
{
    public static CliHost HostFor(AppFactory factory)
    {
        _ = factory.Services; // starts the app: migrated database, demo agencies and users
        var settings = factory.DatabaseSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Paths:Root"] = RepoPaths.Root;
        return new CliHost(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    public static Task<CliOutcome> RunAsync(AppFactory factory, params string[] args) => RunAsync(HostFor(factory), args);

    /// <summary>Runs a verb with the given settings (an installation no test application runs on).</summary>
    public static Task<CliOutcome> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var all = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        all["Paths:Root"] = RepoPaths.Root;
        return RunAsync(new CliHost(new ConfigurationBuilder().AddInMemoryCollection(all).Build()), args);
    }

    static async Task<CliOutcome> RunAsync(CliHost host, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await CommandLine.RunAsync(args, TextReader.Null, output, error, host);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }
}
