using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Support;

/// <summary>The vocabulary the application composes: the standard names with the checkout's document and outcome catalogs.</summary>
public static class TestVocabulary
{
    public static OutcomeCatalog Outcomes { get; } = OutcomeCatalog.Load(Path.Combine(RepoPaths.Workflows, "outcomes.yaml"));
    public static DocumentCatalog Documents { get; } = DocumentCatalog.Load(Path.Combine(RepoPaths.Templates, "catalog.yaml"));
    public static WorkflowVocabulary Standard { get; } = WorkflowVocabulary.Standard(Documents.Ids, Outcomes.Codes);
}
