using System.Globalization;
using System.Text;

namespace DisclosureCases.Proactive;

/// <summary>
/// Near-identical request texts, grouped in a way a reviewer can follow:
/// <list type="number">
/// <item><b>Normalise</b> (<see cref="Normalize"/>): full-width to half-width (NFKC), lower case, every character that is
/// not a letter or a digit dropped (punctuation, spaces, 《》、“” …), the words every request uses dropped (申请公开,
/// 请提供 … — a setting); with <c>ignoreNumbers</c> every run of digits becomes
/// <c>#</c> (so "2024年" and "2025年" match — off by default, because a different year is usually different information).</item>
/// <item><b>Shingle</b>: the set of character trigrams of the normalised text (a text of one or two characters is one shingle).</item>
/// <item><b>Compare</b>: two texts are near-identical when the Jaccard similarity of their shingle sets
/// (|A∩B| / |A∪B|) is at least the threshold.</item>
/// <item><b>Group</b>: near-identical pairs are joined transitively (union-find): A~B and B~C put A, B, C in one group.</item>
/// </list>
/// Identical normalised texts are grouped first and compared once. Pairs are not all compared: with the shingles of each
/// text ordered rarest first (document frequency), two texts with Jaccard ≥ t must share one of the first
/// |A| − ⌈t·|A|⌉ + 1 shingles of each (the prefix filter of the "All-Pairs" similarity join), and a text of n shingles can
/// only match one of t·n to n/t shingles. Only texts sharing a prefix shingle are compared, so the work grows with the
/// number of real candidates, not with the square of the number of texts. The result is exact: the same groups as
/// comparing every pair.
/// </summary>
public sealed class ShingleGrouping : IRequestGrouping
{
    const int ShingleLength = 3;

    readonly string[] ignoredWords;

    /// <param name="threshold">Jaccard similarity at or above which two texts are near-identical.</param>
    /// <param name="ignoreNumbers">Every run of digits compares equal.</param>
    /// <param name="ignoredWords">Words every request uses (申请公开, 请提供 …), dropped before comparing, so that the words
    /// that name the information carry the comparison.</param>
    public ShingleGrouping(double threshold, bool ignoreNumbers = false, IEnumerable<string>? ignoredWords = null)
    {
        if (threshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in (0, 1]");
        Threshold = threshold;
        IgnoreNumbers = ignoreNumbers;
        this.ignoredWords = [];
        this.ignoredWords = (ignoredWords ?? []).Select(Normalize).Where(w => w.Length > 0).Distinct()
            .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToArray();
    }

    public double Threshold { get; }
    public bool IgnoreNumbers { get; }

    /// <summary>The text as it is compared: NFKC, lower case, letters and digits only (digit runs as <c>#</c> when numbers are ignored).</summary>
    public string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var b = new StringBuilder(s.Length);
        var inDigits = false;
        foreach (var rune in s.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var digit = category == UnicodeCategory.DecimalDigitNumber;
            if (digit && IgnoreNumbers)
            {
                if (!inDigits) b.Append('#');
                inDigits = true;
                continue;
            }
            inDigits = false;
            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber) b.Append(rune.ToString());
        }
        var normalized = b.ToString();
        foreach (var word in ignoredWords)
            normalized = normalized.Replace(word, "", StringComparison.Ordinal);
        return normalized;
    }

    /// <summary>The distinct character trigrams of a normalised text (the whole text when shorter than three).</summary>
    public static IReadOnlySet<string> Shingles(string normalized)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (normalized.Length == 0) return set;
        if (normalized.Length < ShingleLength) { set.Add(normalized); return set; }
        for (var i = 0; i + ShingleLength <= normalized.Length; i++) set.Add(normalized.Substring(i, ShingleLength));
        return set;
    }

    /// <summary>Jaccard similarity of two texts after normalising and shingling, for explanations and tests.</summary>
    public double Similarity(string a, string b)
    {
        var x = Shingles(Normalize(a));
        var y = Shingles(Normalize(b));
        if (x.Count == 0 || y.Count == 0) return 0;
        var common = x.Count(y.Contains);
        return (double)common / (x.Count + y.Count - common);
    }

    public IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<GroupableText> texts)
    {
        // 1. Identical normalised texts collapse into one entry.
        var byText = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var t in texts)
        {
            var n = Normalize(t.Text);
            if (n.Length == 0) continue;
            if (!byText.TryGetValue(n, out var ids)) byText[n] = ids = [];
            ids.Add(t.Id);
        }
        var unique = byText.Keys.ToList();

        // 2. Shingles as integers, ranked rarest first over the unique texts.
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var docs = new int[unique.Count][];
        var frequency = new List<int>();
        for (var d = 0; d < unique.Count; d++)
        {
            var set = Shingles(unique[d]);
            var doc = new int[set.Count];
            var k = 0;
            foreach (var s in set)
            {
                if (!tokenIds.TryGetValue(s, out var id)) { tokenIds[s] = id = frequency.Count; frequency.Add(0); }
                frequency[id]++;
                doc[k++] = id;
            }
            docs[d] = doc;
        }
        var rank = Enumerable.Range(0, frequency.Count).OrderBy(i => frequency[i]).ThenBy(i => i).ToArray();
        var rankOf = new int[rank.Length];
        for (var r = 0; r < rank.Length; r++) rankOf[rank[r]] = r;
        for (var d = 0; d < docs.Length; d++)
        {
            for (var i = 0; i < docs[d].Length; i++) docs[d][i] = rankOf[docs[d][i]];
            Array.Sort(docs[d]);
        }

        // 3. All-Pairs: texts in order of size; each is compared with the earlier texts sharing one of its prefix shingles.
        var parent = Enumerable.Range(0, docs.Length).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        var order = Enumerable.Range(0, docs.Length).OrderBy(d => docs[d].Length).ThenBy(d => d).ToArray();
        var index = new Dictionary<int, List<int>>();
        var seen = new int[docs.Length];
        Array.Fill(seen, -1);
        foreach (var x in order)
        {
            var doc = docs[x];
            var prefix = PrefixLength(doc.Length);
            var minSize = Threshold * doc.Length - 1e-9;
            for (var p = 0; p < prefix; p++)
            {
                if (!index.TryGetValue(doc[p], out var posting)) continue;
                foreach (var y in posting)
                {
                    if (seen[y] == x || docs[y].Length < minSize) continue;
                    seen[y] = x;
                    if (Find(x) != Find(y) && Jaccard(doc, docs[y]) >= Threshold - 1e-9) parent[Find(x)] = Find(y);
                }
            }
            for (var p = 0; p < prefix; p++)
            {
                if (!index.TryGetValue(doc[p], out var posting)) index[doc[p]] = posting = [];
                posting.Add(x);
            }
        }

        // 4. Groups of two or more cases, each listed by case id.
        return Enumerable.Range(0, docs.Length).GroupBy(Find)
            .Select(g => (IReadOnlyList<int>)g.SelectMany(d => byText[unique[d]]).Order().ToList())
            .Where(g => g.Count >= 2)
            .OrderBy(g => g[0])
            .ToList();
    }

    int PrefixLength(int size) => size - (int)Math.Ceiling(Threshold * size - 1e-9) + 1;

    static double Jaccard(int[] a, int[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }
}
