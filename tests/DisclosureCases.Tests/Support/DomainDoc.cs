namespace DisclosureCases.Tests.Support;

/// <summary>
/// The shared domain description, read from <c>../shared/DOMAIN.md</c> beside the checkout (so in CI too), so that
/// data copied from it can be compared with the source rather than with a second copy in a test.
/// </summary>
public static class DomainDoc
{
    public static string Path => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoPaths.Root, "..", "shared", "DOMAIN.md"));

    /// <summary>
    /// The annual-report rows of DOMAIN.md §3's table as (group, item) pairs: <c>（三）不予公开 1.… · 2.…</c> gives one
    /// pair per item; a row without items (<c>（一）予以公开</c>) gives (group, null).
    /// </summary>
    public static IReadOnlyList<(string Group, string? Item)> ReportRows()
    {
        var lines = File.ReadAllLines(Path);
        var start = Array.FindIndex(lines, l => l.StartsWith("## 3.", StringComparison.Ordinal));
        if (start < 0) throw new InvalidOperationException($"{Path} has no section '## 3.'");
        var rows = new List<(string, string?)>();
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (!line.StartsWith("| （", StringComparison.Ordinal)) continue;
            var cell = line.Split('|')[1].Trim();
            // The group label has no space; a space separates it from its items, which are separated by " · ".
            var space = cell.IndexOf(' ');
            if (space < 0)
            {
                rows.Add((cell, null));
                continue;
            }
            var group = cell[..space];
            foreach (var item in cell[(space + 1)..].Split(" · "))
                rows.Add((group, item.Trim()));
        }
        if (rows.Count == 0) throw new InvalidOperationException($"{Path} §3 has no report rows");
        return rows;
    }
}
