using DisclosureCases.Domain.DataFiles;
using YamlDotNet.RepresentationModel;

namespace DisclosureCases.Domain.Reviews;

/// <summary>The report category of 表四: 结果维持, 结果纠正, 其他结果 (and 尚未审结 for a case not yet decided).</summary>
public enum ReportCategory { Upheld, Corrected, Other }

/// <summary>One result of a 复议 decision or a court's judgment or ruling.</summary>
/// <param name="Code">Stored on the review case; kebab-case.</param>
/// <param name="Label">变更, 撤销, 撤销并责令重作 …</param>
/// <param name="Basis">The article it rests on, for the record.</param>
/// <param name="Kinds">Where it applies: 复议, 诉讼 or both.</param>
/// <param name="Category">The 表四 column it counts in (the common reading, kept as data).</param>
/// <param name="OrdersReply">The decision orders the agency to reply anew: the linked applications are reopened.</param>
public sealed record ReviewResult(string Code, string Label, string? Basis, IReadOnlySet<ReviewKind> Kinds, ReportCategory Category,
    bool OrdersReply, int Line);

/// <summary>The results of <c>workflows/review-results.yaml</c>, in file order (the order the result form offers).</summary>
public sealed class ReviewResultCatalog
{
    static readonly Dictionary<string, ReportCategory> Categories = new(StringComparer.Ordinal)
    {
        ["upheld"] = ReportCategory.Upheld,
        ["corrected"] = ReportCategory.Corrected,
        ["other"] = ReportCategory.Other,
    };

    static readonly Dictionary<string, ReviewKind> KindNames = new(StringComparer.Ordinal)
    {
        ["reconsideration"] = ReviewKind.Reconsideration,
        ["litigation"] = ReviewKind.Litigation,
    };

    readonly Dictionary<string, ReviewResult> _byCode;

    ReviewResultCatalog(IReadOnlyList<ReviewResult> results)
    {
        Results = results;
        _byCode = results.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<ReviewResult> Results { get; }

    public ReviewResult? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(code);

    /// <summary>The results a 复议 or a court may reach, in file order.</summary>
    public IEnumerable<ReviewResult> For(ReviewKind kind) => Results.Where(r => r.Kinds.Contains(kind));

    /// <summary>结果维持 / 结果纠正 / 其他结果, the column labels of 表四.</summary>
    public static string CategoryTitle(ReportCategory category) => category switch
    {
        ReportCategory.Upheld => "结果维持",
        ReportCategory.Corrected => "结果纠正",
        _ => "其他结果",
    };

    public static ReviewResultCatalog Load(string path) => Parse(File.ReadAllText(path), DataFileNames.SourceName(path));

    /// <summary>
    /// Checks: a top-level <c>results</c> list; each with a unique kebab-case <c>code</c>, a <c>label</c>, <c>applies</c>
    /// (reconsideration and/or litigation), <c>report</c> (upheld, corrected, other); optional <c>basis</c> and
    /// <c>ordersReply</c>; no unknown keys.
    /// </summary>
    /// <exception cref="DataFileException">Every problem found, each with its line.</exception>
    public static ReviewResultCatalog Parse(string text, string sourceName)
    {
        var reader = new YamlDataReader(sourceName);
        var results = new List<ReviewResult>();
        if (reader.LoadRoot(text, "results") is { } root)
        {
            foreach (var node in root.List("results"))
            {
                if (reader.Map(node, "a result", "code", "label", "basis", "applies", "report", "ordersReply") is not { } map) continue;
                var code = map.RequiredString("code");
                var what = code is null ? "a result" : $"result '{code}'";
                if (code is not null && !YamlDataReader.IsKebab(code))
                    reader.Error(map.Blame("code"), $"result code '{code}' should be kebab-case");
                if (code is not null && results.Any(r => r.Code == code))
                    reader.Error(map.Blame("code"), $"result '{code}' is listed twice");
                var label = map.RequiredString("label");
                var kinds = new HashSet<ReviewKind>();
                foreach (var (value, at) in map.OneOrMany("applies"))
                    if (KindNames.TryGetValue(value, out var k)) kinds.Add(k);
                    else reader.Error(at, $"'applies' of {what} should be reconsideration or litigation, not '{value}'");
                if (kinds.Count == 0 && map.Has("applies") is false)
                    reader.Error(map.Node, $"{what} is missing 'applies' (reconsideration, litigation)");
                ReportCategory? category = null;
                if (map.RequiredString("report") is { } report)
                {
                    if (Categories.TryGetValue(report, out var c)) category = c;
                    else reader.Error(map.Blame("report"), $"'report' of {what} should be upheld, corrected or other, not '{report}'");
                }
                var ordersReply = map.Bool("ordersReply", false);
                if (code is not null && label is not null && category is not null && kinds.Count > 0)
                    results.Add(new ReviewResult(code, label, map.String("basis"), kinds, category.Value, ordersReply, map.Line));
            }
            if (results.Count == 0 && reader.Errors.Count == 0)
                reader.Error(root.Blame("results"), "the file lists no results under 'results:'");
        }
        reader.ThrowIfAny();
        return new ReviewResultCatalog(results);
    }
}
