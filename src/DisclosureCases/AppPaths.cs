namespace DisclosureCases;

/// <summary>
/// Where the reviewed data folders (<c>workflows/</c>, <c>templates/</c>) are. A checkout is found by walking up from
/// the working directory (so <c>dotnet run</c> from the checkout reads the files being edited); otherwise the copies
/// built next to the executable are used. The setting <c>Paths:Root</c> (env <c>Paths__Root</c>) names it outright.
/// </summary>
public sealed class AppPaths
{
    public AppPaths(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }
    public string Workflows => Path.Combine(Root, "workflows");
    public string Calendar => Path.Combine(Workflows, "calendar");
    public string Templates => Path.Combine(Root, "templates");

    public static AppPaths Discover(string? configuredRoot = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredRoot))
            return new AppPaths(configuredRoot);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "workflows", "calendar")))
                    return new AppPaths(dir.FullName);
        throw new DirectoryNotFoundException(
            "workflows/calendar not found above the working directory or the executable; set Paths:Root to the folder holding workflows/ and templates/.");
    }
}
