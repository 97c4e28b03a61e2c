using System.Text;

namespace DisclosureCases.Similarity;

/// <summary>
/// Character n-grams of request texts. Chinese is written without spaces, so words cannot be split reliably; a text is
/// instead cut into runs of letters, digits and CJK characters (punctuation and spaces end a run, since the index never
/// sees an n-gram across them as a word) and each run into overlapping trigrams — the unit SQLite's FTS5
/// <c>trigram</c> tokenizer indexes. A run of two characters (电梯, 预算) yields itself as a bigram, so short
/// queries still mean something. Boilerplate every application carries (申请公开, 政府信息 …) is no evidence that
/// two applications ask the same thing and is left out.
/// </summary>
public static class TextGrams
{
    /// <summary>Phrases nearly every application contains; an n-gram lying wholly inside one of them is skipped.</summary>
    static readonly string[] Boilerplate =
    [
        "申请公开", "要求公开", "请求公开", "依法公开", "予以公开", "申请获取", "要求提供", "请提供", "政府信息公开", "政府信息", "相关信息", "有关信息",
        "相关文件", "有关文件", "本人", "贵局", "贵单位", "你局", "贵机关", "本机关", "申请人", "以及", "及其", "相关的", "有关的", "的情况",
    ];

    static readonly HashSet<string> StopGrams = BuildStopGrams();

    static HashSet<string> BuildStopGrams()
    {
        var stop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in Boilerplate)
            for (var n = 2; n <= 3; n++)
                for (var i = 0; i + n <= phrase.Length; i++)
                    stop.Add(phrase.Substring(i, n));
        return stop;
    }

    /// <summary>Whether an n-gram of two or three characters lies wholly inside a boilerplate phrase.</summary>
    public static bool IsBoilerplate(string gram) => StopGrams.Contains(gram);

    /// <summary>Whether <paramref name="c"/> belongs to a run: a letter, a digit or a CJK ideograph.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>
    /// Latin letters lower-cased, as the FTS5 trigram tokenizer folds them. Full-width digits stay as written: the index
    /// keeps them so, and a query folded differently from the index would look for trigrams that are not there.
    /// </summary>
    public static char Fold(char c) =>
        // CJK ideographs have no case; asking the runtime anyway goes to ICU for every character of every candidate
        // text the ranking reads (about 5 % of a case page's CPU). Exactly char.ToLowerInvariant (a test checks all).
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' ? c : char.ToLowerInvariant(c);

    /// <summary>The runs of word characters in <paramref name="text"/>, folded.</summary>
    public static IReadOnlyList<string> Runs(string? text)
    {
        var runs = new List<string>();
        if (string.IsNullOrEmpty(text)) return runs;
        var current = new StringBuilder();
        foreach (var raw in text)
        {
            var c = Fold(raw);
            if (IsWordChar(c)) current.Append(c);
            else if (current.Length > 0) { runs.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) runs.Add(current.ToString());
        return runs;
    }

    /// <summary>
    /// The distinct trigrams of <paramref name="text"/> (bigrams for runs of two characters), boilerplate left out,
    /// in order of first appearance.
    /// </summary>
    public static IReadOnlyList<string> Grams(string? text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var grams = new List<string>();
        foreach (var run in Runs(text))
        {
            if (run.Length == 2)
            {
                if (!StopGrams.Contains(run) && seen.Add(run)) grams.Add(run);
                continue;
            }
            for (var i = 0; i + 3 <= run.Length; i++)
            {
                var gram = run.Substring(i, 3);
                if (StopGrams.Contains(gram) || IsFiller(gram)) continue;
                if (seen.Add(gram)) grams.Add(gram);
            }
        }
        return grams;
    }

    /// <summary>
    /// The distinct bigrams of <paramref name="text"/>, boilerplate left out: the features the ranking compares, since
    /// most Chinese words have two characters (预算 in 财政预算 and 部门预算 share no trigram).
    /// </summary>
    public static IReadOnlyList<string> Bigrams(string? text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var grams = new List<string>();
        foreach (var run in Runs(text))
            for (var i = 0; i + 2 <= run.Length; i++)
            {
                var gram = run.Substring(i, 2);
                if (gram[0] == gram[1] || StopGrams.Contains(gram)) continue;
                if (seen.Add(gram)) grams.Add(gram);
            }
        return grams;
    }

    /// <summary>
    /// The distinct bigrams of <paramref name="text"/> as <see cref="BigramKey"/>s, exactly those of <see cref="Bigrams"/>,
    /// into <paramref name="keys"/> (cleared first): the ranking compares a few hundred candidates per lookup, and
    /// building strings for each of their bigrams cost more than the comparison.
    /// </summary>
    public static void BigramKeys(string? text, HashSet<uint> keys)
    {
        keys.Clear();
        if (string.IsNullOrEmpty(text)) return;
        var previous = '\0';
        var inRun = false;
        foreach (var raw in text)
        {
            var c = Fold(raw);
            if (!IsWordChar(c)) { inRun = false; continue; }
            if (inRun && previous != c)
            {
                var key = BigramKey(previous, c);
                if (!StopKeys.Contains(key)) keys.Add(key);
            }
            previous = c;
            inRun = true;
        }
    }

    /// <summary>A bigram of two UTF-16 code units packed into one number.</summary>
    public static uint BigramKey(char first, char second) => ((uint)first << 16) | second;

    /// <summary>The key of a two-character gram (see <see cref="BigramKey(char, char)"/>).</summary>
    public static uint BigramKey(string bigram) => BigramKey(bigram[0], bigram[1]);

    static readonly HashSet<uint> StopKeys = StopGrams.Where(g => g.Length == 2).Select(BigramKey).ToHashSet();

    /// <summary>A trigram that is only digits or only one repeated character carries little meaning on its own.</summary>
    static bool IsFiller(string gram) => gram[0] == gram[1] && gram[1] == gram[2];

    /// <summary>The set of <see cref="Grams"/>, for overlap counting.</summary>
    public static HashSet<string> GramSet(string? text) => new(Grams(text), StringComparer.Ordinal);

    /// <summary>
    /// An FTS5 query matching any of <paramref name="grams"/>: every gram is a double-quoted string with inner quotes
    /// doubled, so no input (quotes, <c>OR</c>, <c>NEAR(</c>, <c>*</c>, column filters) can change the query's shape.
    /// </summary>
    public static string Fts5AnyOf(IEnumerable<string> grams) => string.Join(" OR ", grams.Select(Fts5String));

    /// <summary>An FTS5 query matching all of <paramref name="grams"/>, quoted as in <see cref="Fts5AnyOf"/>.</summary>
    public static string Fts5AllOf(IEnumerable<string> grams) => string.Join(" AND ", grams.Select(Fts5String));

    static string Fts5String(string gram) => "\"" + gram.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
