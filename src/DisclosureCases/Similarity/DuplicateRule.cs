namespace DisclosureCases.Similarity;

/// <summary>
/// 重复申请 (条例第36条（六）): the same applicant asks again for information the agency has already answered. Offered to
/// the clerk, never decided for them, and only when (1) the earlier application is the same applicant's — the same
/// identity document or unified social credit code, compared without case or spaces; never across applicants, since
/// two people asking the same thing is 同类, not 重复 — (2) it was answered, and (3) the two texts are near-identical:
/// the Dice overlap of their trigram sets is at least <see cref="Threshold"/> and they name the same numbers (years,
/// 门牌号, 文号): the same request about another house or another year is another request.
/// </summary>
public static class DuplicateRule
{
    /// <summary>
    /// Measured on the evaluation set (tests/DisclosureCases.Tests/Similarity/eval-applications.jsonl, printed by
    /// SimilarityEvaluationTests): the 30 re-worded repeats overlap 0.75–1.0; an applicant's 20 other requests of the same
    /// topic overlap at most 0.91 — the same wording about another year or house — and 3 of them reach 0.6, none of which
    /// names the same numbers. 0.6 with equal numbers offers every repeat and none of the others.
    /// </summary>
    public const double Threshold = 0.6;

    /// <summary>The symmetric overlap of two texts' trigram sets, 0 to 1.</summary>
    public static double Overlap(string a, string b)
    {
        var x = TextGrams.GramSet(a);
        var y = TextGrams.GramSet(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return 2.0 * shared / (x.Count + y.Count);
    }

    /// <summary>Near-identical: overlap at or above the threshold and the same numbers.</summary>
    public static bool NearIdentical(string a, string b) => Overlap(a, b) >= Threshold && SameNumbers(a, b);

    /// <summary>Whether both texts name the same set of numbers (full-width digits read as digits).</summary>
    public static bool SameNumbers(string a, string b) => Numbers(a).SetEquals(Numbers(b));

    static HashSet<string> Numbers(string text)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var current = new System.Text.StringBuilder();
        foreach (var raw in text + " ")
        {
            var c = raw is >= '０' and <= '９' ? (char)(raw - '０' + '0') : raw;
            if (char.IsAsciiDigit(c)) current.Append(c);
            else if (current.Length > 0) { numbers.Add(current.ToString().TrimStart('0')); current.Clear(); }
        }
        return numbers;
    }

    /// <summary>Two identity numbers name the same applicant.</summary>
    public static bool SameApplicant(string? a, string? b) =>
        Normalize(a) is { Length: > 0 } x && x == Normalize(b);

    public static string Normalize(string? idNumber) =>
        string.Concat((idNumber ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Whether the earlier application is a repeat the reply may cite.</summary>
    public static bool IsRepeat(string applicantId, string text, string earlierApplicantId, string earlierText, bool earlierAnswered) =>
        earlierAnswered && SameApplicant(applicantId, earlierApplicantId) && NearIdentical(text, earlierText);
}
