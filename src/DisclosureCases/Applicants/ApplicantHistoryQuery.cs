using DisclosureCases.Data;
using DisclosureCases.Domain.Applicants;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Applicants;

/// <summary>
/// One applicant's applications to the signed-in user's agency (the context's agency filter), found by identity document
/// number or 统一社会信用代码 as the intake stores it (trimmed, upper-case): counts per window with their flags, the
/// current month's fees band by band (DOMAIN.md §2 step 3), counts per month and the cases themselves.
/// The number is only ever a query parameter here: it is not logged and never put in a URL.
/// </summary>
public sealed class ApplicantHistoryQuery(DisclosureDbContext db, FeeSchedule fees, IOptions<ApplicantOptions> options, TimeProvider time)
{
    public async Task<ApplicantHistory> ForIdNumberAsync(string idNumber, CancellationToken ct)
    {
        var key = Normalize(idNumber);
        var cases = key.Length == 0
            ? []
            : await db.Cases.AsNoTracking().Where(c => c.Applicant.IdNumber == key)
                .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
                .Select(c => new ApplicantCase(c.Id, c.CaseNumber, c.ReceivedOn, c.State, c.Outcome, c.Description))
                .ToListAsync(ct);
        var today = ShanghaiTime.Today(time);
        var dates = cases.Select(c => c.ReceivedOn).ToList();
        return History(today, ApplicantActivity.Count(dates, today, options.Value.ToThresholds()), cases.Count,
            ApplicantActivity.PerMonth(dates), cases);
    }

    /// <summary>
    /// The counts alone, for the panel on the case page and the intake form: each window counted in the database from
    /// the applicant's receipt-date index (<see cref="Data.IndexMigrations.ApplicantReceiptIndex"/>), in one query, so
    /// that an applicant with thousands of applications costs what one with a few does. No cases, no months.
    /// On a case page the same query also counts the applications of the month of the case's receipt and those before
    /// it (<see cref="MonthPlace"/>, the fee band it falls in): one statement for the two, not two in a row.
    /// </summary>
    sealed class WindowCounts
    {
        public int All { get; init; }
        public int Last30 { get; init; }
        public int Last90 { get; init; }
        public int Last365 { get; init; }
        public int Month { get; init; }
        public int CaseMonth { get; init; }
        public int CaseMonthBefore { get; init; }
    }

