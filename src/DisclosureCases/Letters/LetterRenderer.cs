using System.Globalization;
using System.Runtime.CompilerServices;
using HandlebarsDotNet;

namespace DisclosureCases.Letters;

/// <summary>Finds the exact text of a template version: the files under templates/ today, the database later.</summary>
public interface ITemplateSource
{
    /// <summary>The template with this id and version, or null.</summary>
    LetterTemplate? Find(string id, int version);
}

/// <summary>A slot of a letter: what the form asks for and what the clerk has written.</summary>
/// <param name="Shown">The letter prints it: false for a slot inside a condition that does not hold (it cannot be missing).</param>
public sealed record SlotState(string Name, string Label, bool Multiline, bool Optional, string? Value, bool Shown = true)
{
    public bool IsMissing => Shown && !Optional && string.IsNullOrWhiteSpace(Value);
}

/// <summary>
/// Merges letter data into a template and lays the result out as a <see cref="LetterDocument"/>, printable HTML and DOCX.
/// Handlebars.Net runs with HTML escaping on: every merged value and slot value is escaped; only the helpers below
/// write markup, and only the paragraph marks of <see cref="LetterMarks"/>. Output depends on nothing but the template
/// text and the data: no clock, no random ids, invariant culture.
/// </summary>
public sealed class LetterRenderer(ITemplateSource templates)
{
    /// <summary>Merges <paramref name="data"/> into template <paramref name="templateId"/> version <paramref name="version"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such template version.</exception>
    public RenderedLetter Render(string templateId, int version, LetterData data) =>
        Render(Template(templateId, version), data);

    /// <summary>Renders a stored letter again from the template version it was merged from.</summary>
    /// <exception cref="KeyNotFoundException">No such template version.</exception>
    /// <exception cref="InvalidOperationException">The template's text is not the text the letter was merged from.</exception>
    public RenderedLetter Render(MergedLetter merged) => Render(Template(merged.TemplateId, merged.TemplateVersion), merged);

    LetterTemplate Template(string id, int version) =>
        templates.Find(id, version) ?? throw new KeyNotFoundException($"template {id} version {version} not found");

    /// <summary>Merges <paramref name="data"/> into <paramref name="template"/>.</summary>
    /// <exception cref="LetterRenderException">The template cannot be rendered (a template error: the linter reports it).</exception>
    public static RenderedLetter Render(LetterTemplate template, LetterData data) =>
        Render(template, MergedLetter.Create(template, data));

    /// <summary>Renders <paramref name="merged"/> with <paramref name="template"/>, which must be the very text it was merged from.</summary>
    /// <exception cref="InvalidOperationException">Id, version or content hash differ.</exception>
    /// <exception cref="LetterRenderException">The template cannot be rendered.</exception>
    public static RenderedLetter Render(LetterTemplate template, MergedLetter merged)
    {
        if (template.Id != merged.TemplateId || template.Version != merged.TemplateVersion || template.Hash != merged.TemplateHash)
            throw new InvalidOperationException(
                $"letter was merged from {merged.TemplateId} v{merged.TemplateVersion} ({merged.TemplateHash[..12]}), not {template.Id} v{template.Version} ({template.Hash[..12]})");
        var data = merged.Data();
        var outline = TemplateOutline.For(template, data.Outcome?.Code);
        var missingFields = outline.RequiredFields().Where(f => MergeModel.IsEmpty(data, f)).ToList();
        var model = MergeModel.Build(data, missingFields, DeclaredSlots(template));

        var state = new RenderState(data.Outcome?.Code, data.Slots);
        string markup;
        RenderState.Current = state;
        try
        {
            markup = Compiled(template)(model);
        }
        catch (Exception e) when (e is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new LetterRenderException(e.Message, e);
        }
        finally
        {
            RenderState.Current = null;
        }

        LetterDocument document;
        try
        {
            document = LetterMarkup.Parse(markup);
        }
        catch (LetterMarkupException e)
        {
            throw new LetterRenderException(e.Message, e);
        }
        // The form lists every slot of the letter, in order, including those inside a condition that does not hold now.
        var slots = outline.Slots.Where(s => s.Name.Length > 0).DistinctBy(s => s.Name)
            .Select(s => state.Slots.FirstOrDefault(u => u.Name == s.Name)
                ?? new SlotState(s.Name, s.Label ?? s.Name, s.Multiline, s.Optional, data.Slots.GetValueOrDefault(s.Name), Shown: false))
            .ToList();
        return new RenderedLetter(template, merged, document, slots, missingFields);
    }

    /// <summary>Every slot name the template declares, so that <c>{{#if slots.name}}</c> finds an empty slot rather than no slot.</summary>
    static IEnumerable<string> DeclaredSlots(LetterTemplate template) =>
        TemplateSyntax.Walk(template.Syntax).Select(n => n.Node).OfType<TagNode>()
            .Where(t => t.Name == "slot" && t.Params.Count > 0).Select(t => t.Params[0].Value);

