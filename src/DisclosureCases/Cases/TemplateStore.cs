using System.Collections.Concurrent;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.DataFiles;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Letters;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// Parsed template versions, shared by every request. A stored version's text never changes, so (id, version, hash)
/// identifies one parse for the life of the process (and keeps the compiled Handlebars delegate with it).
/// </summary>
public sealed class TemplateCache
{
    readonly ConcurrentDictionary<(string Id, int Version, string Hash), LetterTemplate> parsed = new();

    /// <exception cref="DataFileException">The stored text does not read as a template (it did when it was stored).</exception>
    public LetterTemplate Get(StoredTemplateVersion version) =>
        parsed.GetOrAdd((version.TemplateId, version.Version, version.Hash), _ => version.ToVersion().Template());

    public LetterTemplate? Find(string id, int version, string hash) => parsed.GetValueOrDefault((id, version, hash));
}

/// <summary>Something about a template file noticed at start-up, shown on the template library screen.</summary>
public sealed record TemplateFileNotice(string TemplateId, int Version, string Message);

/// <summary>What start-up found in templates/ that it did not take as it is.</summary>
public sealed class TemplateFileReport(IReadOnlyList<TemplateFileNotice> notices)
{
    public IReadOnlyList<TemplateFileNotice> Notices { get; } = notices;

    public IEnumerable<TemplateFileNotice> For(string templateId) => Notices.Where(n => n.TemplateId == templateId);
}

/// <summary>The outcome of a change to the template library.</summary>
public abstract record TemplateChange
{
    public sealed record Done(StoredTemplateVersion Version) : TemplateChange;
    /// <summary>Nothing changed; <see cref="Reason"/> says why, <see cref="Lint"/> lists the linter's findings if they were the reason.</summary>
    public sealed record Refused(string Reason, IReadOnlyList<DataFileError> Lint) : TemplateChange;
    public sealed record NotFound : TemplateChange;
}

/// <summary>
/// The template library as the application uses it: the versions in the database, of which only approved ones make new
/// letters (the newest approved version of each template is its current one), and the rules of changing it
/// (<see cref="TemplateHistory"/>: the next version number, one open proposal, lint-clean approval, four eyes).
/// </summary>
public sealed class TemplateStore(DisclosureDbContext db, TemplateCache cache, TemplateLinter linter, TimeProvider time)
{
    /// <summary>Every stored version, by template and version.</summary>
    public async Task<IReadOnlyList<StoredTemplateVersion>> AllAsync(CancellationToken ct) =>
        await db.TemplateVersions.AsNoTracking().OrderBy(v => v.TemplateId).ThenBy(v => v.Version).ToListAsync(ct);

    public async Task<IReadOnlyList<StoredTemplateVersion>> VersionsAsync(string id, CancellationToken ct) =>
        await db.TemplateVersions.AsNoTracking().Where(v => v.TemplateId == id).OrderBy(v => v.Version).ToListAsync(ct);