    // Every case page asks it (Data/Compiled.cs).
    static readonly Compiled<Func<DisclosureDbContext, string, DateOnly, DateOnly, DateOnly, DateOnly, DateOnly, DateOnly, DateOnly, DateOnly, int, CancellationToken, Task<WindowCounts?>>> Windows = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, string key, DateOnly from30, DateOnly from90, DateOnly from365, DateOnly month, DateOnly today,
            DateOnly caseMonthStart, DateOnly caseMonthEnd, DateOnly received, int caseId, CancellationToken ct) =>
            db.Cases.AsNoTracking().Where(c => c.Applicant.IdNumber == key)
                .GroupBy(c => 1)
                .Select(g => new WindowCounts
                {
                    All = g.Count(),
                    Last30 = g.Count(c => c.ReceivedOn >= from30 && c.ReceivedOn <= today),
                    Last90 = g.Count(c => c.ReceivedOn >= from90 && c.ReceivedOn <= today),
                    Last365 = g.Count(c => c.ReceivedOn >= from365 && c.ReceivedOn <= today),
                    Month = g.Count(c => c.ReceivedOn >= month && c.ReceivedOn <= today),
                    CaseMonth = g.Count(c => c.ReceivedOn >= caseMonthStart && c.ReceivedOn < caseMonthEnd),
                    CaseMonthBefore = g.Count(c => c.ReceivedOn >= caseMonthStart && c.ReceivedOn < caseMonthEnd
                        && (c.ReceivedOn < received || (c.ReceivedOn == received && c.Id < caseId))),
                })
                .FirstOrDefault()));

    public async Task<ApplicantHistory> SummaryAsync(string idNumber, CancellationToken ct) =>
        (await SummaryAsync(idNumber, null, ct)).History;

    /// <param name="of">A case of the applicant: its <see cref="MonthPlace"/> is counted too (null without a case).</param>
    public async Task<(ApplicantHistory History, MonthPlace? Place)> SummaryAsync(string idNumber, Case? of, CancellationToken ct)
    {
        var key = Normalize(idNumber);
        var today = ShanghaiTime.Today(time);
        var thresholds = options.Value.ToThresholds();
        var empty = ApplicantActivity.Count([], today, thresholds);
        // Without a document number there is no applicant to count: the case is the only one known of its month.
        var alone = of is null ? null : new MonthPlace(1, 0);
        if (key.Length == 0) return (History(today, empty, 0, [], []), alone);
        var (from30, from90, from365, month) = (empty[0].From, empty[1].From, empty[2].From, empty[3].From);
        var caseMonth = of is null ? DateOnly.MinValue : new DateOnly(of.ReceivedOn.Year, of.ReceivedOn.Month, 1);
        var caseMonthEnd = of is null ? DateOnly.MinValue : caseMonth.AddMonths(1);
        var counts = await Windows.For(db)(db, key, from30, from90, from365, month, today,
            caseMonth, caseMonthEnd, of?.ReceivedOn ?? DateOnly.MinValue, of?.Id ?? 0, ct);
        if (counts is null) return (History(today, empty, 0, [], []), alone);
        int[] found = [counts.Last30, counts.Last90, counts.Last365, counts.Month];
        return (History(today, empty.Select((w, i) => w with { Count = found[i] }).ToList(), counts.All, [], []),
            of is null ? null : new MonthPlace(Math.Max(counts.CaseMonth, 1), counts.CaseMonthBefore));
    }

    ApplicantHistory History(DateOnly today, IReadOnlyList<ActivityWindow> windows, int total, IReadOnlyList<MonthCount> perMonth,
        IReadOnlyList<ApplicantCase> cases)
    {
        var month = windows[^1].Count;
        return new ApplicantHistory(today, windows, month, fees.Bands(month), fees.MonthTotal(month), fees.Basis, total, perMonth, cases);
    }

    public static string Normalize(string? idNumber) => (idNumber ?? "").Trim().ToUpperInvariant();
}

/// <summary>What <see cref="ApplicantHistoryQuery"/> found for one applicant.</summary>
/// <remarks><see cref="Total"/> counts every application; <see cref="PerMonth"/> and <see cref="Cases"/> are filled by
/// <see cref="ApplicantHistoryQuery.ForIdNumberAsync"/> only (empty from <see cref="ApplicantHistoryQuery.SummaryAsync"/>).</remarks>
public sealed record ApplicantHistory(DateOnly Today, IReadOnlyList<ActivityWindow> Windows, int MonthCount,
    IReadOnlyList<FeeBand> MonthBands, decimal MonthFee, string FeeBasis, int Total, IReadOnlyList<MonthCount> PerMonth, IReadOnlyList<ApplicantCase> Cases)
{
    public bool Flagged => Windows.Any(w => w.Flagged);
}

/// <summary>
/// A case's place among its applicant's applications of the calendar month of its receipt (条例第42条 fees): how many
/// there are in that month (<see cref="All"/>, the case included) and how many came before it (<see cref="Before"/>; by
/// receipt date, then by registration).
/// </summary>
public sealed record MonthPlace(int All, int Before);

public sealed record ApplicantCase(int Id, string? CaseNumber, DateOnly ReceivedOn, string State, string? Outcome, string Description);

/// <summary>
/// What the <c>_ApplicantHistory</c> panel is drawn for: an applicant's document number and, on a case page, the case
/// (whose id names the applicant in links, and whose state decides whether the 第35条 action can be offered).
/// </summary>
/// <param name="Summary">The counts when the page has read them already (the case page, with the case's month).</param>
public sealed record ApplicantHistoryFor(string IdNumber, Case? Case, ApplicantHistory? Summary = null)
{
    public static ApplicantHistoryFor Of(Case c) => new(c.Applicant.IdNumber, c);
}
