using System.CommandLine;

namespace DisclosureCases.Cli;

/// <summary>
/// The <c>disclosure</c> command line. Each verb group lives in its own file and contributes a <see cref="Command"/>;
/// input and output are passed in so that tests run verbs in-process.
/// </summary>
public static class CommandLine
{
    static IEnumerable<Command> Verbs(CliConsole console, CliHost host) =>
    [
        CalendarVerbs.Build(console),
        AuditVerbs.Build(console, host),
        SeedVerbs.Build(console, host),
        .. TransferVerbs.Build(console, host),
        ArchiveVerbs.Build(console, host),
        EvidenceVerbs.Build(console, host),
        PartnerVerbs.Build(console, host),
        TemplateVerbs.Build(console),
        ReportVerbs.Build(console, host),
        .. BackupVerbs.Build(console, host),
        SimilarVerbs.Build(console, host),
        ProactiveVerbs.Build(console, host),
    ];

    /// <summary>True when the arguments name a verb of the command line rather than options for the web host.</summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && Verbs(CliConsole.Null, new CliHost(new ConfigurationBuilder().Build())).Any(v => v.Name == args[0]);

    /// <summary>Runs a verb; <paramref name="host"/> defaults to the settings of the environment (<see cref="CliHost.FromEnvironment"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CliHost? host = null)
    {
        var console = new CliConsole(stdin, stdout, stderr);
        var root = new RootCommand("DisclosureCases 依申请公开办理系统 — command line");
        foreach (var verb in Verbs(console, host ?? CliHost.FromEnvironment()))
            root.Subcommands.Add(verb);
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}

/// <summary>The streams a verb reads and writes.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static readonly CliConsole Null = new(TextReader.Null, TextWriter.Null, TextWriter.Null);
}