    public async Task<StoredTemplateVersion?> VersionAsync(string id, int version, CancellationToken ct) =>
        await db.TemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.TemplateId == id && v.Version == version, ct);

    /// <summary>The newest approved version of every template: the library new letters are made from.</summary>
    public async Task<TemplateLibrary> CurrentLibraryAsync(CancellationToken ct)
    {
        var keys = await db.TemplateVersions.AsNoTracking().Where(v => v.Approval == TemplateApproval.Approved)
            .Select(v => new { v.TemplateId, v.Version, v.Hash }).ToListAsync(ct);
        var newest = keys.GroupBy(k => k.TemplateId).Select(g => g.MaxBy(k => k.Version)!).ToList();
        var templates = new List<LetterTemplate>();
        var missing = new List<(string Id, int Version)>();
        foreach (var key in newest)
        {
            if (cache.Find(key.TemplateId, key.Version, key.Hash) is { } known) templates.Add(known);
            else missing.Add((key.TemplateId, key.Version));
        }
        foreach (var key in missing)
            templates.Add(cache.Get(await db.TemplateVersions.AsNoTracking().SingleAsync(v => v.TemplateId == key.Id && v.Version == key.Version, ct)));
        return new TemplateLibrary(templates);
    }

    /// <summary>The current (newest approved) template for a letter of <paramref name="document"/> answering <paramref name="outcome"/>.</summary>
    public async Task<LetterTemplate?> ForLetterAsync(DocumentType document, string? outcome, CancellationToken ct) =>
        (await CurrentLibraryAsync(ct)).ForLetter(document, outcome);

    /// <summary>The exact versions some letters were made from, to render them again.</summary>
    public async Task<ITemplateSource> SourceAsync(IEnumerable<(string Id, int Version)> wanted, CancellationToken ct)
    {
        var versions = new List<TemplateVersion>();
        foreach (var (id, version) in wanted.Distinct())
            if (await VersionAsync(id, version, ct) is { } stored) versions.Add(stored.ToVersion());
        return new CachedSource(versions.ToDictionary(v => (v.Id, v.Version)), cache);
    }

    /// <summary>A stored version as a template (parsed once per process).</summary>
    public LetterTemplate Parse(StoredTemplateVersion version) => cache.Get(version);

    /// <summary>What the linter finds in a text for template <paramref name="id"/> (DOMAIN.md §5, templates/README.md).</summary>
    public IReadOnlyList<DataFileError> Lint(string id, string content) => linter.Check(content, id, SourceName(id));

    public static string SourceName(string id) => $"templates/{id}{LetterTemplate.Extension}";

    /// <summary>Who may propose, approve and return template versions.</summary>
    public static bool MayCurate(Actor actor) => actor.IsIn(Roles.LegalReviewer) || actor.IsIn(Roles.Admin);

    /// <summary>Records <paramref name="content"/> as the next version of template <paramref name="id"/>, waiting for review.</summary>
    public async Task<TemplateChange> ProposeAsync(string id, string content, Actor actor, CancellationToken ct)
    {
        if (!MayCurate(actor)) return new TemplateChange.Refused("只有法制审核人员或管理员可以修改模板", []);
        var stored = await VersionsAsync(id, ct);
        if (stored.Count == 0) return new TemplateChange.NotFound();
        content = content.ReplaceLineEndings("\n");
        var lint = Lint(id, content);
        if (lint.Count > 0)
            return new TemplateChange.Refused($"模板检查未通过（{lint.Count} 个问题），请修改后再提交", lint);
        TemplateVersion proposal;
        try
        {
            proposal = new TemplateHistory(id, stored.Select(s => s.ToVersion())).Propose(content, actor.UserId, time.GetUtcNow());
        }
        catch (TemplateVersionException e)
        {
            return new TemplateChange.Refused(e.Message, []);
        }
        var row = new StoredTemplateVersion
        {
            TemplateId = id, Version = proposal.Version, Hash = proposal.Hash, Content = proposal.Content,
            Approval = proposal.Approval, AuthorId = actor.UserId, AuthorName = actor.Name, ProposedAt = proposal.ProposedAt,
        };
        db.TemplateVersions.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new TemplateChange.Refused($"第{proposal.Version}版刚刚已由他人提交，请刷新后查看", []);
        }
        return new TemplateChange.Done(row);
    }

    /// <summary>Approves the open proposal: from now on new letters of this template use it.</summary>
    public Task<TemplateChange> ApproveAsync(string id, int version, Actor actor, CancellationToken ct) =>
        ReviewAsync(id, version, actor, ct, (history, at) =>
        {
            var proposal = history.Versions.First(v => v.Version == version);
            return history.Approve(version, actor.UserId, at, Lint(id, proposal.Content));
        });

    /// <summary>Returns the open proposal to its author with a comment; it is kept in the history and never used.</summary>
    public Task<TemplateChange> ReturnAsync(string id, int version, string? comment, Actor actor, CancellationToken ct) =>
        ReviewAsync(id, version, actor, ct, (history, at) => history.Return(version, actor.UserId, at, comment ?? ""));

    async Task<TemplateChange> ReviewAsync(string id, int version, Actor actor, CancellationToken ct, Func<TemplateHistory, DateTimeOffset, TemplateVersion> decide)
    {
        if (!MayCurate(actor)) return new TemplateChange.Refused("只有法制审核人员或管理员可以审核模板", []);
        var rows = await db.TemplateVersions.Where(v => v.TemplateId == id).OrderBy(v => v.Version).ToListAsync(ct);
        var row = rows.FirstOrDefault(v => v.Version == version);
        if (row is null) return new TemplateChange.NotFound();
        TemplateVersion decided;
        try
        {
            decided = decide(new TemplateHistory(id, rows.Select(r => r.ToVersion())), time.GetUtcNow());
        }
        catch (TemplateVersionException e)
        {
            var lint = e.Message.StartsWith("模板检查未通过", StringComparison.Ordinal) ? Lint(id, row.Content) : [];
            return new TemplateChange.Refused(e.Message, lint);
        }
        row.Approval = decided.Approval;
        row.ReviewerId = actor.UserId;
        row.ReviewerName = actor.Name;
        row.ReviewedAt = decided.ReviewedAt;
        row.ReviewComment = decided.ReviewComment;
        row.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new TemplateChange.Refused($"第{version}版刚刚已由他人审核，请刷新后查看", []);
        }
        return new TemplateChange.Done(row);
    }

    /// <summary>
    /// Start-up: every templates/*.hbs is stored as an approved version (its header's <c>version</c>) unless that version
    /// is stored already. The files were reviewed like code, so they arrive approved; a file that fails the linter is not
    /// taken (letters go on with the last approved version) and is reported. A stored version is immutable: a file whose
    /// text differs from the stored version of the same number is not taken either — the stored text stays in use, and
    /// the difference is logged and shown on the library screen (the same rule as published workflow versions; raise
    /// <c>version</c> to publish a change).
    /// </summary>
    public static async Task<TemplateFileReport> SeedAsync(Database database, AppPaths paths, TemplateLinter linter, TimeProvider time,
        ILogger log, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.All);
        var stored = await db.TemplateVersions.ToListAsync(ct);
        var notices = new List<TemplateFileNotice>();
        var now = time.GetUtcNow();
        foreach (var path in TemplateLibrary.Files(paths.Templates))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            var source = DataFileNames.SourceName(path);
            var content = (await File.ReadAllTextAsync(path, ct)).TrimStart('\uFEFF').ReplaceLineEndings("\n");
            var (template, _) = LetterTemplate.Read(content, id, source);
            var lint = linter.Check(content, id, source);
            if (template is null)
            {
                notices.Add(new TemplateFileNotice(id, 0, $"{source} 无法读取，未载入：{string.Join("；", lint.Take(3))}"));
                log.LogError("Template file {Source} cannot be read and was not loaded: {Problems}", source, string.Join("; ", lint));
                continue;
            }
            var existing = stored.FirstOrDefault(s => s.TemplateId == id && s.Version == template.Version);
            if (existing is null)
            {
                if (lint.Count > 0)
                {
                    notices.Add(new TemplateFileNotice(id, template.Version,
                        $"{source} 第{template.Version}版未通过模板检查，未载入（仍使用已审定的版本）：{string.Join("；", lint.Take(3))}"));
                    log.LogError("Template file {Source} version {Version} fails the linter and was not loaded: {Problems}", source, template.Version, string.Join("; ", lint));
                    continue;
                }
                var row = new StoredTemplateVersion
                {
                    TemplateId = id, Version = template.Version, Hash = template.Hash, Content = content,
                    Approval = TemplateApproval.Approved, FromFile = true,
                    AuthorId = StoredTemplateVersion.FileAuthor, AuthorName = source, ProposedAt = now,
                    ReviewerName = "随程序发布（代码评审）", ReviewedAt = now,
                };
                db.TemplateVersions.Add(row);
                stored.Add(row);
            }
            else if (existing.Hash != template.Hash)
            {
                var kept = existing.Approval switch
                {
                    TemplateApproval.Approved => "系统继续使用已审定的文本",
                    TemplateApproval.Draft => "该版本号已被模板库中待审核的修改占用",
                    _ => "该版本号已被模板库中退回的修改占用",
                };
                notices.Add(new TemplateFileNotice(id, template.Version,
                    $"{source} 第{template.Version}版与系统中存储的第{template.Version}版不同，文件未载入：{kept}。要采用文件中的修改，请提高文件的 version。"));
                log.LogWarning("Template file {Source} version {Version} differs from the stored version {Version} (hash {Stored} vs {File}); the stored text is kept. Raise 'version' to publish the change.",
                    source, template.Version, template.Version, existing.Hash[..12], template.Hash[..12]);
            }
        }
        await db.SaveChangesAsync(ct);
        return new TemplateFileReport(notices);
    }

    sealed class CachedSource(Dictionary<(string, int), TemplateVersion> versions, TemplateCache cache) : ITemplateSource
    {
        public LetterTemplate? Find(string id, int version) =>
            versions.TryGetValue((id, version), out var v)
                ? cache.Find(v.Id, v.Version, v.Hash) ?? cache.Get(new StoredTemplateVersion { TemplateId = v.Id, Version = v.Version, Hash = v.Hash, Content = v.Content })
                : null;
    }
}
