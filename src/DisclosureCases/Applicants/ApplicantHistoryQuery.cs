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
        var windows = ApplicantActivity.Count(dates, today, options.Value.ToThresholds());
        var month = windows[^1].Count;
        return new ApplicantHistory(today, windows, month, fees.Bands(month), fees.MonthTotal(month), fees.Basis,
            ApplicantActivity.PerMonth(dates), cases);
    }

    public static string Normalize(string? idNumber) => (idNumber ?? "").Trim().ToUpperInvariant();
}

/// <summary>What <see cref="ApplicantHistoryQuery"/> found for one applicant.</summary>
public sealed record ApplicantHistory(DateOnly Today, IReadOnlyList<ActivityWindow> Windows, int MonthCount,
    IReadOnlyList<FeeBand> MonthBands, decimal MonthFee, string FeeBasis, IReadOnlyList<MonthCount> PerMonth, IReadOnlyList<ApplicantCase> Cases)
{
    public bool Flagged => Windows.Any(w => w.Flagged);
}

public sealed record ApplicantCase(int Id, string? CaseNumber, DateOnly ReceivedOn, string State, string? Outcome, string Description);

/// <summary>
/// What the <c>_ApplicantHistory</c> panel is drawn for: an applicant's document number and, on a case page, the case
/// (whose id names the applicant in links, and whose state decides whether the 第35条 action can be offered).
/// </summary>
public sealed record ApplicantHistoryFor(string IdNumber, Case? Case)
{
    public static ApplicantHistoryFor Of(Case c) => new(c.Applicant.IdNumber, c);
}
