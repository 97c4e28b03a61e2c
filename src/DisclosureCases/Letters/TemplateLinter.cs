using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;

namespace DisclosureCases.Letters;

/// <summary>
/// Checks letter templates against DOMAIN.md §5, templates/catalog.yaml and workflows/outcomes.yaml, so that a letter
/// made from a template that passes cannot lack a required element. Every problem is reported as
/// <c>templates/FILE.hbs:LINE: what is wrong</c>. The rules and the articles they come from are listed in
/// templates/README.md.
/// </summary>
public sealed partial class TemplateLinter(DocumentCatalog documents, OutcomeCatalog outcomes)
{
    const string Statute = "《中华人民共和国政府信息公开条例》";
    static readonly HashSet<string> AllowedBlocks = new(StringComparer.Ordinal) { "if", "unless", "each", TemplateOutline.OutcomeHelper };
    static readonly HashSet<string> Helpers = new(StringComparer.Ordinal) { "slot", "date", "ordinal" };
    static readonly HashSet<string> LoopNames = new(StringComparer.Ordinal) { "this", ".", "@index", "@first", "@last" };
    /// <summary>Document types that are not letters to a person: no addressee, seal or date.</summary>
    static readonly HashSet<string> NotLetters = new(StringComparer.Ordinal) { "envelope", "mailing-list" };

