using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Letters;

/// <summary>The checkout's catalogs and templates, loaded once, and letter data for tests.</summary>
public static class Letters
{
    static readonly Lazy<DocumentCatalog> DocumentsValue = new(() => DocumentCatalog.Load(Path.Combine(RepoPaths.Templates, "catalog.yaml")));
    static readonly Lazy<OutcomeCatalog> OutcomesValue = new(() => OutcomeCatalog.Load(Path.Combine(RepoPaths.Workflows, "outcomes.yaml")));
    static readonly Lazy<TemplateLibrary> LibraryValue = new(() => TemplateLibrary.Load(RepoPaths.Templates));

    public static DocumentCatalog Documents => DocumentsValue.Value;
    public static OutcomeCatalog Outcomes => OutcomesValue.Value;
    public static TemplateLibrary Library => LibraryValue.Value;
    public static TemplateLinter Linter => new(Documents, Outcomes);

    public static LetterTemplate Template(string id) => Library.Find(id) ?? throw new InvalidOperationException($"no template {id}");

    /// <summary>Sample data for the outcome, with these slot values.</summary>
    public static LetterData SampleData(string? outcome, params (string Name, string Value)[] slots) =>
        SampleLetterData.For(outcome is null ? null : Outcomes.Find(outcome)).WithSlots(slots.ToDictionary(s => s.Name, s => s.Value));

    /// <summary>The reply to a refusal on behalf of a third party (第15条), reasons filled in.</summary>
    public static LetterData ThirdPartyRefusal(string reasons = "该合同载有受让人的商业秘密，经书面征求其意见，其不同意公开。") =>
        SampleData("withhold-third-party", ("reasons", reasons));
}
