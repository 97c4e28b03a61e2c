using DisclosureCases.Domain.DataFiles;

namespace DisclosureCases.Letters;

/// <summary>Where a template version stands in review. Only an approved version is used for new letters.</summary>
public enum TemplateApproval
{
    /// <summary>Proposed, waiting for a 法制审核人员.</summary>
    Draft,
    Approved,
    /// <summary>Sent back with a comment; kept in the history, never used.</summary>
    Returned,
}

/// <summary>
/// One version of one template, as the library screens show and the database will keep it: the exact text, its hash
/// (what letters record, <see cref="MergedLetter.TemplateHash"/>), who proposed it and who approved or returned it.
/// The text of a version never changes; a change is a new version.
/// </summary>
public sealed record TemplateVersion(
    string Id,
    int Version,
    string Hash,
    string Content,
    TemplateApproval Approval,
    string Author,
    DateTimeOffset ProposedAt,
    string? Reviewer = null,
    DateTimeOffset? ReviewedAt = null,
    string? ReviewComment = null)
{
    public bool Approved => Approval == TemplateApproval.Approved;

    /// <summary>The template this version's text makes (the id is the version's; errors name it as templates/ID.hbs).</summary>
    /// <exception cref="DataFileException">The text does not read as a template.</exception>
    public LetterTemplate Template() => LetterTemplate.Parse(Content, Id, $"templates/{Id}{LetterTemplate.Extension}");
}

/// <summary>A template change was refused; the message says why in words for the library screen.</summary>
public sealed class TemplateVersionException(string message) : Exception(message);

/// <summary>
/// The versions of one template and the rules of changing it (pure: the web layer loads the versions, calls one method,
/// saves the version it returns):
/// a proposal is the next version number and must differ from the last version; only one proposal is open at a time;
/// a proposal that fails the linter cannot be approved; the reviewer is not the author; a returned proposal needs a comment.
/// </summary>
public sealed class TemplateHistory
{
    readonly List<TemplateVersion> versions;

    public TemplateHistory(string id, IEnumerable<TemplateVersion> versions)
    {
        Id = id;
        this.versions = versions.OrderBy(v => v.Version).ToList();
        if (this.versions.Any(v => v.Id != id))
            throw new ArgumentException($"all versions should belong to template '{id}'", nameof(versions));
        if (this.versions.Select(v => v.Version).Distinct().Count() != this.versions.Count)
            throw new ArgumentException($"template '{id}' has a version number twice", nameof(versions));
    }

    public string Id { get; }
    public IReadOnlyList<TemplateVersion> Versions => versions;

    /// <summary>The newest approved version: the one new letters are merged from.</summary>
    public TemplateVersion? Current => versions.LastOrDefault(v => v.Approved);

    /// <summary>The proposal waiting for review, if any.</summary>
    public TemplateVersion? Open => versions.FirstOrDefault(v => v.Approval == TemplateApproval.Draft);

    /// <summary>
    /// Records a new proposed version. Its header must carry the next version number, so that the file and the history
    /// agree on what version a letter was made from.
    /// </summary>
    /// <exception cref="TemplateVersionException">A proposal is already open, the version number is not the next one, or nothing changed.</exception>
    public TemplateVersion Propose(string content, string author, DateTimeOffset at)
    {
        if (Open is { } open)
            throw new TemplateVersionException($"第{open.Version}版尚待审核，审核通过或退回后才能提交新的版本");
        var next = versions.Count == 0 ? 1 : versions[^1].Version + 1;
        var (template, errors) = LetterTemplate.Read(content, Id, $"templates/{Id}{LetterTemplate.Extension}");
        if (template is null)
            throw new TemplateVersionException("模板头部无法读取：" + string.Join("；", errors));
        if (template.Version != next)
            throw new TemplateVersionException($"新版本的 version 应为 {next}（模板头部写的是 {template.Version}）");
        if (versions.Count > 0 && versions[^1].Hash == template.Hash)
            throw new TemplateVersionException("内容与上一版相同，无需提交");
        var version = new TemplateVersion(Id, next, template.Hash, content, TemplateApproval.Draft, author, at);
        versions.Add(version);
        return version;
    }

    /// <summary>Approves the open proposal.</summary>
    /// <param name="lintErrors">What <see cref="TemplateLinter"/> found in the proposal: approval needs none.</param>
    /// <exception cref="TemplateVersionException">No such open proposal, the reviewer wrote it, or it has lint errors.</exception>
    public TemplateVersion Approve(int version, string reviewer, DateTimeOffset at, IReadOnlyList<DataFileError> lintErrors)
    {
        var proposal = OpenVersion(version);
        if (string.Equals(proposal.Author, reviewer, StringComparison.Ordinal))
            throw new TemplateVersionException("起草人不能审核自己提交的版本");
        if (lintErrors.Count > 0)
            throw new TemplateVersionException($"模板检查未通过（{lintErrors.Count} 个问题），不能审核通过：{lintErrors[0]}");
        return Replace(proposal with { Approval = TemplateApproval.Approved, Reviewer = reviewer, ReviewedAt = at });
    }

    /// <summary>Returns the open proposal to its author.</summary>
    /// <exception cref="TemplateVersionException">No such open proposal, or no comment.</exception>
    public TemplateVersion Return(int version, string reviewer, DateTimeOffset at, string comment)
    {
        var proposal = OpenVersion(version);
        if (string.IsNullOrWhiteSpace(comment))
            throw new TemplateVersionException("退回时须写明审核意见");
        return Replace(proposal with { Approval = TemplateApproval.Returned, Reviewer = reviewer, ReviewedAt = at, ReviewComment = comment.Trim() });
    }

    /// <summary>What changed from one version to another, line by line.</summary>
    public IReadOnlyList<DiffLine> Diff(int from, int to) => TemplateDiff.Lines(Get(from).Content, Get(to).Content);

    TemplateVersion Get(int version) =>
        versions.FirstOrDefault(v => v.Version == version) ?? throw new TemplateVersionException($"模板 {Id} 没有第{version}版");

    TemplateVersion OpenVersion(int version)
    {
        var found = Get(version);
        if (found.Approval != TemplateApproval.Draft)
            throw new TemplateVersionException($"第{version}版已{(found.Approved ? "审核通过" : "退回")}，不能再审核");
        return found;
    }

    TemplateVersion Replace(TemplateVersion version)
    {
        versions[versions.FindIndex(v => v.Version == version.Version)] = version;
        return version;
    }
}

/// <summary>Template versions from storage as a <see cref="ITemplateSource"/>: re-renders a letter from the exact version it was made from.</summary>
public sealed class TemplateVersionSource(IEnumerable<TemplateVersion> versions) : ITemplateSource
{
    readonly Dictionary<(string, int), TemplateVersion> byKey = versions.ToDictionary(v => (v.Id, v.Version));
    readonly Dictionary<(string, int), LetterTemplate> parsed = [];

    public LetterTemplate? Find(string id, int version)
    {
        if (!byKey.TryGetValue((id, version), out var stored)) return null;
        if (!parsed.TryGetValue((id, version), out var template))
            parsed[(id, version)] = template = stored.Template();
        return template;
    }
}
