using System.Text;

namespace DisclosureCases.Letters;

/// <summary>
/// What is stored for a letter: the template it was merged from (id, version and the SHA-256 of that version's text)
/// and the merged data as canonical JSON. Rendering it again with the same template version gives byte-identical HTML
/// and DOCX (<see cref="RenderedLetter"/>), so the archive can keep the data and reproduce the letter at any time.
/// </summary>
public sealed record MergedLetter(string TemplateId, int TemplateVersion, string TemplateHash, string DataJson)
{
    public static MergedLetter Create(LetterTemplate template, LetterData data) =>
        new(template.Id, template.Version, template.Hash, data.ToJson());

    public LetterData Data() => LetterData.FromJson(DataJson);
}

/// <summary>A letter merged and laid out, with what it still lacks.</summary>
public sealed class RenderedLetter
{
    readonly Lazy<string> html;

    internal RenderedLetter(LetterTemplate template, MergedLetter merged, LetterDocument document, IReadOnlyList<SlotState> slots, IReadOnlyList<LetterField> missingFields)
    {
        Template = template;
        Merged = merged;
        Document = document;
        Slots = slots;
        MissingFields = missingFields;
        html = new Lazy<string>(() => HtmlLetterWriter.Write(document, template));
    }

    public LetterTemplate Template { get; }
    public MergedLetter Merged { get; }
    public LetterDocument Document { get; }
    /// <summary>The slots this letter shows, in order of appearance, with the clerk's values.</summary>
    public IReadOnlyList<SlotState> Slots { get; }
    /// <summary>Merged fields the letter prints but the data lacks (shown as 【label】).</summary>
    public IReadOnlyList<LetterField> MissingFields { get; }

    /// <summary>A self-contained A4 HTML page (inline stylesheet, no external resources).</summary>
    public string Html => html.Value;

    public byte[] HtmlBytes() => Encoding.UTF8.GetBytes(Html);

    /// <summary>The same paragraphs as a Word document; identical bytes for identical input.</summary>
    public byte[] Docx() => DocxLetterWriter.Write(Document);
}
