namespace DisclosureCases.Similarity;

/// <summary>A piece of a text, marked when it is shared with the query.</summary>
public sealed record TextPiece(string Text, bool Shared);

/// <summary>
/// The stretches of a past application's text that also occur in the query: every position covered by a bigram the
/// query contains is marked, neighbouring marks merge, and a stretch made only of boilerplate (申请公开, 政府信息) is not
/// marked. Two characters is the shortest Chinese word, so a shared bigram is the smallest thing worth showing.
/// Pure; the page HTML-escapes each piece when it renders it.
/// </summary>
public static class MatchedText
{
    /// <summary><paramref name="text"/> cut into pieces shared with <paramref name="query"/> and pieces not.</summary>
    public static IReadOnlyList<TextPiece> Pieces(string query, string text)
    {
        var marks = Marks(query, text);
        var pieces = new List<TextPiece>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && marks[i] == marks[start]) continue;
            pieces.Add(new TextPiece(text[start..i], marks[start]));
            start = i;
        }
        return pieces;
    }

    /// <summary>The distinct shared stretches among <paramref name="pieces"/> (<see cref="Pieces"/>), longest first (at
    /// most <paramref name="max"/>).</summary>
    public static IReadOnlyList<string> Terms(IReadOnlyList<TextPiece> pieces, int max = 8) =>
        pieces.Where(p => p.Shared).Select(p => p.Text).Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length).Take(max).ToList();

    static bool[] Marks(string query, string text)
    {
        var marks = new bool[text.Length];
        if (text.Length < 2) return marks;
        // Bigrams as numbers (TextGrams.BigramKey), not strings: a case page marks the text of each candidate it lists.
        var bigrams = new HashSet<uint>();
        for (var i = 0; i + 1 < query.Length; i++)
        {
            char first = TextGrams.Fold(query[i]), second = TextGrams.Fold(query[i + 1]);
            if (TextGrams.IsWordChar(first) && TextGrams.IsWordChar(second)) bigrams.Add(TextGrams.BigramKey(first, second));
        }
        var own = new char[text.Length];
        for (var i = 0; i < text.Length; i++) own[i] = TextGrams.Fold(text[i]);
        for (var i = 0; i + 1 < own.Length; i++)
        {
            if (!bigrams.Contains(TextGrams.BigramKey(own[i], own[i + 1]))) continue;
            marks[i] = marks[i + 1] = true;
        }
        // Unmark stretches that are nothing but boilerplate or a lone digit pair (年份 fragments like "20").
        var s = 0;
        while (s < marks.Length)
        {
            if (!marks[s]) { s++; continue; }
            var e = s;
            while (e < marks.Length && marks[e]) e++;
            var stretch = new string(own, s, e - s);
            if (Trivial(stretch))
                for (var k = s; k < e; k++) marks[k] = false;
            s = e;
        }
        return marks;
    }

    static bool Trivial(string stretch)
    {
        if (stretch.Length < 2) return true;
        if (stretch.All(char.IsAsciiDigit) && stretch.Length < 4) return true;
        for (var i = 0; i + 1 < stretch.Length; i++)
            if (!TextGrams.IsBoilerplate(stretch.Substring(i, 2))) return false;
        return true;
    }
}
