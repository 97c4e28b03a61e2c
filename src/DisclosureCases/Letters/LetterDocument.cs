using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DisclosureCases.Letters;

/// <summary>A stretch of text in a paragraph; a placeholder stands for a slot or field that is still empty (【不予公开的理由】).</summary>
public sealed record LetterRun(string Text, bool IsPlaceholder);

/// <summary>One paragraph of a letter and the element it came from.</summary>
public sealed record LetterParagraph(LetterElement Element, IReadOnlyList<LetterRun> Runs)
{
    /// <summary>The paragraph as plain text, placeholders in 【】.</summary>
    public string Text => string.Concat(Runs.Select(r => r.IsPlaceholder ? $"【{r.Text}】" : r.Text));
}

/// <summary>
/// A merged letter as a list of paragraphs: what both the HTML and the DOCX writers print, so the two always carry the
/// same words.
/// </summary>
public sealed record LetterDocument(IReadOnlyList<LetterParagraph> Paragraphs)
{
    /// <summary>The text of the first title element, or empty.</summary>
    public string Title => Paragraphs.FirstOrDefault(p => p.Element == LetterElements.Title)?.Text ?? "";

    /// <summary>One line per paragraph.</summary>
    public string PlainText => string.Join("\n", Paragraphs.Select(p => p.Text));

    public IEnumerable<LetterParagraph> Of(LetterElement element) => Paragraphs.Where(p => p.Element == element);

    public bool HasPlaceholders => Paragraphs.Any(p => p.Runs.Any(r => r.IsPlaceholder));
}

/// <summary>
/// The marks the Handlebars helpers write and <see cref="LetterMarkup"/> reads back. Values are HTML-escaped by
/// Handlebars, so a '&lt;' in the output can only come from a helper: the paragraph tags cannot be forged by a slot
/// value or an applicant's name. The two private-use characters around a placeholder label are removed from all letter
/// data beforehand (<see cref="LetterData.Clean"/>).
/// </summary>
internal static class LetterMarks
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';
    public const string Break = "<br/>";
    public const string End = "</p>";
    public static string Start(LetterElement element) => $"<p k=\"{element.Name}\">";
    public static string Placeholder(string label) => $"{Open}{label}{Close}";
}

/// <summary>The renderer's output does not have the shape of a letter (a template error the linter reports).</summary>
public sealed class LetterMarkupException(string message) : Exception(message);

/// <summary>Turns the output of a template into a <see cref="LetterDocument"/>.</summary>
internal static partial class LetterMarkup
{
    /// <exception cref="LetterMarkupException">Text outside an element, or an element inside another.</exception>
    public static LetterDocument Parse(string markup)
    {
        var paragraphs = new List<LetterParagraph>();
        var position = 0;
        foreach (Match match in ParagraphPattern().Matches(markup))
        {
            Outside(markup[position..match.Index]);
            position = match.Index + match.Length;
            var element = LetterElements.Find(match.Groups["kind"].Value)
                ?? throw new LetterMarkupException($"unknown element '{match.Groups["kind"].Value}'");
            var inner = match.Groups["inner"].Value;
            if (inner.Contains("<p ", StringComparison.Ordinal))
                throw new LetterMarkupException($"an element is nested inside '{{{{#{element.Name}}}}}'");
            foreach (var piece in inner.Split(LetterMarks.Break))
                if (Runs(piece) is { Count: > 0 } runs)
                    paragraphs.Add(new LetterParagraph(element, runs));
        }
        Outside(markup[position..]);
        return new LetterDocument(paragraphs);
    }

    static void Outside(string text)
    {
        var stray = text.Trim();
        if (stray.Length == 0) return;
        if (stray.Contains("<p ", StringComparison.Ordinal) || stray.Contains(LetterMarks.End, StringComparison.Ordinal))
            throw new LetterMarkupException("an element is nested inside another element");
        throw new LetterMarkupException($"text outside an element: “{Shorten(WebUtility.HtmlDecode(stray))}”; put it inside {{{{#para}}}}…{{{{/para}}}} or another element");
    }

    /// <summary>
    /// The runs of one paragraph. A line break in the template's own text is only layout, and Chinese has no spaces
    /// between words: whitespace that contains a line break is removed, other spaces are kept.
    /// </summary>
    static List<LetterRun> Runs(string html)
    {
        var text = WebUtility.HtmlDecode(TemplateLineBreak().Replace(html, "")).Trim();
        var runs = new List<LetterRun>();
        var current = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == LetterMarks.Open && text.IndexOf(LetterMarks.Close, i) is var close and > 0)
            {
                if (current.Length > 0) runs.Add(new LetterRun(current.ToString(), false));
                current.Clear();
                runs.Add(new LetterRun(text[(i + 1)..close], true));
                i = close + 1;
                continue;
            }
            current.Append(text[i]);
            i++;
        }
        if (current.Length > 0) runs.Add(new LetterRun(current.ToString(), false));
        return runs;
    }

    static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";

    [GeneratedRegex("<p k=\"(?<kind>[a-z]+)\">(?<inner>.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"[ \t]*\n\s*")]
    private static partial Regex TemplateLineBreak();
}
