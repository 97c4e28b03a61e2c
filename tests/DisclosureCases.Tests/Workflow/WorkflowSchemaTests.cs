using System.Text.Json;
using DisclosureCases.Tests.Support;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Workflow;

/// <summary>
/// workflows/schema/workflow.schema.json documents the format for people and editors; the loader is the authority.
/// These facts keep the two from drifting apart.
/// </summary>
public class WorkflowSchemaTests
{
    static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Workflows, "schema", "workflow.schema.json"))).RootElement;

    static JsonElement Def(string name) => Schema.GetProperty("$defs").GetProperty(name);

    static string[] PropertyNames(JsonElement element) =>
        element.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();

    static string[] Enum(JsonElement element) => element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void The_schema_documents_exactly_the_keys_the_loader_accepts()
    {
        PropertyNames(Schema).ShouldBe(WorkflowLoader.TopKeys, ignoreOrder: true);
        PropertyNames(Def("state")).ShouldBe(WorkflowLoader.StateKeys, ignoreOrder: true);
        PropertyNames(Def("transition")).ShouldBe(WorkflowLoader.TransitionKeys, ignoreOrder: true);
        PropertyNames(Def("field")).ShouldBe(WorkflowLoader.FieldKeys, ignoreOrder: true);
        PropertyNames(Def("field").GetProperty("properties").GetProperty("options").GetProperty("items")).ShouldBe(WorkflowLoader.OptionKeys, ignoreOrder: true);
        PropertyNames(Def("guard")).ShouldBe(WorkflowLoader.GuardKeys, ignoreOrder: true);
        PropertyNames(Def("when")).ShouldBe(WorkflowLoader.WhenKeys, ignoreOrder: true);

        var effects = Def("effect").GetProperty("oneOf").EnumerateArray().ToList();
        effects.Where(e => e.TryGetProperty("const", out _)).Select(e => e.GetProperty("const").GetString())
            .ShouldBe(WorkflowLoader.PlainEffects, ignoreOrder: true);
        foreach (var (kind, keys) in WorkflowLoader.EffectKeys)
            PropertyNames(effects.Single(e => e.TryGetProperty("required", out var r) && r[0].GetString() == kind))
                .ShouldBe(keys, ignoreOrder: true, kind);
    }

    [Fact]
    public void The_schema_lists_the_same_kinds_types_rules_and_standard_names_as_the_code()
    {
        Enum(Def("state").GetProperty("properties").GetProperty("kind")).ShouldBe(WorkflowLoader.StateKinds.Keys, ignoreOrder: true);
        Enum(Def("state").GetProperty("properties").GetProperty("deadlines").GetProperty("items"))
            .ShouldBe(WorkflowVocabulary.StandardDeadlines, ignoreOrder: true);
        Enum(Def("field").GetProperty("properties").GetProperty("type")).ShouldBe(WorkflowLoader.FieldTypes.Keys, ignoreOrder: true);
        Enum(Def("field").GetProperty("properties").GetProperty("rules").GetProperty("items")).ShouldBe(WorkflowLoader.FieldRules.Keys, ignoreOrder: true);
        Enum(Def("transition").GetProperty("properties").GetProperty("roles").GetProperty("items"))
            .ShouldBe(WorkflowVocabulary.StandardRoles.Keys, ignoreOrder: true);
        var clock = Def("effect").GetProperty("oneOf").EnumerateArray()
            .Single(e => e.TryGetProperty("required", out var r) && r[0].GetString() == "clock");
        Enum(clock.GetProperty("properties").GetProperty("clock")).ShouldBe(WorkflowVocabulary.StandardClockEvents, ignoreOrder: true);
    }
}
