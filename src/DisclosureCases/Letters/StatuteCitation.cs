using System.Text.RegularExpressions;

namespace DisclosureCases.Letters;

/// <summary>
/// Article references as the data files write them (<c>第36条（二）</c>, <c>第16条第2款</c>) and as a letter prints them
/// (第三十六条第（二）项, 第十六条第二款): the linter checks that a template's legal basis cites the article of
/// workflows/outcomes.yaml in the letter's own words.
/// </summary>
public static partial class StatuteCitation
{
    /// <summary>
    /// The Chinese form of one reference: <c>第36条（二）</c> → <c>第三十六条第（二）项</c>, <c>第16条第2款</c> →
    /// <c>第十六条第二款</c>, <c>第14条</c> → <c>第十四条</c>. Null when the text is not a single reference of that shape.
    /// </summary>
    public static string? ToChinese(string reference)
    {
        var match = ReferencePattern().Match(reference.Trim());
        if (!match.Success) return null;
        var text = $"第{Numeral(int.Parse(match.Groups["article"].Value))}条";
        if (match.Groups["paragraph"].Success)
            text += $"第{Numeral(int.Parse(match.Groups["paragraph"].Value))}款";
        if (match.Groups["item"].Success)
            text += $"第（{match.Groups["item"].Value}）项";
        return text;
    }

    /// <summary>The references in a list such as <c>第30条、第42条</c> (separated by 、 , ， or ;).</summary>
    public static IReadOnlyList<string> Split(string references) =>
        references.Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>1–99 as written in statute citations: 十, 十四, 二十, 三十六.</summary>
    public static string Numeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n is < 1 or > 99) throw new ArgumentOutOfRangeException(nameof(n), n, "articles 1 to 99");
        if (n < 10) return digits[n].ToString();
        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
    }

    [GeneratedRegex(@"^第(?<article>[1-9][0-9]?)条(第(?<paragraph>[1-9])款)?(（(?<item>[一二三四五六七八九十]+)）)?$")]
    private static partial Regex ReferencePattern();
}
