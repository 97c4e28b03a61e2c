using DisclosureCases.Data;
using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// The published workflow versions. At start-up every definition file in <c>workflows/</c> is published: a new
/// (id, version) is stored verbatim; a stored one whose file now hashes differently stops the start-up (a published
/// version is immutable — raise <c>version</c> instead). Cases are pinned to (id, version, hash) and run on the stored
/// text of their version for ever; new cases take the highest version.
/// </summary>
public sealed class WorkflowRegistry
{
    readonly Dictionary<(string Id, int Version), WorkflowDefinition> _versions;

    WorkflowRegistry(Dictionary<(string, int), WorkflowDefinition> versions) => _versions = versions;

    public IEnumerable<WorkflowDefinition> All => _versions.Values;

    /// <summary>The version new cases of <paramref name="id"/> start on.</summary>
    public WorkflowDefinition Newest(string id) =>
        _versions.Values.Where(d => d.Id == id).MaxBy(d => d.Version)
        ?? throw new InvalidOperationException($"No workflow '{id}' is published.");

    /// <summary>The version a case is pinned to; the hash must match what the case recorded.</summary>
    public WorkflowDefinition Get(string id, int version, string hash)
    {
        if (!_versions.TryGetValue((id, version), out var d))
            throw new InvalidOperationException($"Workflow '{id}' version {version} is not published.");
        if (d.ContentHash != hash)
            throw new InvalidOperationException($"Workflow '{id}' version {version} has hash {d.ContentHash}, the case recorded {hash}.");
        return d;
    }

    public static async Task<WorkflowRegistry> PublishAsync(Database database, AppPaths paths, WorkflowVocabulary vocabulary, TimeProvider time, CancellationToken ct)
    {
        var files = WorkflowLoader.LoadDirectory(paths.Workflows, vocabulary);
        await using var db = database.CreateContext(AgencyScope.All);
        var stored = await db.WorkflowVersions.ToListAsync(ct);
        var edited = new List<DataFileError>();
        foreach (var file in files)
        {
            var existing = stored.FirstOrDefault(s => s.WorkflowId == file.Id && s.Version == file.Version);
            if (existing is null)
            {
                var text = await File.ReadAllTextAsync(Path.Combine(paths.Root, file.SourceName), ct);
                var row = new StoredWorkflowVersion
                {
                    WorkflowId = file.Id, Version = file.Version, ContentHash = file.ContentHash,
                    Content = text, SourceName = file.SourceName, PublishedAt = time.GetUtcNow(),
                };
                db.WorkflowVersions.Add(row);
                stored.Add(row);
            }
            else if (existing.ContentHash != file.ContentHash)
            {
                edited.Add(new DataFileError(file.SourceName, file.VersionLine,
                    $"workflow '{file.Id}' version {file.Version} was published on {existing.PublishedAt:yyyy-MM-dd} and cases are pinned to it, " +
                    "but this file has been edited in place since. Restore the published text, or raise 'version' to publish the change as a new version."));
            }
        }
        if (edited.Count > 0)
            throw new WorkflowDefinitionException(edited);
        await db.SaveChangesAsync(ct);

        var versions = new Dictionary<(string, int), WorkflowDefinition>();
        foreach (var row in stored)
            versions[(row.WorkflowId, row.Version)] = WorkflowLoader.Parse(row.Content, row.SourceName, vocabulary);
        return new WorkflowRegistry(versions);
    }
}