    /// <summary>Every template file of <paramref name="directory"/>, and whether together they cover the catalog and every outcome.</summary>
    public IReadOnlyList<DataFileError> CheckDirectory(string directory)
    {
        var errors = new List<DataFileError>();
        var templates = new List<LetterTemplate>();
        foreach (var path in TemplateLibrary.Files(directory))
        {
            var (template, problems) = Lint(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), DataFileNames.SourceName(path));
            errors.AddRange(problems);
            if (template is not null) templates.Add(template);
        }
        errors.AddRange(CheckCoverage(templates));
        return Sorted(errors);
    }

    /// <summary>One template file.</summary>
    public IReadOnlyList<DataFileError> Check(string content, string id, string sourceName) => Sorted(Lint(content, id, sourceName).Errors);

    /// <summary>
    /// The library as a whole: a template for every document type of the catalog, and exactly one answering template per
    /// outcome (DOMAIN.md §5: "one 答复书/告知书 for each outcome").
    /// </summary>
    public IReadOnlyList<DataFileError> CheckCoverage(IReadOnlyList<LetterTemplate> templates)
    {
        var errors = new List<DataFileError>();
        foreach (var document in documents.Documents.Where(d => !d.PerOutcome))
            if (templates.All(t => t.Id != document.Id))
                errors.Add(new(documents.SourceName, document.Line, $"document '{document.Id}' has no template (add templates/{document.Id}{LetterTemplate.Extension})"));
        var replyDocument = documents.Documents.FirstOrDefault(d => d.PerOutcome);
        foreach (var outcome in outcomes.Outcomes)
        {
            var serving = templates.Where(t => t.Outcomes.Contains(outcome.Code, StringComparer.Ordinal)).Select(t => t.Id).ToList();
            if (serving.Count == 0)
                errors.Add(new(outcomes.SourceName, outcome.Line,
                    $"outcome '{outcome.Code}' has no reply template (add templates/{TemplateLibrary.ReplyId(replyDocument?.Id ?? "reply", outcome.Code)}{LetterTemplate.Extension})"));
            else if (serving.Count > 1)
                errors.Add(new(outcomes.SourceName, outcome.Line, $"outcome '{outcome.Code}' is answered by more than one template: {string.Join(", ", serving)}"));
        }
        return errors;
    }

    (LetterTemplate? Template, IReadOnlyList<DataFileError> Errors) Lint(string content, string id, string sourceName)
    {
        var (template, readErrors) = LetterTemplate.Read(content, id, sourceName);
        var errors = new List<DataFileError>(readErrors);
        if (template is null) return (null, errors);
        void Error(int line, string message) => errors.Add(new(sourceName, line, message));

        var document = documents.Find(template.Document);
        if (document is null)
        {
            Error(template.Header.DocumentLine, $"unknown document '{template.Document}' (known: {string.Join(", ", documents.Ids)})");
            return (template, errors);
        }
        var served = CheckHeader(template, document, Error);
        var syntaxClean = errors.Count == 0;
        CheckSyntax(template, Error);
        var structureClean = errors.Count == 0;

        foreach (var outcome in served.DefaultIfEmpty())
            CheckElements(template, document, outcome, served.Count > 0, Error);

        // Problems that only show when rendering (an unknown helper, text outside an element) are looked for once the
        // template reads cleanly; Handlebars gives no line, so they are reported at the first line of the body.
        if (syntaxClean && structureClean)
            foreach (var outcome in served.DefaultIfEmpty())
                try
                {
                    LetterRenderer.Render(template, SampleLetterData.For(outcome));
                }
                catch (Exception e) // any failure of a trial rendering is the template's fault, so it is reported, not thrown
                {
                    Error(template.BodyLine, $"the template does not render{(outcome is null ? "" : $" for outcome '{outcome.Code}'")}: {e.Message}");
                }
        return (template, errors);
    }

    /// <summary>The id scheme, the outcomes served and the declared legal basis. Returns the outcomes the template answers.</summary>
    List<Outcome> CheckHeader(LetterTemplate template, DocumentType document, Action<int, string> error)
    {
        var header = template.Header;
        var served = new List<Outcome>();
        foreach (var code in header.Outcomes)
        {
            if (outcomes.Find(code) is { } outcome) served.Add(outcome);
            else error(header.OutcomesLine, $"unknown outcome '{code}' (not in {outcomes.SourceName})");
        }

        if (document.PerOutcome)
        {
            if (header.Outcomes.Count != 1)
                error(header.OutcomesLine, $"a '{document.Id}' template answers exactly one outcome: 'outcomes: [code]'");
            else if (template.Id != TemplateLibrary.ReplyId(document.Id, header.Outcomes[0]))
                error(1, $"the template for outcome '{header.Outcomes[0]}' must be named {TemplateLibrary.ReplyId(document.Id, header.Outcomes[0])}{LetterTemplate.Extension}");
        }
        else if (template.Id != document.Id)
            error(header.DocumentLine, $"a '{document.Id}' template must be named {document.Id}{LetterTemplate.Extension} (a template's id is its file name)");

        // The basis the letter cites must be the one the data files give (outcomes.yaml for an answer, the catalog
        // otherwise), so the reply, the report and the workflow agree on the article.
        var expected = served.Count > 0
            ? served.Where(o => o.Basis is not null).SelectMany(o => StatuteCitation.Split(o.Basis!))
            : document.Basis is null ? [] : StatuteCitation.Split(document.Basis);
        foreach (var reference in expected.Distinct().Where(r => !header.Basis.Contains(r)))
            error(header.BasisLine, $"'basis' should include {reference} ({(served.Count > 0 ? outcomes.SourceName : documents.SourceName)})");
        foreach (var outcome in served.Where(o => o.Basis is null && !header.BasisDeclared))
            error(header.BasisLine, $"{outcomes.SourceName} gives no basis for outcome '{outcome.Code}': the template must declare one ('basis: 第N条') or, for an outcome that refuses nothing, 'basis: none'");
        foreach (var outcome in served.Where(o => o.Basis is null && o.RequiresReasons && header.BasisDeclared && header.Basis.Count == 0))
            error(header.BasisLine, $"outcome '{outcome.Code}' refuses the request, so its reply must cite a legal basis; 'basis: none' is not enough");
        return served;
    }

    /// <summary>What may be written in a body: escaped fields of the catalogue, the known helpers, text only inside elements.</summary>
    void CheckSyntax(LetterTemplate template, Action<int, string> error)
    {
        var slotLabels = new Dictionary<string, string?>(StringComparer.Ordinal);
        var declaredSlots = TemplateSyntax.Walk(template.Syntax).Select(n => n.Node).OfType<TagNode>()
            .Where(t => t.Name == "slot" && t.Params.Count > 0).Select(t => t.Params[0].Value).ToHashSet(StringComparer.Ordinal);

        foreach (var (node, enclosing) in TemplateSyntax.Walk(template.Syntax))
        {
            var inElement = enclosing.Any(b => LetterElements.Find(b.Name) is not null);
            var inLoop = enclosing.Any(b => b.Name == "each");
            switch (node)
            {
                case PartialNode partial:
                    error(partial.Line, $"partials ({{{{> {partial.Name}}}}}) are not allowed: a letter's wording stays in its own file");
                    break;

                case TextNode text:
                    var offset = text.Text.IndexOfAny(['<', '>']);
                    if (offset >= 0)
                        error(text.Line + text.Text.AsSpan(0, offset).Count('\n'),
                            "write text, not HTML: '<' and '>' are not allowed in a template (the renderer lays the letter out)");
                    var stray = text.Text.Trim();
                    if (!inElement && stray.Length > 0)
                        error(text.Line + text.Text.AsSpan(0, text.Text.IndexOf(stray[0])).Count('\n'),
                            $"text outside an element: “{Shorten(stray)}” (put it in {{{{#para}}}}…{{{{/para}}}} or another element)");
                    break;

                case BlockNode block when LetterElements.Find(block.Name) is not null:
                    if (inElement)
                        error(block.Line, $"element '{{{{#{block.Name}}}}}' is inside another element; elements are paragraphs and do not nest");
                    if (block.Params.Count > 0 || block.Hash.Count > 0 || block.Inverse.Count > 0)
                        error(block.Line, $"element '{{{{#{block.Name}}}}}' takes no arguments and no {{{{else}}}}");
                    break;

                case BlockNode block when block.Name == TemplateOutline.OutcomeHelper:
                    if (block.Params.Count == 0 || block.Params.Any(p => p.Kind != TagArgumentKind.String))
                        error(block.Line, "an outcome section names outcome codes in quotes: {{#outcome \"other-no-correction\"}}");
                    foreach (var p in block.Params.Where(p => p.Kind == TagArgumentKind.String && !template.Outcomes.Contains(p.Value)))
                        error(block.Line, $"outcome section for '{p.Value}', which is not among the outcomes this template serves");
                    break;

                case BlockNode block when AllowedBlocks.Contains(block.Name):
                    if (block.Params.Count != 1 || block.Params[0].Kind != TagArgumentKind.Path)
                        error(block.Line, $"'{{{{#{block.Name}}}}}' takes one field, e.g. {{{{#{block.Name} applicant.address}}}}");
                    else
                        CheckPath(block.Params[0].Value, block.Line, inLoop, declaredSlots, condition: true, error);
                    break;

                case BlockNode block:
                    error(block.Line, $"unknown block '{{{{#{block.Name}}}}}' (elements: {string.Join(", ", LetterElements.All.Select(e => e.Name))}; also if, unless, each, outcome)");
                    break;

                case TagNode tag when tag.Unescaped:
                    error(tag.Line, $"'{tag.Name}' would be printed without HTML escaping; write {{{{{tag.Name}}}}} with two braces");
                    break;

                case TagNode tag when tag.Name == "slot":
                    CheckSlot(tag, slotLabels, error);
                    break;

                case TagNode tag when tag.Name == "date":
                    if (tag.Params is not [{ Kind: TagArgumentKind.Path } date] || LetterFields.Find(date.Value) is not { Kind: LetterFieldKind.Date })
                        error(tag.Line, $"{{{{date …}}}} prints one date field ({string.Join(", ", LetterFields.All.Where(f => f.Kind == LetterFieldKind.Date).Select(f => f.Path))})");
                    break;

                case TagNode tag when Helpers.Contains(tag.Name):
                    break;

                case TagNode tag when tag.Params.Count > 0 || tag.Hash.Count > 0:
                    error(tag.Line, $"unknown helper '{tag.Name}' (helpers: slot, date, ordinal)");
                    break;

                case TagNode tag:
                    CheckPath(tag.Name, tag.Line, inLoop, declaredSlots, condition: false, error);
                    if (LetterFields.Find(tag.Name) is { Kind: LetterFieldKind.Date })
                        error(tag.Line, $"print a date with {{{{date {tag.Name}}}}} (2026年11月2日, GB/T 9704-2012)");
                    if (!inElement)
                        error(tag.Line, $"'{{{{{tag.Name}}}}}' is outside an element");
                    break;
            }
        }
    }

    static void CheckPath(string path, int line, bool inLoop, IReadOnlySet<string> slots, bool condition, Action<int, string> error)
    {
        if (inLoop && LoopNames.Contains(path)) return;
        if (path.StartsWith("slots.", StringComparison.Ordinal))
        {
            if (!condition)
                error(line, $"print a slot with {{{{slot \"{path[6..]}\" label=\"…\"}}}}, not {{{{{path}}}}}");
            else if (!slots.Contains(path[6..]))
                error(line, $"'{path}' tests a slot the template does not declare");
            return;
        }
        if (LetterFields.Find(path) is null)
            error(line, $"unknown field '{path}' (fields: templates/README.md)");
    }

    static void CheckSlot(TagNode tag, Dictionary<string, string?> labels, Action<int, string> error)
    {
        if (tag.Params is not [{ Kind: TagArgumentKind.String } name] || !YamlDataReader.IsKebab(name.Value))
        {
            error(tag.Line, "a slot is named by one kebab-case string: {{slot \"reasons\" label=\"不予公开的理由\"}}");
            return;
        }
        if (!tag.Hash.TryGetValue("label", out var label) || label.Kind != TagArgumentKind.String || string.IsNullOrWhiteSpace(label.Value))
            error(tag.Line, $"slot '{name.Value}' needs a label=\"…\": the clerk sees it on the form and in the draft");
        foreach (var key in tag.Hash.Keys.Where(k => k is not ("label" or "multiline" or "optional")))
            error(tag.Line, $"slot '{name.Value}' has an unknown option '{key}' (label, multiline, optional)");
        var text = label?.Value;
        if (labels.TryGetValue(name.Value, out var earlier) && earlier != text)
            error(tag.Line, $"slot '{name.Value}' is used again with another label (“{earlier}” and “{text}”)");
        labels.TryAdd(name.Value, text);
    }

    /// <summary>
    /// The required elements of DOMAIN.md §5, checked on the letter a given outcome gets (outcome sections resolved).
    /// </summary>
    void CheckElements(LetterTemplate template, DocumentType document, Outcome? outcome, bool answers, Action<int, string> error)
    {
        var outline = TemplateOutline.For(template, outcome?.Code);
        var forOutcome = outcome is null ? "" : $" (outcome '{outcome.Code}')";
        var isLetter = !NotLetters.Contains(document.Id);

        ElementUse? Required(LetterElement element, string why)
        {
            var uses = outline.Elements.Where(e => e.Element == element).ToList();
            if (uses.Count == 0)
            {
                error(template.BodyLine, $"missing element {{{{#{element.Name}}}}} {element.Label}{forOutcome}: {why}");
                return null;
            }
            if (uses.All(u => u.Conditional))
                error(uses[0].Block.Line, $"element {{{{#{element.Name}}}}} {element.Label} is inside a condition: a letter could go out without it");
            return uses[0];
        }
        ElementUse? Optional(LetterElement element) => outline.Elements.FirstOrDefault(e => e.Element == element);

        // The document title (DOMAIN.md §5: "the agency's name and the document title"; 党政机关公文处理工作条例第9条).
        // The catalog's qualifier in brackets (征求意见书（第三方）) tells two documents apart; the printed title need not carry it.
        var printedTitle = TitleQualifier().Replace(document.Title, "");
        if (document.Id != "envelope" && Required(LetterElements.Title, $"the title, containing “{printedTitle}”") is { } title
            && !LiteralText(title.Block).Contains(printedTitle, StringComparison.Ordinal))
            error(title.Block.Line, $"the title should contain “{printedTitle}” ({documents.SourceName})");

        if (isLetter)
        {
            if (Required(LetterElements.Heading, "the issuing agency, {{agency.name}}") is { } heading)
                RequireField(heading, "agency.name", error);
            if (Required(LetterElements.Addressee, "whom the letter is addressed to, {{applicant.name}}") is { } addressee
                && !PrintsField(addressee.Block, "applicant.name") && !PrintsField(addressee.Block, "recipient.name"))
                error(addressee.Block.Line, "the addressee should print {{applicant.name}} (or {{recipient.name}} for a third party or another agency)");
            if (Required(LetterElements.Seal, "the seal, {{agency.sealText}}") is { } seal)
                RequireField(seal, "agency.sealText", error);
            if (Required(LetterElements.Dateline, "the date of the letter, {{date letter.issuedOn}}") is { } dateline)
                RequireField(dateline, "letter.issuedOn", error);
        }

        if (answers)
        {
            // A reply is an administrative act (DOMAIN.md §5; 党政机关公文处理工作条例第9条 发文字号).
            if (Required(LetterElements.Number, "the 文号, {{letter.number}}") is { } number)
                RequireField(number, "letter.number", error);
            // 条例第31条: the date of receipt starts the reply period; the recital states it.
            Required(LetterElements.Recital, "“本机关于{{date case.receivedOn}}收到您（单位）……的政府信息公开申请”");
            Required(LetterElements.Decision, "what the agency decided on the request (条例第36条)");
            if (outcome is { RequiresReasons: true })
                Required(LetterElements.Reasons, $"outcome '{outcome.Code}' refuses {(outcome.Refusal == RefusalKind.Partial ? "part of " : "")}the request, so the letter states the reasons (条例第36条（三）、第37条)");
            // 'basis: none' (allowed only for an outcome that refuses nothing and has no article, e.g. a withdrawal)
            // leaves the letter without a legal-basis paragraph; every other answer cites its article.
            if (outcome?.Basis is not null || template.Header.Basis.Count > 0)
                Required(LetterElements.Basis, $"the legal basis, article and item: {string.Join("、", (outcome?.Basis is { } ob ? StatuteCitation.Split(ob) : template.Header.Basis).Select(r => StatuteCitation.ToChinese(r) ?? r))}");
            Required(LetterElements.Remedies, "the remedies clause: 行政复议 within 60日 to {{agency.reviewBody}} (行政复议法第20条) or 行政诉讼 within 6个月 to {{agency.court}} (行政诉讼法第46条)");
        }
        else if (document.Basis is not null)
            Required(LetterElements.Basis, $"the article the letter is issued under: {document.Basis}");

        if (Optional(LetterElements.Recital) is { } recital)
        {
            if (!PrintsField(recital.Block, "case.receivedOn"))
                error(recital.Block.Line, "the recital should state the date of receipt, {{date case.receivedOn}} (条例第31条)");
            var text = LiteralText(recital.Block);
            if (!text.Contains("收到", StringComparison.Ordinal) || !text.Contains("政府信息公开申请", StringComparison.Ordinal))
                error(recital.Block.Line, "the recital should read “本机关于……收到……的政府信息公开申请”");
        }

        if (Optional(LetterElements.Reasons) is { } reasons && outcome is { RequiresReasons: true }
            && !Slots(reasons.Block).Any(s => !s.Optional))
            error(reasons.Block.Line, "the reasons element should hold a slot the clerk must fill: the reasons are particular to each case");

        if (Optional(LetterElements.Basis) is { } basis)
        {
            var text = LiteralText(basis.Block);
            if (!text.Contains(Statute, StringComparison.Ordinal))
                error(basis.Block.Line, $"the legal basis should name {Statute}");
            var references = answers
                ? outcome?.Basis is { } b ? StatuteCitation.Split(b) : template.Header.Basis
                : document.Basis is { } d ? StatuteCitation.Split(d) : [];
            foreach (var reference in references)
                if (StatuteCitation.ToChinese(reference) is { } cited && !text.Contains(cited, StringComparison.Ordinal))
                    error(basis.Block.Line, $"the legal basis should cite {cited} ({reference}){forOutcome}");
            LockedText(basis, "the legal basis", error);
        }

        if (Optional(LetterElements.Remedies) is { } remedies)
        {
            // 行政复议法第20条 (60日), 行政诉讼法第46条 (6个月); 复议机关 per 行政复议法第24条、第27条 (agency settings).
            var text = LiteralText(remedies.Block);
            foreach (var (words, why) in new[]
                     {
                         ("行政复议", "the right to apply for 行政复议"),
                         ("60日", "the 60日 of 行政复议法第20条"),
                         ("行政诉讼", "the right to bring 行政诉讼"),
                         ("6个月", "the 6个月 of 行政诉讼法第46条"),
                     })
                if (!text.Contains(words, StringComparison.Ordinal))
                    error(remedies.Block.Line, $"the remedies clause should state {why} (“{words}”)");
            if (!PrintsField(remedies.Block, "agency.reviewBody"))
                error(remedies.Block.Line, "the remedies clause should name the 复议机关, {{agency.reviewBody}} (本级人民政府, or the 上一级主管部门 of a vertical agency)");
            if (!PrintsField(remedies.Block, "agency.court"))
                error(remedies.Block.Line, "the remedies clause should name the court, {{agency.court}}");
            LockedText(remedies, "the remedies clause", error);
        }
    }

    static void RequireField(ElementUse element, string path, Action<int, string> error)
    {
        if (!PrintsField(element.Block, path))
            error(element.Block.Line, $"element {{{{#{element.Element.Name}}}}} should print {{{{{(LetterFields.Find(path)?.Kind == LetterFieldKind.Date ? "date " : "")}{path}}}}}");
    }

    /// <summary>Statutory wording is locked: no slot, no condition inside it.</summary>
    static void LockedText(ElementUse element, string what, Action<int, string> error)
    {
        foreach (var (node, _) in TemplateSyntax.Walk(element.Block.Body))
        {
            if (node is TagNode { Name: "slot" } slot)
                error(slot.Line, $"{what} is statutory text: it holds no slot the clerk could change");
            if (node is BlockNode block && AllowedBlocks.Contains(block.Name))
                error(block.Line, $"{what} is statutory text: it is the same in every letter, without conditions");
        }
    }

    static bool PrintsField(BlockNode element, string path) =>
        TemplateSyntax.Walk(element.Body).Any(n => n.Node is TagNode tag
            && (tag.Name == path && tag.Params.Count == 0 || tag.Name == "date" && tag.Params is [{ Value: var p }] && p == path));

    static IEnumerable<SlotDeclaration> Slots(BlockNode element) =>
        TemplateSyntax.Walk(element.Body).Select(n => n.Node).OfType<TagNode>().Where(t => t.Name == "slot")
            .Select(t => new SlotDeclaration(t.Params.FirstOrDefault()?.Value ?? "", null, false,
                t.Hash.TryGetValue("optional", out var o) && o.Value == "true", t.Line, false, element));

    /// <summary>The element's own words, template line breaks removed (as the renderer removes them).</summary>
    static string LiteralText(BlockNode element) =>
        string.Concat(TemplateSyntax.Walk(element.Body).Select(n => n.Node).OfType<TextNode>()
            .Select(t => string.Concat(t.Text.Split('\n').Select(l => l.Trim()))));

    static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    [System.Text.RegularExpressions.GeneratedRegex("（[^（）]*）$")]
    private static partial System.Text.RegularExpressions.Regex TitleQualifier();

    static IReadOnlyList<DataFileError> Sorted(IEnumerable<DataFileError> errors) =>
        errors.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
}
