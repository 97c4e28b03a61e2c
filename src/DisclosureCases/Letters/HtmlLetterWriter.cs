using System.Globalization;
using System.Text;

namespace DisclosureCases.Letters;

/// <summary>
/// Prints a <see cref="LetterDocument"/> as one self-contained HTML page for the browser's print dialog: A4, the margins
/// of GB/T 9704-2012 (天头37mm, 订口28mm; 版心156×225mm), 三号仿宋 body text, title centred, seal and date on the right.
/// No external stylesheet, font or script; the only inputs are the paragraphs and the template id, so the same letter
/// always gives the same bytes.
/// </summary>
public static class HtmlLetterWriter
{
    const string Stylesheet = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        html { background: #e9e9e9; }
        body { margin: 0; color: #000; font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; }
        .letter { box-sizing: content-box; width: 156mm; min-height: 225mm; margin: 8mm auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 0 4px rgba(0,0,0,.3); }
        p { margin: 0; text-align: justify; overflow-wrap: anywhere; }
        .indented { text-indent: 2em; }
        .flush { text-indent: 0; }
        .centered { text-align: center; }
        .right { text-align: right; }
        .title { text-align: center; font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "STSong", "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt; line-height: 33pt; font-weight: bold; margin: 0 0 14pt; }
        .el-heading { font-size: 18pt; line-height: 33pt; }
        .el-number { margin-bottom: 14pt; }
        .el-addressee { margin-top: 14pt; }
        .el-seal { margin-top: 42pt; padding-right: 4em; }
        .el-dateline { padding-right: 4em; }
        .placeholder { background: #fff3b0; outline: 1px dashed #b00; }
        @media print {
          html { background: none; }
          .letter { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
        }
        """;

    public static string Write(LetterDocument document, LetterTemplate template)
    {
        var html = new StringBuilder();
        Head(html, document.Title, "");
        Article(html, document, template);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Several letters in one page for one print job (the envelopes or 邮寄清单 of a mailing batch), each starting on a
    /// new sheet.
    /// </summary>
    public static string WriteBatch(string title, IEnumerable<(LetterDocument Document, LetterTemplate Template)> letters)
    {
        var html = new StringBuilder();
        Head(html, title, ".letter + .letter { break-before: page; }\n");
        foreach (var (document, template) in letters)
            Article(html, document, template);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    static void Head(StringBuilder html, string title, string extraStyle)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Encode(title)).Append("</title>\n");
        html.Append("<style>\n").Append(Stylesheet.ReplaceLineEndings("\n")).Append("\n").Append(extraStyle).Append("</style>\n</head>\n<body>\n");
    }

    static void Article(StringBuilder html, LetterDocument document, LetterTemplate template)
    {
        html.Append("<article class=\"letter\" data-template=\"").Append(Encode(template.Id))
            .Append("\" data-version=\"").Append(template.Version.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
        foreach (var paragraph in document.Paragraphs)
        {
            html.Append("<p class=\"el-").Append(paragraph.Element.Name).Append(' ').Append(StyleClass(paragraph.Element.Style)).Append("\">");
            foreach (var run in paragraph.Runs)
            {
                if (run.IsPlaceholder)
                    html.Append("<span class=\"placeholder\">【").Append(Encode(run.Text)).Append("】</span>");
                else
                    html.Append(Encode(run.Text));
            }
            html.Append("</p>\n");
        }
        html.Append("</article>\n");
    }

    static string StyleClass(ParagraphStyle style) => style switch
    {
        ParagraphStyle.Centered => "centered",
        ParagraphStyle.Title => "title",
        ParagraphStyle.Flush => "flush",
        ParagraphStyle.Indented => "indented",
        ParagraphStyle.Right => "right",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    /// <summary>Escapes the five characters that matter in HTML text and attribute values; everything else, Chinese included, stays as it is.</summary>
    static string Encode(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return result.ToString();
    }
}
