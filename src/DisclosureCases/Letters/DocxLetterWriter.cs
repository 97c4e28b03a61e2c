using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DisclosureCases.Letters;

/// <summary>
/// Writes a <see cref="LetterDocument"/> as a Word document with the layout of the HTML: A4 with the GB/T 9704-2012
/// margins, 三号仿宋 (16pt) body on a 28pt line, 二号小标宋 (22pt) title, first-line indent of two characters, seal and date
/// right-aligned; placeholders highlighted.
/// </summary>
/// <remarks>
/// Deterministic: the same document gives the same bytes. System.IO.Packaging would name the package relationship with
/// a random id and stamp every zip entry with the current time, so every relationship gets a fixed id, no package
/// properties (creation time, author) are written, and the package is re-zipped with a fixed entry time and order.
/// </remarks>
public static class DocxLetterWriter
{
    const string BodyFont = "仿宋";
    const string TitleFont = "方正小标宋简体";
    const string LatinFont = "Times New Roman";
    const string BodySize = "32";   // half-points: 16pt, 三号
    const string TitleSize = "44";  // 22pt, 二号
    const string HeadingSize = "36";
    const string Line = "560";      // 28pt, exact
    static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(LetterDocument document)
    {
        using var package = new MemoryStream();
        using (var word = WordprocessingDocument.Create(package, WordprocessingDocumentType.Document))
        {
            var main = word.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            var styles = main.AddNewPart<StyleDefinitionsPart>("rId1");
            styles.Styles = Styles();
            var body = new Body();
            foreach (var paragraph in document.Paragraphs)
                body.Append(Paragraph(paragraph));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Right = 1474U, Bottom = 1984, Left = 1587U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
        }
        return Repack(package.ToArray());
    }

    static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyFont, ComplexScript = LatinFont },
                new FontSize { Val = BodySize },
                new FontSizeComplexScript { Val = BodySize },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = Line, LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Both }))));

    static Paragraph Paragraph(LetterParagraph paragraph)
    {
        var style = paragraph.Element.Style;
        var properties = new ParagraphProperties();
        var element = paragraph.Element;
        if (style == ParagraphStyle.Title)
            properties.Append(new SpacingBetweenLines { Before = "0", After = "280", Line = "660", LineRule = LineSpacingRuleValues.Exact });
        else if (element == LetterElements.Seal)
            properties.Append(new SpacingBetweenLines { Before = "840" });
        else if (element == LetterElements.Number)
            properties.Append(new SpacingBetweenLines { After = "280" });
        else if (element == LetterElements.Addressee)
            properties.Append(new SpacingBetweenLines { Before = "280" });
        if (style == ParagraphStyle.Indented)
            properties.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" });
        if (style == ParagraphStyle.Right && (element == LetterElements.Seal || element == LetterElements.Dateline))
            properties.Append(new Indentation { Right = "1280" });
        properties.Append(new Justification
        {
            Val = style switch
            {
                ParagraphStyle.Centered or ParagraphStyle.Title => JustificationValues.Center,
                ParagraphStyle.Right => JustificationValues.Right,
                _ => JustificationValues.Both,
            },
        });

        var result = new Paragraph(properties);
        foreach (var run in paragraph.Runs)
            result.Append(Run(run, paragraph.Element));
        return result;
    }

    static Run Run(LetterRun run, LetterElement element)
    {
        var properties = new RunProperties();
        if (element.Style == ParagraphStyle.Title)
        {
            properties.Append(new RunFonts { Ascii = TitleFont, HighAnsi = TitleFont, EastAsia = TitleFont });
            properties.Append(new FontSize { Val = TitleSize }, new FontSizeComplexScript { Val = TitleSize });
        }
        else if (element == LetterElements.Heading)
            properties.Append(new FontSize { Val = HeadingSize }, new FontSizeComplexScript { Val = HeadingSize });
        if (run.IsPlaceholder)
            properties.Append(new Highlight { Val = HighlightColorValues.Yellow });
        var text = run.IsPlaceholder ? $"【{run.Text}】" : run.Text;
        var result = new Run();
        if (properties.HasChildren) result.Append(properties);
        result.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return result;
    }

    /// <summary>Copies the package into a new zip: [Content_Types].xml first, then the parts in name order, all with one fixed time.</summary>
    static byte[] Repack(byte[] package)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entries = source.Entries
                .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1)
                .ThenBy(e => e.FullName, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
