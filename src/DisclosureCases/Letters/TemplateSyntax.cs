namespace DisclosureCases.Letters;

/// <summary>A piece of a template body, with the line of the file it starts on.</summary>
public abstract record SyntaxNode(int Line);

/// <summary>Literal text: locked wording the clerk cannot change.</summary>
public sealed record TextNode(string Text, int Line) : SyntaxNode(Line);

/// <summary>
/// <c>{{name param key=value}}</c>: a merged field (<c>{{agency.name}}</c>) or a helper call (<c>{{slot "reasons" label="…"}}</c>,
/// <c>{{date case.receivedOn}}</c>). <see cref="Unescaped"/> is true for <c>{{{…}}}</c> and <c>{{&amp;…}}</c>, which the
/// linter rejects.
/// </summary>
public sealed record TagNode(string Name, IReadOnlyList<TagArgument> Params, IReadOnlyDictionary<string, TagArgument> Hash, bool Unescaped, int Line)
    : SyntaxNode(Line);

/// <summary><c>{{#name …}}body{{else}}inverse{{/name}}</c>: an element (<c>{{#recital}}</c>), a condition or an outcome section.</summary>
public sealed record BlockNode(
    string Name,
    IReadOnlyList<TagArgument> Params,
    IReadOnlyDictionary<string, TagArgument> Hash,
    IReadOnlyList<SyntaxNode> Body,
    IReadOnlyList<SyntaxNode> Inverse,
    int Line) : SyntaxNode(Line);

/// <summary><c>{{&gt; partial}}</c>: not allowed in letter templates (a letter's text must be readable in its own file).</summary>
public sealed record PartialNode(string Name, int Line) : SyntaxNode(Line);

public enum TagArgumentKind
{
    /// <summary>A quoted string: <c>"reasons"</c>.</summary>
    String,
    /// <summary>A path into the merge model: <c>case.receivedOn</c>, <c>this</c>, <c>@index</c>.</summary>
    Path,
    /// <summary>true, false, a number.</summary>
    Literal,
    /// <summary>A parenthesised sub-expression.</summary>
    SubExpression,
}

public sealed record TagArgument(TagArgumentKind Kind, string Value);

/// <summary>A problem found while reading a template body: its line and what is wrong.</summary>
public sealed record SyntaxProblem(int Line, string Message);

