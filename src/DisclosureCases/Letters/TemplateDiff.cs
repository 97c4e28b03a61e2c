namespace DisclosureCases.Letters;

public enum DiffKind
{
    Unchanged,
    Removed,
    Added,
}

/// <summary>One line of a diff, with its number in the old and/or the new text (1-based).</summary>
public sealed record DiffLine(DiffKind Kind, string Text, int? OldLine, int? NewLine)
{
    public override string ToString() => (Kind switch { DiffKind.Added => "+ ", DiffKind.Removed => "- ", _ => "  " }) + Text;
}

/// <summary>
/// A line-based diff of two template versions for the history screen: a longest common subsequence of lines, so that
/// what the reviewer sees as changed is as little as possible. Within a changed stretch, removed lines come before the
/// added lines that replace them.
/// </summary>
public static class TemplateDiff
{
    /// <summary>
    /// The lines of <paramref name="before"/> and <paramref name="after"/> (line endings normalised), each marked
    /// unchanged, removed or added. Quadratic in the lines that differ after the common start and end are set aside:
    /// meant for templates, which run to tens of lines.
    /// </summary>
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var result = new List<DiffLine>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
            result.Add(new DiffLine(DiffKind.Unchanged, a[i], i + 1, i + 1));

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        // lcs[i, j]: length of the longest common subsequence of a[prefix+i..] and b[prefix+j..] within the middle part.
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                result.Add(new DiffLine(DiffKind.Unchanged, a[prefix + x], prefix + x + 1, prefix + y + 1));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new DiffLine(DiffKind.Removed, a[prefix + x], prefix + x + 1, null));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, b[prefix + y], null, prefix + y + 1));
                y++;
            }
        }

        for (var i = 0; i < suffix; i++)
            result.Add(new DiffLine(DiffKind.Unchanged, a[a.Length - suffix + i], a.Length - suffix + i + 1, b.Length - suffix + i + 1));
        return result;
    }

    static string[] SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var normalized = text.ReplaceLineEndings("\n");
        if (normalized.EndsWith('\n')) normalized = normalized[..^1];
        return normalized.Split('\n');
    }
}
