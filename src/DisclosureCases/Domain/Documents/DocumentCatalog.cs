using DisclosureCases.Domain.DataFiles;

namespace DisclosureCases.Domain.Documents;

/// <summary>The document types read from <c>templates/catalog.yaml</c>, in file order.</summary>
public sealed class DocumentCatalog
{
    readonly Dictionary<string, DocumentType> byId;

    DocumentCatalog(string sourceName, IReadOnlyList<DocumentType> documents)
    {
        SourceName = sourceName;
        Documents = documents;
        byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public string SourceName { get; }
    public IReadOnlyList<DocumentType> Documents { get; }
    public IEnumerable<string> Ids => Documents.Select(d => d.Id);

    /// <summary>The document type with this id, or null (ids are case-sensitive, like the template file names).</summary>
    public DocumentType? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Loads the catalog from a file; errors name it as <c>templates/catalog.yaml</c>.</summary>
    /// <exception cref="DataFileException">Every problem found, each with its line.</exception>
    public static DocumentCatalog Load(string path) =>
        Parse(File.ReadAllText(path), DataFileNames.SourceName(path));

    /// <summary>
    /// Parses catalog text. Checks: a top-level <c>documents</c> list; each entry has a unique kebab-case <c>id</c> and a
    /// <c>title</c>; <c>basis</c> and <c>perOutcome</c> (default false) are optional; no unknown keys.
    /// </summary>
    /// <exception cref="DataFileException">Every problem found, each with its line.</exception>
    public static DocumentCatalog Parse(string text, string sourceName)
    {
        var reader = new YamlDataReader(sourceName);
        var documents = new List<DocumentType>();
        if (reader.LoadRoot(text, "documents") is { } root)
        {
            var items = root.List("documents");
            if (items.Count == 0)
                reader.Error(root.Blame("documents"), "the file lists no documents under 'documents:'");
            foreach (var item in items)
            {
                if (reader.Map(item, "a document", "id", "title", "basis", "perOutcome") is not { } map) continue;
                var id = map.RequiredString("id");
                var title = map.RequiredString("title");
                var basis = map.String("basis");
                var perOutcome = map.Bool("perOutcome", false);
                if (id is null || title is null) continue;
                if (!YamlDataReader.IsKebab(id))
                    reader.Error(map.Blame("id"), $"document id '{id}' should be kebab-case (it names a template file)");
                else if (documents.Any(d => d.Id == id))
                    reader.Error(map.Blame("id"), $"document '{id}' is listed twice");
                else
                    documents.Add(new DocumentType(id, title, basis, perOutcome, map.Line));
            }
        }
        reader.ThrowIfAny();
        return new DocumentCatalog(sourceName, documents);
    }
}