    // One compiled delegate per template text. Templates are few and small; the table lets go of a template's
    // delegate together with the template object.
    static readonly ConditionalWeakTable<LetterTemplate, HandlebarsTemplate<object, object>> CompiledTemplates = [];

    static HandlebarsTemplate<object, object> Compiled(LetterTemplate template) =>
        CompiledTemplates.GetValue(template, t =>
        {
            try
            {
                return Environment.Compile(t.Body);
            }
            catch (HandlebarsException e)
            {
                throw new LetterRenderException(e.Message, e);
            }
        });

    static readonly IHandlebars Environment = CreateEnvironment();

    static IHandlebars CreateEnvironment()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            // A misspelt field is an error, not an empty gap in a letter.
            ThrowOnUnresolvedBindingExpression = true,
            FormatProvider = CultureInfo.InvariantCulture,
            NoEscape = false,
        });

        foreach (var element in LetterElements.All)
        {
            var start = LetterMarks.Start(element);
            handlebars.RegisterHelper(element.Name, (EncodedTextWriter output, BlockHelperOptions options, Context context, Arguments _) =>
            {
                output.WriteSafeString(start);
                options.Template(output, context);
                output.WriteSafeString(LetterMarks.End);
            });
        }

        // {{#outcome "other-no-correction"}}…{{else}}…{{/outcome}}: text for some of the outcomes a template serves.
        handlebars.RegisterHelper(TemplateOutline.OutcomeHelper, (EncodedTextWriter output, BlockHelperOptions options, Context context, Arguments arguments) =>
        {
            var code = RenderState.Current?.Outcome;
            if (code is not null && arguments.AsEnumerable().Any(a => a as string == code))
                options.Template(output, context);
            else
                options.Inverse(output, context);
        });

        // {{slot "reasons" label="不予公开的理由" multiline=true optional=true}}: the clerk's text, escaped; each line
        // of it becomes a paragraph of the enclosing element; an empty slot shows its label as a placeholder.
        handlebars.RegisterHelper("slot", (EncodedTextWriter output, Context _, Arguments arguments) =>
        {
            var state = RenderState.Current ?? throw new InvalidOperationException("slot used outside a letter rendering");
            var name = arguments.Length > 0 ? arguments[0] as string : null;
            if (string.IsNullOrEmpty(name)) throw new HandlebarsRuntimeException("slot needs a name: {{slot \"reasons\" label=\"…\"}}");
            var label = arguments.Hash.TryGetValue("label", out var l) && l is string s ? s : name;
            var multiline = arguments.Hash.TryGetValue("multiline", out var m) && m is true;
            var optional = arguments.Hash.TryGetValue("optional", out var o) && o is true;
            var value = state.Values.GetValueOrDefault(name);
            state.Use(new SlotState(name, label, multiline, optional, value));
            if (string.IsNullOrWhiteSpace(value))
            {
                if (!optional) output.Write(LetterMarks.Placeholder(label));
                return;
            }
            var first = true;
            foreach (var line in value.Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0))
            {
                if (!first) output.WriteSafeString(LetterMarks.Break);
                output.Write(line);
                first = false;
            }
        });

        // {{date case.receivedOn}} → 2026年11月2日: Arabic numerals, no leading zeros (GB/T 9704-2012, 7.3.5.3 成文日期).
        handlebars.RegisterHelper("date", (EncodedTextWriter output, Context _, Arguments arguments) =>
        {
            switch (arguments.Length > 0 ? arguments[0] : null)
            {
                case null:
                    return;
                case string placeholder when placeholder.StartsWith(LetterMarks.Open):
                    output.Write(placeholder);
                    return;
                case string iso when DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    output.Write(ChineseDate(date));
                    return;
                case var other:
                    throw new HandlebarsRuntimeException($"date expects a date field such as case.receivedOn, not '{other}'");
            }
        });

        // {{ordinal @index}} → 1, 2, 3 for numbered lists.
        handlebars.RegisterHelper("ordinal", (EncodedTextWriter output, Context _, Arguments arguments) =>
            output.Write(Convert.ToInt32(arguments[0], CultureInfo.InvariantCulture) + 1));

        return handlebars;
    }

    /// <summary>A date as a letter prints it: 2026年1月5日.</summary>
    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>The slot values and the slots met during one rendering (rendering is synchronous, so per thread).</summary>
    sealed class RenderState(string? outcome, IReadOnlyDictionary<string, string> values)
    {
        [ThreadStatic] public static RenderState? Current;
        readonly List<SlotState> slots = [];

        public string? Outcome { get; } = outcome;
        public IReadOnlyDictionary<string, string> Values { get; } = values;
        public IReadOnlyList<SlotState> Slots => slots;

        public void Use(SlotState slot)
        {
            if (slots.All(s => s.Name != slot.Name)) slots.Add(slot);
        }
    }
}

/// <summary>A template could not be rendered: broken syntax, an unknown field or helper, text outside an element.</summary>
public sealed class LetterRenderException(string message, Exception inner) : Exception(message, inner);
