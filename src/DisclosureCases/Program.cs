// Composition root. One executable, two faces: the `disclosure` command line when the first argument is a verb,
// otherwise the web application.
using DisclosureCases.Cli;
using DisclosureCases.Web;

if (CommandLine.Handles(args))
    return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);

var app = WebApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
