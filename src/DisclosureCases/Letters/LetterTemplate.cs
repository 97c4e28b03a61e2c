using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Workflow;

namespace DisclosureCases.Letters;

/// <summary>
/// One letter template: <c>templates/ID.hbs</c>, a YAML header between <c>---</c> lines and a Handlebars body
/// (format: templates/README.md). Its id is its file name; (id, version, content hash) identify the exact text a
/// letter was merged from.
/// </summary>
public sealed class LetterTemplate
{
    public const string Extension = ".hbs";

    LetterTemplate(string id, string sourceName, string content, TemplateHeader header, string body, int bodyLine, IReadOnlyList<SyntaxNode> syntax)
    {
        Id = id;
        SourceName = sourceName;
        Content = content;
        Hash = ContentHash(content);
        Header = header;
        Body = body;
        BodyLine = bodyLine;
        Syntax = syntax;
    }

    /// <summary>The file name without <c>.hbs</c>, e.g. <c>reply-withhold-third-party</c>.</summary>
    public string Id { get; }
    /// <summary>How errors name the file, e.g. <c>templates/reply-withhold-third-party.hbs</c>.</summary>
    public string SourceName { get; }
    public string Content { get; }
    /// <summary>SHA-256 of the content (line endings normalised), lower-case hex.</summary>
    public string Hash { get; }
    public TemplateHeader Header { get; }
    public string Document => Header.Document;
    public int Version => Header.Version;
    public IReadOnlyList<string> Outcomes => Header.Outcomes;
    /// <summary>The Handlebars body, after the header.</summary>
    public string Body { get; }
    /// <summary>The file line the body starts on.</summary>
    public int BodyLine { get; }
    public IReadOnlyList<SyntaxNode> Syntax { get; }

    /// <summary>Same as the workflow definitions (WorkflowLoader.ContentHashOf): a checkout with CRLF line endings hashes the same.</summary>
    public static string ContentHash(string content) => WorkflowLoader.ContentHashOf(content);

    /// <summary>Loads <paramref name="path"/>; the id is the file name.</summary>
    /// <exception cref="DataFileException">The header or the body's block structure is wrong (file:line for each problem).</exception>
    public static LetterTemplate Load(string path) =>
        Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), DataFileNames.SourceName(path));

    /// <exception cref="DataFileException">The header or the body's block structure is wrong (file:line for each problem).</exception>
    public static LetterTemplate Parse(string content, string id, string sourceName)
    {
        var (template, errors) = Read(content, id, sourceName);
        if (errors.Count > 0) throw new DataFileException(errors);
        return template!;
    }

    /// <summary>
    /// Reads a template and reports every problem of its header and block structure instead of throwing. The template is
    /// null only when the header cannot be read at all.
    /// </summary>
    public static (LetterTemplate? Template, IReadOnlyList<DataFileError> Errors) Read(string content, string id, string sourceName)
    {
        var reader = new YamlDataReader(sourceName);
        var text = content.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (lines[0].TrimEnd() != "---" || close < 0)
        {
            reader.Error(1, "a template starts with a header between two '---' lines (document, outcomes, basis, version)");
            return (null, reader.Errors);
        }

        // Line 1 ('---') is kept as an empty line so that YAML line numbers are the file's line numbers.
        var yaml = "\n" + string.Join("\n", lines[1..close]);
        var header = TemplateHeader.Read(reader, yaml);
        var bodyLine = close + 2;
        var body = string.Join("\n", lines[(close + 1)..]);
        var (syntax, problems) = TemplateSyntax.Parse(body, bodyLine);
        foreach (var p in problems)
            reader.Error(p.Line, p.Message);
        if (header is null) return (null, reader.Errors);
        return (new LetterTemplate(id, sourceName, content, header, body, bodyLine, syntax), reader.Errors);
    }

    public override string ToString() => $"{Id} v{Version}";
}

/// <summary>
/// The metadata of a template. <see cref="Basis"/> lists article references in the data files' spelling
/// (<c>第36条（二）</c>); <c>basis: none</c> (an empty list) is allowed only where the linter says so.
/// </summary>
public sealed record TemplateHeader(
    string Document,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> Basis,
    bool BasisDeclared,
    int Version,
    int DocumentLine,
    int OutcomesLine,
    int BasisLine,
    int VersionLine)
{
    internal static TemplateHeader? Read(YamlDataReader reader, string yaml)
    {
        if (reader.LoadRoot(yaml, "document", "outcomes", "basis", "version") is not { } root) return null;
        var document = root.RequiredString("document");
        var outcomes = root.OneOrMany("outcomes").Select(o => o.Value).ToList();
        var basisValues = root.OneOrMany("basis").Select(b => b.Value).ToList();
        var basis = basisValues is ["none"] ? [] : basisValues.SelectMany(StatuteCitation.Split).ToList();
        foreach (var reference in basis.Where(b => StatuteCitation.ToChinese(b) is null))
            reader.Error(root.Blame("basis"), $"'{reference}' is not an article reference like 第15条, 第16条第2款 or 第36条（二）");
        var version = root.Int("version");
        if (version is null && !root.Has("version"))
            reader.Error(root.Node, "the header is missing 'version' (1 for a new template; raise it for every change)");
        else if (version is < 1)
            reader.Error(root.Blame("version"), "'version' should be 1 or more");
        if (document is null || version is null or < 1) return null;
        return new TemplateHeader(document, outcomes, basis, root.Has("basis"), version.Value,
            LineOf(root, "document"), LineOf(root, "outcomes"), LineOf(root, "basis"), LineOf(root, "version"));
    }

    static int LineOf(YamlDataReader.Mapping map, string key) => YamlDataReader.LineOf(map.BlameKey(key));
}
