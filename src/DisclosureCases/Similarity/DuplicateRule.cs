namespace DisclosureCases.Similarity;

/// <summary>
/// 重复申请 (条例第36条（六）): the same applicant asks again for information the agency has already answered. Offered to
/// the clerk, never decided for them, and only when (1) the earlier application is the same applicant's — the same
/// identity document or unified social credit code, compared without case or spaces; never across applicants, since
/// two people asking the same thing is 同类, not 重复 — (2) it was answered, and (3) the two texts are near-identical:
/// the Dice overlap of their trigram sets is at least <see cref="Threshold"/>.
/// </summary>
public static class DuplicateRule
{
    /// <summary>
    /// Measured on the evaluation set (tests/DisclosureCases.Tests/Similarity/eval-applications.jsonl): re-worded repeats
    /// of one request score 0.5–0.9, different requests of the same topic by the same person 0.1–0.45; 0.5 separates
    /// them with room on both sides (see SimilarityEvaluationTests).
    /// </summary>
    public const double Threshold = 0.5;

    /// <summary>The symmetric overlap of two texts' trigram sets, 0 to 1.</summary>
    public static double Overlap(string a, string b)
    {
        var x = TextGrams.GramSet(a);
        var y = TextGrams.GramSet(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return 2.0 * shared / (x.Count + y.Count);
    }

    /// <summary>Two identity numbers name the same applicant.</summary>
    public static bool SameApplicant(string? a, string? b) =>
        Normalize(a) is { Length: > 0 } x && x == Normalize(b);

    public static string Normalize(string? idNumber) =>
        string.Concat((idNumber ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Whether the earlier application is a repeat the reply may cite.</summary>
    public static bool IsRepeat(string applicantId, string text, string earlierApplicantId, string earlierText, bool earlierAnswered) =>
        earlierAnswered && SameApplicant(applicantId, earlierApplicantId) && Overlap(text, earlierText) >= Threshold;
}
