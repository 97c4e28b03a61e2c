namespace DisclosureCases.Tests.Support;

/// <summary>Finds the checkout's folders from wherever the test runner put the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");
    public static string Templates => Path.Combine(Root, "templates");
    public static string Source => Path.Combine(Root, "src", "DisclosureCases");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DisclosureCases.sln")))
                return dir.FullName;
        throw new InvalidOperationException("DisclosureCases.sln not found above " + AppContext.BaseDirectory);
    }
}
