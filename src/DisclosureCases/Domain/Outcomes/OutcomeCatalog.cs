using DisclosureCases.Domain.DataFiles;
using YamlDotNet.RepresentationModel;

namespace DisclosureCases.Domain.Outcomes;

/// <summary>
/// The reply outcomes read from <c>workflows/outcomes.yaml</c>, in file order (the order the reply form offers them).
/// </summary>
public sealed class OutcomeCatalog
{
    static readonly Dictionary<string, RefusalKind> RefusalNames = new(StringComparer.Ordinal)
    {
        ["none"] = RefusalKind.None,
        ["partial"] = RefusalKind.Partial,
        ["full"] = RefusalKind.Full,
    };

    readonly Dictionary<string, Outcome> byCode;

    OutcomeCatalog(string sourceName, IReadOnlyList<Outcome> outcomes)
    {
        SourceName = sourceName;
        Outcomes = outcomes;
        byCode = outcomes.ToDictionary(o => o.Code, StringComparer.Ordinal);
    }

    public string SourceName { get; }
    public IReadOnlyList<Outcome> Outcomes { get; }
    public IEnumerable<string> Codes => Outcomes.Select(o => o.Code);

    /// <summary>The outcome with this code, or null (codes are case-sensitive: they are stored on cases verbatim).</summary>
    public Outcome? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>
    /// Loads the catalog from a file; errors name it as <c>parent-folder/file</c> (<c>workflows/outcomes.yaml</c>).
    /// </summary>
    /// <exception cref="DataFileException">Every problem found, each with its line.</exception>
    public static OutcomeCatalog Load(string path) =>
        Parse(File.ReadAllText(path), DataFileNames.SourceName(path));

    /// <summary>
    /// Parses catalog text. Checks: a top-level <c>outcomes</c> list; each entry has a unique kebab-case <c>code</c>, a
    /// <c>label</c>, a <c>report.group</c> and a <c>refusal</c> of none/partial/full; no unknown keys.
    /// <c>basis</c> and <c>report.item</c> are optional.
    /// </summary>
    /// <exception cref="DataFileException">Every problem found, each with its line.</exception>
    public static OutcomeCatalog Parse(string text, string sourceName)
    {
        var reader = new YamlDataReader(sourceName);
        var outcomes = new List<Outcome>();
        if (reader.LoadRoot(text, "outcomes") is { } root)
        {
            var items = root.List("outcomes");
            if (items.Count == 0)
                reader.Error(root.Blame("outcomes"), "the file lists no outcomes under 'outcomes:'");
            foreach (var item in items)
                if (ParseOutcome(reader, item) is { } outcome)
                {
                    if (outcomes.Any(o => o.Code == outcome.Code))
                        reader.Error(outcome.Line, $"outcome '{outcome.Code}' is listed twice");
                    else
                        outcomes.Add(outcome);
                }
        }
        reader.ThrowIfAny();
        return new OutcomeCatalog(sourceName, outcomes);
    }

    static Outcome? ParseOutcome(YamlDataReader reader, YamlNode node)
    {
        var map = reader.Map(node, "an outcome", "code", "label", "basis", "report", "refusal");
        if (map is null) return null;
        var code = map.RequiredString("code");
        var what = code is null ? "an outcome" : $"outcome '{code}'";
        if (code is not null && !YamlDataReader.IsKebab(code))
            reader.Error(map.Blame("code"), $"outcome code '{code}' should be kebab-case (lower-case words joined by '-')");
        var label = map.RequiredString("label");
        var basis = map.String("basis");

        string? group = null, item = null;
        if (map.Get("report") is { } reportNode && reader.Map(reportNode, $"'report' of {what}", "group", "item") is { } report)
        {
            group = report.RequiredString("group");
            item = report.String("item");
        }
        else if (!map.Has("report"))
            reader.Error(map.Node, $"{what} is missing 'report' (the annual-report row it counts in)");

        RefusalKind? refusal = null;
        if (map.RequiredString("refusal") is { } refusalText)
        {
            if (RefusalNames.TryGetValue(refusalText, out var kind)) refusal = kind;
            else reader.Error(map.Blame("refusal"), $"'refusal' of {what} should be none, partial or full, not '{refusalText}'");
        }

        return code is null || label is null || group is null || refusal is null
            ? null
            : new Outcome(code, label, basis, group, item, refusal.Value, map.Line);
    }
}
