using DisclosureCases.Data;
using DisclosureCases.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Reports;

/// <summary>
/// 表四 (政府信息公开行政复议、行政诉讼情况) counted from the registered 复议诉讼 cases:
/// <list type="bullet">
/// <item>a case concluded in the year (decision, judgment or ruling dated in it) counts in the column its result maps to
/// in <c>workflows/review-results.yaml</c> (结果维持, 结果纠正, 其他结果);</item>
/// <item>a case filed in the year and not concluded by 31 December counts as 尚未审结;</item>
/// <item>a lawsuit counts once, as its first instance, split into 未经复议直接起诉 and 复议后起诉; when it was appealed the
/// appeal's decision concludes it.</item>
/// </list>
/// </summary>
public static class ReviewTable
{
    public const string Note =
        "表四按本系统登记的复议、诉讼案件计数：本年作出决定（判决、裁定）的按结果计入结果维持、结果纠正或其他结果；" +
        "本年收到、年底尚未审结的计入尚未审结；行政诉讼按一审案件计数，上诉的以二审结果为准。";

    public static async Task<List<ReviewReportRow>> CountAsync(DisclosureDbContext db, ReviewResultCatalog results, int year, int? agencyId,
        CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var query = db.ReviewCases.AsNoTracking();
        if (agencyId is { } id) query = query.Where(r => r.AgencyId == id);
        // Few cases per agency and year: read the candidates and count them here.
        var all = await query.Where(r => r.FiledOn <= end)
            .Select(r => new { r.Id, r.Kind, r.Instance, r.AfterReconsideration, r.PreviousId, r.FiledOn, r.DecidedOn, r.Result })
            .ToListAsync(ct);
        var appeals = all.Where(r => r.Instance == ReviewInstance.Appeal && r.PreviousId is not null).ToLookup(r => r.PreviousId!.Value);
        var columns = AnnualReportFormat.ReviewColumns.Count;
        int[] review = new int[columns], direct = new int[columns], after = new int[columns];
        foreach (var r in all.Where(r => r.Instance == ReviewInstance.First))
        {
            var final = appeals[r.Id].OrderBy(a => a.Id).LastOrDefault() is { } appeal
                ? (appeal.DecidedOn, appeal.Result)
                : (r.DecidedOn, r.Result);
            int? column = final.DecidedOn is { } decided && decided >= start && decided <= end
                ? (int)(results.Find(final.Result)?.Category ?? ReportCategory.Other)
                : r.FiledOn >= start && (final.DecidedOn is null || final.DecidedOn > end) ? 3 : null;
            if (column is not { } c) continue;
            var figures = r.Kind == ReviewKind.Reconsideration ? review : r.AfterReconsideration ? after : direct;
            figures[c]++;
            figures[columns - 1]++;
        }
        return
        [
            new(AnnualReportFormat.Review, null, review),
            new(AnnualReportFormat.Litigation, AnnualReportFormat.DirectSuit, direct),
            new(AnnualReportFormat.Litigation, AnnualReportFormat.SuitAfterReview, after),
        ];
    }
}
