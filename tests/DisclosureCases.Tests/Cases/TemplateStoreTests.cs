using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DisclosureCases.Tests.Cases;

/// <summary>Start-up seeding of templates/*.hbs: approved once, immutable afterwards, never taken when it fails the linter.</summary>
public sealed class TemplateStoreTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "disclosure-templates", Guid.NewGuid().ToString("N"));
    readonly Database _database;
    readonly TemplateLinter _linter = new(
        DocumentCatalog.Load(Path.Combine(RepoPaths.Templates, "catalog.yaml")),
        OutcomeCatalog.Load(Path.Combine(RepoPaths.Workflows, "outcomes.yaml")));

    public TemplateStoreTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "templates"));
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Templates))
            File.Copy(file, Path.Combine(_root, "templates", Path.GetFileName(file)));
        _database = Database.Sqlite(Path.Combine(_root, "test.db"));
        _database.MigrateAsync().GetAwaiter().GetResult();
    }

    Task<TemplateFileReport> SeedAsync() =>
        TemplateStore.SeedAsync(_database, new AppPaths(_root), _linter, TimeProvider.System, NullLogger.Instance, CancellationToken.None);

    string TemplatePath(string id) => Path.Combine(_root, "templates", id + LetterTemplate.Extension);

    async Task<List<StoredTemplateVersion>> StoredAsync(string id)
    {
        await using var db = _database.CreateContext(AgencyScope.All);
        return await db.TemplateVersions.Where(v => v.TemplateId == id).OrderBy(v => v.Version).ToListAsync();
    }

    [Fact]
    public async Task Every_template_file_is_stored_once_as_an_approved_version_from_the_file()
    {
        (await SeedAsync()).Notices.ShouldBeEmpty();
        (await SeedAsync()).Notices.ShouldBeEmpty();
        await using var db = _database.CreateContext(AgencyScope.All);
        var stored = await db.TemplateVersions.ToListAsync();
        stored.Count.ShouldBe(TemplateLibrary.Files(RepoPaths.Templates).Count);
        stored.ShouldAllBe(v => v.Approval == TemplateApproval.Approved && v.FromFile && v.AuthorId == StoredTemplateVersion.FileAuthor);
        var disclose = stored.Single(v => v.TemplateId == "reply-disclose");
        disclose.Hash.ShouldBe(LetterTemplate.Load(TemplatePath("reply-disclose")).Hash);
    }

    [Fact]
    public async Task A_file_edited_in_place_is_not_taken_the_stored_text_stays_and_the_difference_is_reported()
    {
        await SeedAsync();
        var before = (await StoredAsync("receipt")).Single();
        var text = await File.ReadAllTextAsync(TemplatePath("receipt"));
        await File.WriteAllTextAsync(TemplatePath("receipt"), text.Replace("上述日期为本机关收到申请之日", "上述日期为本机关收到您的申请之日"));

        var report = await SeedAsync();

        var notice = report.For("receipt").ShouldHaveSingleItem();
        notice.Message.ShouldContain("templates/receipt.hbs 第1版与系统中存储的第1版不同");
        notice.Message.ShouldContain("继续使用已审定的文本");
        notice.Message.ShouldContain("提高文件的 version");
        var after = (await StoredAsync("receipt")).Single();
        after.Hash.ShouldBe(before.Hash);
        after.Content.ShouldBe(before.Content);
    }

    [Fact]
    public async Task A_file_with_a_raised_version_becomes_the_next_approved_version_and_the_old_one_is_kept()
    {
        await SeedAsync();
        var text = await File.ReadAllTextAsync(TemplatePath("receipt"));
        await File.WriteAllTextAsync(TemplatePath("receipt"),
            text.Replace("version: 1", "version: 2").Replace("上述日期为本机关收到申请之日", "上述日期为本机关收到您的申请之日"));

        (await SeedAsync()).Notices.ShouldBeEmpty();

        var versions = await StoredAsync("receipt");
        versions.Select(v => v.Version).ShouldBe([1, 2]);
        versions[1].Content.ShouldContain("收到您的申请之日");
        versions.ShouldAllBe(v => v.Approval == TemplateApproval.Approved);
    }

    [Fact]
    public async Task A_new_file_version_that_fails_the_linter_is_not_taken_and_the_last_approved_one_stays_current()
    {
        await SeedAsync();
        var text = await File.ReadAllTextAsync(TemplatePath("reply-disclose"));
        // Without the remedies clause a reply must not be issuable (DOMAIN.md §5).
        var broken = text.Replace("version: 1", "version: 2");
        broken = broken[..broken.IndexOf("{{#remedies}}", StringComparison.Ordinal)] + broken[(broken.IndexOf("{{/remedies}}", StringComparison.Ordinal) + "{{/remedies}}".Length)..];
        await File.WriteAllTextAsync(TemplatePath("reply-disclose"), broken);

        var report = await SeedAsync();

        var notice = report.For("reply-disclose").ShouldHaveSingleItem();
        notice.Message.ShouldContain("第2版未通过模板检查，未载入");
        notice.Message.ShouldContain("remedies");
        (await StoredAsync("reply-disclose")).Select(v => v.Version).ShouldBe([1]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