/// <summary>
/// Reads the Handlebars body of a template into a tree with line numbers. Handlebars.Net itself reports errors without a
/// position; this reader gives the linter the file and line of every element, field and slot.
/// </summary>
public static class TemplateSyntax
{
    /// <summary>Parses <paramref name="body"/>, whose first line is line <paramref name="firstLine"/> of its file.</summary>
    public static (IReadOnlyList<SyntaxNode> Nodes, IReadOnlyList<SyntaxProblem> Problems) Parse(string body, int firstLine)
    {
        var problems = new List<SyntaxProblem>();
        var root = new Frame("", [], new Dictionary<string, TagArgument>(), firstLine);
        var stack = new Stack<Frame>();
        stack.Push(root);
        var line = firstLine;
        var i = 0;
        while (i < body.Length)
        {
            var open = body.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                stack.Peek().Add(new TextNode(body[i..], line));
                break;
            }
            if (open > i)
            {
                stack.Peek().Add(new TextNode(body[i..open], line));
                line += Count(body, i, open);
            }

            var tagLine = line;
            string closer = body.AsSpan(open).StartsWith("{{!--") ? "--}}" : body.AsSpan(open).StartsWith("{{{") ? "}}}" : "}}";
            var close = body.IndexOf(closer, open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                problems.Add(new(tagLine, "a '{{' is never closed with '" + closer + "'"));
                break;
            }
            var end = close + closer.Length;
            line += Count(body, open, end);
            i = end;

            if (closer == "--}}") continue; // {{!-- comment --}}
            var unescapedByBraces = closer == "}}}";
            var content = body[(open + (unescapedByBraces ? 3 : 2))..close].Trim().Trim('~').Trim();
            if (content.StartsWith('!')) continue; // {{! comment }}

            switch (content.Length > 0 ? content[0] : ' ')
            {
                case '#':
                {
                    var (name, ps, hash) = Split(content[1..], tagLine, problems);
                    stack.Push(new Frame(name, ps, hash, tagLine));
                    break;
                }
                case '^' when content.Trim() == "^":
                    Else(stack, tagLine, problems);
                    break;
                case '^':
                    problems.Add(new(tagLine, $"'{{{{{content}}}}}' (an inverted section) is not supported; write {{{{#unless …}}}}"));
                    stack.Push(new Frame("^" + content[1..].Trim(), [], new Dictionary<string, TagArgument>(), tagLine));
                    break;
                case '/':
                {
                    var name = content[1..].Trim();
                    if (stack.Count == 1)
                    {
                        problems.Add(new(tagLine, $"'{{{{/{name}}}}}' closes a block that was never opened"));
                        break;
                    }
                    var frame = stack.Pop();
                    if (frame.Name != name)
                        problems.Add(new(tagLine, $"'{{{{/{name}}}}}' closes '{{{{#{frame.Name}}}}}' opened on line {frame.Line}"));
                    stack.Peek().Add(new BlockNode(frame.Name, frame.Params, frame.Hash, frame.Body, frame.Inverse, frame.Line));
                    break;
                }
                case '>':
                    stack.Peek().Add(new PartialNode(content[1..].Trim(), tagLine));
                    break;
                case '&':
                {
                    var (name, ps, hash) = Split(content[1..], tagLine, problems);
                    stack.Peek().Add(new TagNode(name, ps, hash, Unescaped: true, tagLine));
                    break;
                }
                default:
                    if (content == "else")
                        Else(stack, tagLine, problems);
                    else if (content.StartsWith("else ", StringComparison.Ordinal))
                        problems.Add(new(tagLine, $"'{{{{{content}}}}}' is not supported; nest an {{{{#if}}}} inside {{{{else}}}}"));
                    else
                    {
                        var (name, ps, hash) = Split(content, tagLine, problems);
                        stack.Peek().Add(new TagNode(name, ps, hash, unescapedByBraces, tagLine));
                    }
                    break;
            }
        }
        while (stack.Count > 1)
        {
            var frame = stack.Pop();
            problems.Add(new(frame.Line, $"'{{{{#{frame.Name}}}}}' is never closed with '{{{{/{frame.Name}}}}}'"));
            stack.Peek().Add(new BlockNode(frame.Name, frame.Params, frame.Hash, frame.Body, frame.Inverse, frame.Line));
        }
        return (root.Body, problems);
    }

    /// <summary>Every node of the tree, depth first, with the blocks that enclose it (outermost first).</summary>
    public static IEnumerable<(SyntaxNode Node, IReadOnlyList<BlockNode> Enclosing)> Walk(IEnumerable<SyntaxNode> nodes) =>
        Walk(nodes, []);

    static IEnumerable<(SyntaxNode, IReadOnlyList<BlockNode>)> Walk(IEnumerable<SyntaxNode> nodes, IReadOnlyList<BlockNode> enclosing)
    {
        foreach (var node in nodes)
        {
            yield return (node, enclosing);
            if (node is BlockNode block)
            {
                IReadOnlyList<BlockNode> inner = [.. enclosing, block];
                foreach (var child in Walk(block.Body.Concat(block.Inverse), inner))
                    yield return child;
            }
        }
    }

    static void Else(Stack<Frame> stack, int line, List<SyntaxProblem> problems)
    {
        if (stack.Count == 1 || stack.Peek().InElse)
            problems.Add(new(line, "'{{else}}' outside a block, or a second '{{else}}' in one block"));
        else
            stack.Peek().InElse = true;
    }

    static int Count(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n');

    /// <summary>Splits tag content into its name, positional parameters and key=value pairs, honouring quotes and parentheses.</summary>
    static (string Name, List<TagArgument> Params, Dictionary<string, TagArgument> Hash) Split(string content, int line, List<SyntaxProblem> problems)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < content.Length)
        {
            if (char.IsWhiteSpace(content[i])) { i++; continue; }
            var start = i;
            var depth = 0;
            char? quote = null;
            while (i < content.Length && (quote is not null || depth > 0 || !char.IsWhiteSpace(content[i])))
            {
                var c = content[i];
                if (quote is not null) { if (c == quote) quote = null; }
                else if (c is '"' or '\'') quote = c;
                else if (c == '(') depth++;
                else if (c == ')') depth--;
                i++;
            }
            if (quote is not null || depth != 0)
                problems.Add(new(line, $"unbalanced quotes or parentheses in '{{{{{content.Trim()}}}}}'"));
            tokens.Add(content[start..i]);
        }
        var name = tokens.Count > 0 ? tokens[0] : "";
        var ps = new List<TagArgument>();
        var hash = new Dictionary<string, TagArgument>(StringComparer.Ordinal);
        foreach (var token in tokens.Skip(1))
        {
            var eq = token.IndexOf('=');
            if (eq > 0 && token[0] is not ('"' or '\'' or '('))
                hash[token[..eq]] = Argument(token[(eq + 1)..]);
            else
                ps.Add(Argument(token));
        }
        return (name, ps, hash);
    }

    static TagArgument Argument(string token) => token switch
    {
        ['"', .., '"'] or ['\'', .., '\''] when token.Length >= 2 => new(TagArgumentKind.String, token[1..^1]),
        ['(', .., ')'] => new(TagArgumentKind.SubExpression, token[1..^1]),
        "true" or "false" or "null" or "undefined" => new(TagArgumentKind.Literal, token),
        _ when token.All(c => char.IsAsciiDigit(c) || c is '-' or '.') && token.Any(char.IsAsciiDigit) => new(TagArgumentKind.Literal, token),
        _ => new(TagArgumentKind.Path, token),
    };

    sealed class Frame(string name, List<TagArgument> ps, Dictionary<string, TagArgument> hash, int line)
    {
        public string Name { get; } = name;
        public List<TagArgument> Params { get; } = ps;
        public Dictionary<string, TagArgument> Hash { get; } = hash;
        public int Line { get; } = line;
        public List<SyntaxNode> Body { get; } = [];
        public List<SyntaxNode> Inverse { get; } = [];
        public bool InElse { get; set; }
        public void Add(SyntaxNode node) => (InElse ? Inverse : Body).Add(node);
    }
}
