using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Documents;

namespace DisclosureCases.Letters;

/// <summary>
/// The templates in a folder (templates/*.hbs), one version each: the version in the file. Which template a letter
/// uses: for a document type with one template per outcome (the reply) <c>reply-{outcome code}</c>; otherwise the
/// template named after the document type. Every outcome is answered by exactly one template: its
/// <c>reply-{code}</c>, or, for the two closures the workflow answers with the 不再处理告知书, that template (its header
/// lists the outcomes it serves).
/// </summary>
public sealed class TemplateLibrary : ITemplateSource
{
    readonly Dictionary<string, LetterTemplate> byId;

    public TemplateLibrary(IEnumerable<LetterTemplate> templates)
    {
        Templates = templates.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        byId = Templates.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<LetterTemplate> Templates { get; }

    /// <summary>Loads every <c>*.hbs</c> of <paramref name="directory"/>.</summary>
    /// <exception cref="DataFileException">A template's header or block structure is wrong.</exception>
    public static TemplateLibrary Load(string directory)
    {
        var templates = new List<LetterTemplate>();
        var errors = new List<DataFileError>();
        foreach (var path in Files(directory))
        {
            var (template, problems) = LetterTemplate.Read(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), DataFileNames.SourceName(path));
            errors.AddRange(problems);
            if (template is not null) templates.Add(template);
        }
        if (errors.Count > 0) throw new DataFileException(errors);
        return new TemplateLibrary(templates);
    }

    /// <summary>The template files of a folder, in name order.</summary>
    public static IReadOnlyList<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*" + LetterTemplate.Extension).Order(StringComparer.Ordinal).ToList();

    public LetterTemplate? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Only the version on disk is known here; older versions come from the store of template versions.</summary>
    public LetterTemplate? Find(string id, int version) => Find(id) is { } t && t.Version == version ? t : null;

    /// <summary>The template that answers a case closed with <paramref name="outcome"/>.</summary>
    public LetterTemplate? ForOutcome(string outcome) =>
        Templates.SingleOrDefault(t => t.Outcomes.Contains(outcome, StringComparer.Ordinal));

    /// <summary>
    /// The template for a <c>letter:</c> effect of the workflow: <paramref name="document"/> is its document type,
    /// <paramref name="outcome"/> the case's outcome (needed for the reply).
    /// </summary>
    public LetterTemplate? ForLetter(DocumentType document, string? outcome) =>
        document.PerOutcome
            ? outcome is null ? null : Find(ReplyId(document.Id, outcome))
            : Find(document.Id);

    /// <summary>The id of the template of a per-outcome document type: <c>reply-withhold-third-party</c>.</summary>
    public static string ReplyId(string documentId, string outcome) => $"{documentId}-{outcome}";
}
