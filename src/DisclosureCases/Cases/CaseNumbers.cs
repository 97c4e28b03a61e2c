using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// Case numbers (文号) in the agency's format, e.g. <c>静规资信〔{year}〕第{seq:0000}号</c> → 静规资信〔2026〕第0123号.
/// The sequence is per agency and year, incremented by one UPDATE inside the registering transaction, so two clerks
/// registering at once get different numbers (the row lock serializes them) and a rolled-back registration gives its
/// number back.
/// </summary>
public static partial class CaseNumbers
{
    public static async Task<string> NextAsync(DisclosureDbContext db, int agencyId, int year, CancellationToken ct)
    {
        var format = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.CaseNumberFormat).FirstAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "CaseNumberCounters" ("AgencyId", "Year", "Last", "Version") VALUES ({agencyId}, {year}, 0, 0) ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<int>(
            $"""UPDATE "CaseNumberCounters" SET "Last" = "Last" + 1, "Version" = "Version" + 1 WHERE "AgencyId" = {agencyId} AND "Year" = {year} RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        return Format(format, year, next.Single());
    }

    /// <summary>Fills <c>{year}</c> and <c>{seq}</c> / <c>{seq:0000}</c> (a .NET number format) into the pattern.</summary>
    public static string Format(string pattern, int year, int sequence) =>
        SeqToken().Replace(pattern.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            m => sequence.ToString(m.Groups[1].Success ? m.Groups[1].Value : "0", CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\{seq(?::([0#]+))?\}")]
    private static partial Regex SeqToken();
}
