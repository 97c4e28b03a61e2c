using System.Globalization;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Reports;

/// <summary>
/// Counts 表三 of the annual report for a year from the cases, in the database (grouped counts, never case by case).
/// <para>
/// What counts where (documented in docs/reports.md):
/// <list type="bullet">
/// <item>一、本年新收: 收到申请之日 (<see cref="Case.ReceivedOn"/>, 条例第31条) in the year.</item>
/// <item>二、上年结转: received before the year and not closed before it.</item>
/// <item>三、本年度办理结果: closed in the year — the reply or the closing decision (不再处理, 撤回) was issued in the year,
/// i.e. <see cref="Case.RepliedOn"/>, the date every closing transition records; not the day the file was archived, which
/// can fall into the next year for a December reply. One row per the outcome's report group and item
/// (<c>workflows/outcomes.yaml</c>), then （七）总计, the sum of those rows.</item>
/// <item>四、结转下年度继续办理: received on or before 31 December and not closed by then.</item>
/// </list>
/// With these definitions 一 + 二 = 三（七） + 四 in every column and this year's 二 is last year's 四, unless the data is
/// wrong: a case closed without a known outcome, a reply dated before receipt, an organisation without its kind. Each
/// such case is named in <see cref="AnnualReport.Problems"/>; none is silently moved to another row or column.
/// </para>
/// </summary>
public sealed class AnnualReportQuery(DisclosureDbContext db, OutcomeCatalog outcomes, Domain.Reviews.ReviewResultCatalog reviewResults)
{
    /// <summary>How many cases a problem lists (its count is always complete).</summary>
    public const int ListedCases = 50;

    /// <summary>How 表四 is counted (<see cref="ReviewTable"/>), printed under it.</summary>
    public const string Table4Note = ReviewTable.Note;

    enum Bucket { Received, CarriedOver, Closed, CarriedForward }

    sealed record Count(Bucket Bucket, string? Outcome, ApplicantKind Kind, OrganizationKind? Organization, int N);

    /// <param name="agencyId">One agency's cases; null for every agency the context can see (the command line's installation view).</param>
    /// <param name="scope">What the report covers, as printed in its heading (the agency's name, or 全部机关).</param>
    public async Task<AnnualReport> RunAsync(int year, int? agencyId, string scope, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var cases = db.Cases.AsNoTracking();
        if (agencyId is { } id) cases = cases.Where(c => c.AgencyId == id);

        // One pass over the cases that can count in the year, grouped by where their receipt (R) and reply (P) fall:
        // R 0 before the year, 1 in it, 2 after; P 0 before, 1 in, 2 after, 3 not replied. The four rows are sums of
        // these groups (a covering index, CaseConfiguration, keeps the pass off the table).
        var groups = await cases
            .Where(c => (c.ReceivedOn <= end && (c.RepliedOn == null || c.RepliedOn >= start || c.ReceivedOn >= start))
                || (c.RepliedOn >= start && c.RepliedOn <= end))
            .GroupBy(c => new
            {
                R = c.ReceivedOn < start ? 0 : c.ReceivedOn <= end ? 1 : 2,
                P = c.RepliedOn == null ? 3 : c.RepliedOn < start ? 0 : c.RepliedOn <= end ? 1 : 2,
                c.Outcome,
                c.Applicant.Kind,
                c.Applicant.OrganizationKind,
            })
            .Select(g => new { g.Key.R, g.Key.P, g.Key.Outcome, g.Key.Kind, g.Key.OrganizationKind, N = g.Count() })
            .ToListAsync(ct);
        var counts = new List<Count>();
        foreach (var g in groups)
        {
            if (g.R == 1) counts.Add(new Count(Bucket.Received, null, g.Kind, g.OrganizationKind, g.N));
            if (g.R == 0 && g.P is 1 or 2 or 3) counts.Add(new Count(Bucket.CarriedOver, null, g.Kind, g.OrganizationKind, g.N));
            if (g.P == 1) counts.Add(new Count(Bucket.Closed, g.Outcome, g.Kind, g.OrganizationKind, g.N));
            if (g.R <= 1 && g.P is 2 or 3) counts.Add(new Count(Bucket.CarriedForward, null, g.Kind, g.OrganizationKind, g.N));
        }
        // A reply dated before receipt counts in 一 or 三 of one year but not in the other.
        var anyBackwards = groups.Any(g => (g.R == 1 && g.P == 0) || (g.R == 2 && g.P == 1));

        var rows = Rows(counts);
        var problems = new List<ReportProblem>();
        var known = outcomes.Codes.ToList();

        if (counts.Any(c => c.Bucket == Bucket.Closed && (c.Outcome is null || outcomes.Find(c.Outcome) is null)))
            problems.Add(await ProblemAsync(
                "本年办结（答复日期在本年）但没有答复结果、或答复结果不在 workflows/outcomes.yaml 中的案件：不计入三、本年度办理结果的任何一行",
                cases.Where(c => c.RepliedOn >= start && c.RepliedOn <= end && (c.Outcome == null || !known.Contains(c.Outcome!))), ct));

        if (counts.Any(c => c.Kind == ApplicantKind.Organization && c.Organization is null))
            problems.Add(await ProblemAsync(
                "申请人为法人或其他组织但未登记其类别（商业企业、科研机构……）的案件：只计入“总计”列，各列之和因此小于总计",
                cases.Where(c => c.Applicant.Kind == ApplicantKind.Organization && c.Applicant.OrganizationKind == null
                    && c.ReceivedOn <= end && (c.RepliedOn == null || c.RepliedOn >= start)), ct));

        if (anyBackwards)
            problems.Add(await ProblemAsync(
                "答复日期早于收到申请日期的案件：本年的收案与办结因此对不上",
                cases.Where(c => c.RepliedOn < c.ReceivedOn
                    && ((c.ReceivedOn >= start && c.ReceivedOn <= end) != (c.RepliedOn >= start && c.RepliedOn <= end))), ct));

        var broken = InvariantBreaks(rows);
        if (broken.Count > 0)
            problems.Insert(0, new ReportProblem(
                $"一 + 二 ≠ 三（七） + 四：{string.Join("；", broken)}。原因见下列案件。",
                problems.Sum(p => p.CaseCount), problems.SelectMany(p => p.Cases).DistinctBy(c => c.Id).Take(ListedCases).ToList()));

        return new AnnualReport(year, scope, rows, await ReviewTable.CountAsync(db, reviewResults, year, agencyId, ct), Table4Note, problems);
    }

