using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Tests.Support;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Cases;

/// <summary>Publishing workflow versions: immutable once published, pinned by cases, newest for new cases.</summary>
public sealed class WorkflowRegistryTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "disclosure-registry", Guid.NewGuid().ToString("N"));
    readonly Database _database;
    readonly WorkflowVocabulary _vocabulary;

    public WorkflowRegistryTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "workflows"));
        Directory.CreateDirectory(Path.Combine(_root, "templates"));
        File.Copy(Path.Combine(RepoPaths.Workflows, "application.yaml"), Path.Combine(_root, "workflows", "application.yaml"));
        _database = Database.Sqlite(Path.Combine(_root, "test.db"));
        _database.MigrateAsync().GetAwaiter().GetResult();
        _vocabulary = WorkflowVocabulary.Standard(
            DocumentCatalog.Load(Path.Combine(RepoPaths.Templates, "catalog.yaml")).Ids,
            OutcomeCatalog.Load(Path.Combine(RepoPaths.Workflows, "outcomes.yaml")).Codes);
    }

    Task<WorkflowRegistry> PublishAsync() =>
        WorkflowRegistry.PublishAsync(_database, new AppPaths(_root), _vocabulary, TimeProvider.System, CancellationToken.None);

    string DefinitionPath(string name = "application.yaml") => Path.Combine(_root, "workflows", name);

    [Fact]
    public async Task A_published_version_is_stored_and_found_by_its_hash()
    {
        var registry = await PublishAsync();
        var v1 = registry.Newest("application");
        registry.Get("application", v1.Version, v1.ContentHash).ShouldBeSameAs(v1);
        Should.Throw<InvalidOperationException>(() => registry.Get("application", v1.Version, new string('0', 64)));
    }

    [Fact]
    public async Task Editing_a_published_version_in_place_stops_the_start_naming_the_file_and_line()
    {
        await PublishAsync();
        await File.AppendAllTextAsync(DefinitionPath(), "\n# an innocent-looking edit\n");
        var error = await Should.ThrowAsync<WorkflowDefinitionException>(PublishAsync);
        error.Message.ShouldContain("workflows/application.yaml:");
        error.Message.ShouldContain("edited in place");
        error.Message.ShouldContain("raise 'version'");
    }

    [Fact]
    public async Task A_new_version_is_what_new_cases_start_on_while_the_old_one_stays_runnable()
    {
        var v1 = (await PublishAsync()).Newest("application");
        var text = await File.ReadAllTextAsync(DefinitionPath());
        await File.WriteAllTextAsync(DefinitionPath(), text.Replace("version: 1", "version: 2").Replace("title: 政府信息公开申请办理", "title: 政府信息公开申请办理（第二版）"));

        var registry = await PublishAsync();
        var newest = registry.Newest("application");
        newest.Version.ShouldBe(2);
        newest.Title.ShouldBe("政府信息公开申请办理（第二版）");
        // A case pinned to version 1 keeps running on the stored text of version 1, though its file is gone.
        registry.Get("application", 1, v1.ContentHash).Title.ShouldBe("政府信息公开申请办理");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
