using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DisclosureCases.Domain.DataFiles;

/// <summary>
/// Reads one YAML data file through YamlDotNet's representation model, so that every value keeps its line, and
/// collects problems instead of stopping at the first. Shared by the loaders of <c>workflows/</c> and <c>templates/</c>.
/// </summary>
/// <remarks>
/// Keys are checked against the keys a mapping may have: a misspelt optional key (<c>requried: true</c>) would
/// otherwise be ignored silently and change the meaning of the file. A scalar that is empty, <c>~</c> or <c>null</c>
/// counts as absent.
/// </remarks>
internal sealed partial class YamlDataReader(string source)
{
    readonly List<DataFileError> errors = [];

    public string Source { get; } = source;
    public IReadOnlyList<DataFileError> Errors => errors;

    public void Error(YamlNode node, string message) => Error(LineOf(node), message);

    public void Error(int line, string message) => errors.Add(new DataFileError(Source, Math.Max(1, line), message));

    /// <summary>Throws a <see cref="DataFileException"/> (or the subclass made by <paramref name="create"/>) if any problem was found.</summary>
    public void ThrowIfAny(Func<IReadOnlyList<DataFileError>, Exception>? create = null)
    {
        if (errors.Count == 0) return;
        throw create is null ? new DataFileException(errors) : create(errors);
    }

    public static int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    /// <summary>
    /// Parses <paramref name="text"/> and returns its top-level mapping (keys limited to <paramref name="allowedKeys"/>),
    /// or null after recording why there is none (malformed YAML with the parser's position, an empty file, several
    /// documents, a top level that is not a mapping).
    /// </summary>
    public Mapping? LoadRoot(string text, params string[] allowedKeys)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var detail = e.InnerException is YamlException inner ? inner.Message : e.Message;
            Error((int)e.Start.Line, $"malformed YAML: {detail}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16's scanner throws a bare InvalidOperationException (no position) on some inputs, typically
            // an unclosed '[' or '{'. Re-scan to learn how far it got, so the message still names a line.
            Error(ScannerStopLine(text), "malformed YAML: the YAML scanner stopped here (an unclosed '[' or '{' above?)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Error(1, "the file is empty");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode, "the file holds more than one YAML document ('---'); put one definition in each file");
            return null;
        }
        return Map(stream.Documents[0].RootNode, "the top level", allowedKeys);
    }

    static int ScannerStopLine(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            while (scanner.MoveNext()) { }
        }
        catch (Exception)
        {
            // The position is what we came for; the exception itself was already reported by the caller.
        }
        return (int)scanner.CurrentPosition.Line;
    }

    /// <summary>
    /// Views <paramref name="node"/> as a mapping whose keys must be among <paramref name="allowedKeys"/> (none given:
    /// any key). Records an error and returns null when the node is not a mapping.
    /// </summary>
    public Mapping? Map(YamlNode node, string what, params string[] allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} should be a mapping of 'key: value' lines");
            return null;
        }
        var entries = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                Error(key, $"{what} has a key that is not a plain name");
                continue;
            }
            if (allowedKeys.Length > 0 && !allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"{what} has an unknown key '{name}' (allowed: {string.Join(", ", allowedKeys)})");
                continue;
            }
            entries[name] = (key, value); // YamlDotNet already rejects duplicate keys while parsing.
        }
        return new Mapping(this, mapping, what, entries);
    }

    /// <summary>
    /// The plain value of <paramref name="key"/> in <paramref name="node"/> if it is a mapping holding a scalar there,
    /// without checking or reporting anything: used to name an item ("state 'processing'") in messages about its keys.
    /// </summary>
    public static string? Peek(YamlNode node, string key) =>
        node is YamlMappingNode mapping
        && mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var k } && k == key).Value is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : null;

    /// <summary>The text of a scalar, or null when it is absent (<c>~</c>, <c>null</c>, empty). A list or mapping where a single value belongs is an error.</summary>
    public string? Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"{what} should be a single value, not a list or mapping");
            return null;
        }
        if (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL")
            return null;
        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value;
    }

    /// <summary>The items of a sequence; absent gives an empty list; anything else is an error.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children.ToList();
            case YamlScalarNode when Scalar(node, what) is null:
                return [];
            default:
                Error(node, $"{what} should be a list");
                return [];
        }
    }

    /// <summary>Either one value (<c>from: processing</c>) or a list of values (<c>from: [processing, in-review]</c>), each with its node for error lines.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> OneOrMany(YamlNode? node, string what)
    {
        if (node is null) return [];
        if (node is YamlScalarNode)
            return Scalar(node, what) is { } single ? [(single, node)] : [];
        var values = new List<(string, YamlNode)>();
        foreach (var item in Sequence(node, what))
            if (Scalar(item, what) is { } value)
                values.Add((value, item));
        return values;
    }

    /// <summary>Lower-case words joined by hyphens: <c>correction-requested</c>. The form every code name in the data files takes.</summary>
    public static bool IsKebab(string value) => KebabPattern().IsMatch(value);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabPattern();

    /// <summary>A mapping whose keys were checked; accessors record an error on a wrongly typed value and return the fallback.</summary>
    internal sealed class Mapping(
        YamlDataReader reader,
        YamlMappingNode node,
        string what,
        IReadOnlyDictionary<string, (YamlNode Key, YamlNode Value)> entries)
    {
        public YamlMappingNode Node { get; } = node;
        public int Line => LineOf(Node);

        public bool Has(string key) => entries.ContainsKey(key);

        public YamlNode? Get(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

        public string? String(string key) => Get(key) is { } value ? reader.Scalar(value, $"'{key}' of {what}") : null;

        /// <summary>The value of <paramref name="key"/>; records "missing" at the mapping's line when absent or empty.</summary>
        public string? RequiredString(string key)
        {
            var value = String(key);
            if (value is null && (Get(key) is null || Get(key) is YamlScalarNode))
                reader.Error(Get(key) ?? Node, $"{what} is missing '{key}'");
            return value;
        }

        public bool Bool(string key, bool fallback)
        {
            if (Get(key) is not { } node) return fallback;
            switch (reader.Scalar(node, $"'{key}' of {what}"))
            {
                case null: return fallback;
                case "true": return true;
                case "false": return false;
                case var other:
                    reader.Error(node, $"'{key}' of {what} should be true or false, not '{other}'");
                    return fallback;
            }
        }

        public int? Int(string key)
        {
            if (Get(key) is not { } node || reader.Scalar(node, $"'{key}' of {what}") is not { } text) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
            reader.Error(node, $"'{key}' of {what} should be a whole number, not '{text}'");
            return null;
        }

        public IReadOnlyList<YamlNode> List(string key) => reader.Sequence(Get(key), $"'{key}' of {what}");

        public IReadOnlyList<(string Value, YamlNode Node)> OneOrMany(string key) => reader.OneOrMany(Get(key), $"'{key}' of {what}");

        /// <summary>The node to blame for a problem with <paramref name="key"/>'s value: the value if present, else the mapping.</summary>
        public YamlNode Blame(string key) => Get(key) ?? Node;

        /// <summary>The node to blame for a problem with a whole section (<c>states:</c>): the key if present, else the mapping.</summary>
        public YamlNode BlameKey(string key) => entries.TryGetValue(key, out var entry) ? entry.Key : Node;
    }
}