    List<AnnualReportRow> Rows(List<Count> counts)
    {
        int[] Sum(IEnumerable<Count> of)
        {
            var figures = new int[AnnualReportFormat.FigureColumns.Count];
            foreach (var c in of)
            {
                if (AnnualReportFormat.ColumnOf(c.Kind, c.Organization) is { } column) figures[column] += c.N;
                figures[AnnualReportFormat.TotalColumn] += c.N;
            }
            return figures;
        }

        var rows = new List<AnnualReportRow>
        {
            new(AnnualReportFormat.Received, null, null, Sum(counts.Where(c => c.Bucket == Bucket.Received))),
            new(AnnualReportFormat.CarriedOver, null, null, Sum(counts.Where(c => c.Bucket == Bucket.CarriedOver))),
        };
        var closed = counts.Where(c => c.Bucket == Bucket.Closed).ToList();
        var resultRows = outcomes.Outcomes
            .GroupBy(o => (o.ReportGroup, o.ReportItem))
            .Select(g =>
            {
                var codes = g.Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
                return new AnnualReportRow(AnnualReportFormat.Results, g.Key.ReportGroup, g.Key.ReportItem,
                    Sum(closed.Where(c => c.Outcome is not null && codes.Contains(c.Outcome))));
            })
            .ToList();
        rows.AddRange(resultRows);
        var total = new int[AnnualReportFormat.FigureColumns.Count];
        foreach (var row in resultRows)
            for (var i = 0; i < total.Length; i++) total[i] += row.Figures[i];
        rows.Add(new AnnualReportRow(AnnualReportFormat.Results, AnnualReportFormat.ResultsTotal, null, total));
        rows.Add(new AnnualReportRow(AnnualReportFormat.CarriedForward, null, null, Sum(counts.Where(c => c.Bucket == Bucket.CarriedForward))));
        return rows;
    }

    static List<string> InvariantBreaks(List<AnnualReportRow> rows)
    {
        var received = rows.Single(r => r.Section == AnnualReportFormat.Received).Figures;
        var carriedOver = rows.Single(r => r.Section == AnnualReportFormat.CarriedOver).Figures;
        var closed = rows.Single(r => r.Group == AnnualReportFormat.ResultsTotal).Figures;
        var carriedForward = rows.Single(r => r.Section == AnnualReportFormat.CarriedForward).Figures;
        var broken = new List<string>();
        for (var i = 0; i < AnnualReportFormat.FigureColumns.Count; i++)
            if (received[i] + carriedOver[i] != closed[i] + carriedForward[i])
                broken.Add(string.Create(CultureInfo.InvariantCulture,
                    $"“{AnnualReportFormat.FigureColumns[i]}”列 {received[i]} + {carriedOver[i]} ≠ {closed[i]} + {carriedForward[i]}"));
        return broken;
    }

    static async Task<ReportProblem> ProblemAsync(string message, IQueryable<Case> which, CancellationToken ct)
    {
        var count = await which.CountAsync(ct);
        var listed = await which.OrderBy(c => c.Id).Take(ListedCases)
            .Select(c => new ReportCaseRef(c.Id, c.CaseNumber, c.ReceivedOn, c.RepliedOn, c.Outcome, c.Applicant.Kind, c.Applicant.OrganizationKind))
            .ToListAsync(ct);
        return new ReportProblem(message, count, listed);
    }
}
