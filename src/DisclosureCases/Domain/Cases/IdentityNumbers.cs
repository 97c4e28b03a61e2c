namespace DisclosureCases.Domain.Cases;

/// <summary>Check-digit rules for the identity numbers an applicant gives (条例第29条).</summary>
public static class IdentityNumbers
{
    static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string IdCheckChars = "10X98765432";

    /// <summary>
    /// 18-digit 居民身份证号码 (GB 11643-1999): 17 digits, a valid birth date at positions 7–14, and the ISO 7064 MOD 11-2
    /// check character (0–9 or X; a lower-case x is accepted).
    /// </summary>
    public static bool IsValidResidentId(string? value)
    {
        if (value is null || value.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
            sum += (value[i] - '0') * IdWeights[i];
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", out _)) return false;
        return char.ToUpperInvariant(value[17]) == IdCheckChars[sum % 11];
    }

    const string CreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// 18-character 统一社会信用代码 (GB 32100-2015): characters from the 31-symbol set (no I, O, Z, S, V) and the
    /// MOD 31 check character at the end.
    /// </summary>
    public static bool IsValidUnifiedSocialCreditCode(string? value)
    {
        if (value is null || value.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = CreditCodeChars.IndexOf(char.ToUpperInvariant(value[i]));
            if (v < 0) return false;
            sum += v * CreditWeights[i];
        }
        var check = (31 - sum % 31) % 31;
        return char.ToUpperInvariant(value[17]) == CreditCodeChars[check];
    }

    /// <summary>Computes the check character for 17 leading digits of a 居民身份证号码 (used by the demo data).</summary>
    public static char ResidentIdCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * IdWeights[i];
        return IdCheckChars[sum % 11];
    }

    /// <summary>Computes the check character for 17 leading characters of a 统一社会信用代码 (used by the demo data).</summary>
    public static char CreditCodeCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += CreditCodeChars.IndexOf(first17[i]) * CreditWeights[i];
        return CreditCodeChars[(31 - sum % 31) % 31];
    }

    /// <summary>Mainland mobile (1[3-9]x, 11 digits) or a fixed line with optional area code and extension.</summary>
    public static bool IsValidPhone(string? value) =>
        value is not null && System.Text.RegularExpressions.Regex.IsMatch(value,
            @"^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?)$");
}
