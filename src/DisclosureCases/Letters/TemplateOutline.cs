namespace DisclosureCases.Letters;

/// <summary>An element block as it appears in a template for one outcome.</summary>
/// <param name="Conditional">Inside an <c>{{#if}}</c>, <c>{{#unless}}</c> or <c>{{#each}}</c>: may be absent from a letter.</param>
/// <param name="Parent">The element it is nested in, if any (never allowed).</param>
public sealed record ElementUse(LetterElement Element, BlockNode Block, bool Conditional, BlockNode? Parent);

/// <summary>A merged field printed or tested by a template.</summary>
/// <param name="Printed">Printed (<c>{{agency.name}}</c>, <c>{{date case.receivedOn}}</c>) rather than only tested in a condition.</param>
/// <param name="Conditional">Inside a condition or a loop.</param>
/// <param name="Element">The element it is printed in, if any.</param>
public sealed record FieldUse(string Path, int Line, bool Printed, bool Conditional, bool InLoop, BlockNode? Element);

/// <summary>A slot as declared in a template: <c>{{slot "reasons" label="不予公开的理由" multiline=true}}</c>.</summary>
public sealed record SlotDeclaration(string Name, string? Label, bool Multiline, bool Optional, int Line, bool Conditional, BlockNode? Element);

/// <summary>
/// What a template contains for one outcome: its elements, fields and slots, with lines. <c>{{#outcome "code"}}</c>
/// sections are resolved first, so a template that serves several outcomes (不再处理告知书) is read as the letter each
/// outcome gets. Shared by the linter (what must be there) and the renderer (which fields a letter cannot do without).
/// </summary>
public sealed class TemplateOutline
{
    public const string OutcomeHelper = "outcome";
    static readonly HashSet<string> Conditions = new(StringComparer.Ordinal) { "if", "unless", "each", "with" };

    TemplateOutline(IReadOnlyList<SyntaxNode> nodes)
    {
        Nodes = nodes;
        var elements = new List<ElementUse>();
        var fields = new List<FieldUse>();
        var slots = new List<SlotDeclaration>();
        foreach (var (node, enclosing) in TemplateSyntax.Walk(nodes))
        {
            var conditional = enclosing.Any(b => Conditions.Contains(b.Name));
            var inLoop = enclosing.Any(b => b.Name == "each");
            var element = enclosing.LastOrDefault(b => LetterElements.Find(b.Name) is not null);
            switch (node)
            {
                case BlockNode block when LetterElements.Find(block.Name) is { } e:
                    elements.Add(new ElementUse(e, block, conditional, element));
                    break;
                case BlockNode block:
                    foreach (var p in block.Params.Where(p => p.Kind == TagArgumentKind.Path))
                        fields.Add(new FieldUse(p.Value, block.Line, Printed: false, conditional, inLoop, element));
                    break;
                case TagNode { Name: "slot" } tag:
                    slots.Add(new SlotDeclaration(
                        tag.Params.FirstOrDefault() is { Kind: TagArgumentKind.String } name ? name.Value : "",
                        tag.Hash.TryGetValue("label", out var label) && label.Kind == TagArgumentKind.String ? label.Value : null,
                        tag.Hash.TryGetValue("multiline", out var m) && m.Value == "true",
                        tag.Hash.TryGetValue("optional", out var o) && o.Value == "true",
                        tag.Line, conditional, element));
                    break;
                case TagNode tag when tag.Params.Count == 0 && tag.Hash.Count == 0:
                    fields.Add(new FieldUse(tag.Name, tag.Line, Printed: true, conditional, inLoop, element));
                    break;
                case TagNode tag:
                    foreach (var p in tag.Params.Where(p => p.Kind == TagArgumentKind.Path))
                        fields.Add(new FieldUse(p.Value, tag.Line, Printed: true, conditional, inLoop, element));
                    break;
            }
        }
        Elements = elements;
        Fields = fields;
        Slots = slots;
    }

    /// <summary>The body with outcome sections resolved.</summary>
    public IReadOnlyList<SyntaxNode> Nodes { get; }
    public IReadOnlyList<ElementUse> Elements { get; }
    public IReadOnlyList<FieldUse> Fields { get; }
    public IReadOnlyList<SlotDeclaration> Slots { get; }

    /// <summary>The outline of <paramref name="template"/> as the letter for <paramref name="outcome"/> (null: no outcome) reads.</summary>
    public static TemplateOutline For(LetterTemplate template, string? outcome) => new(Project(template.Syntax, outcome));

    /// <summary>
    /// Fields the letter prints unconditionally and never tests: a letter cannot be issued while one of them is empty,
    /// and a preview shows 【label】 in its place.
    /// </summary>
    public IReadOnlyList<LetterField> RequiredFields()
    {
        var tested = Fields.Where(f => !f.Printed).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return Fields.Where(f => f.Printed && !f.Conditional && !tested.Contains(f.Path))
            .Select(f => LetterFields.Find(f.Path))
            .OfType<LetterField>()
            .Distinct()
            .ToList();
    }

    static IReadOnlyList<SyntaxNode> Project(IEnumerable<SyntaxNode> nodes, string? outcome)
    {
        var result = new List<SyntaxNode>();
        foreach (var node in nodes)
        {
            if (node is BlockNode { Name: OutcomeHelper } section)
                result.AddRange(Project(Serves(section, outcome) ? section.Body : section.Inverse, outcome));
            else if (node is BlockNode block)
                result.Add(block with { Body = Project(block.Body, outcome), Inverse = Project(block.Inverse, outcome) });
            else
                result.Add(node);
        }
        return result;
    }

    static bool Serves(BlockNode section, string? outcome) =>
        outcome is not null && section.Params.Any(p => p.Kind == TagArgumentKind.String && p.Value == outcome);
}
