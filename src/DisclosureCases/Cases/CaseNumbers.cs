using System.Globalization;
using System.Text;
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
        return Format(format, year, await ReserveAsync(db, agencyId, year, 1, ct));
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive sequence numbers of the agency's year in one UPDATE and returns
    /// the first; for bulk loads that number many cases in one transaction.
    /// </summary>
    public static async Task<int> ReserveAsync(DisclosureDbContext db, int agencyId, int year, int count, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "CaseNumberCounters" ("AgencyId", "Year", "Last", "Version") VALUES ({agencyId}, {year}, 0, 0) ON CONFLICT DO NOTHING""", ct);
        var last = await db.Database.SqlQuery<int>(
            $"""UPDATE "CaseNumberCounters" SET "Last" = "Last" + {count}, "Version" = "Version" + 1 WHERE "AgencyId" = {agencyId} AND "Year" = {year} RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        return last.Single() - count + 1;
    }

    /// <summary>
    /// Raises the agency's counter for <paramref name="year"/> to at least <paramref name="sequence"/>, so that numbers
    /// brought in from elsewhere (an import) are never issued again.
    /// </summary>
    public static async Task RaiseAsync(DisclosureDbContext db, int agencyId, int year, int sequence, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "CaseNumberCounters" ("AgencyId", "Year", "Last", "Version") VALUES ({agencyId}, {year}, 0, 0) ON CONFLICT DO NOTHING""", ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "CaseNumberCounters" SET "Last" = {sequence}, "Version" = "Version" + 1 WHERE "AgencyId" = {agencyId} AND "Year" = {year} AND "Last" < {sequence}""", ct);
    }

    /// <summary>
    /// Reads year and sequence back from a number written in <paramref name="pattern"/>; false when the number does
    /// not follow the pattern (a number from another agency's format).
    /// </summary>
    public static bool TryParse(string pattern, string number, out int year, out int sequence)
    {
        year = sequence = 0;
        var regex = new StringBuilder("^");
        var groups = new List<string>();
        var rest = pattern;
        while (rest.Length > 0)
        {
            var seq = SeqToken().Match(rest);
            var yearAt = rest.IndexOf("{year}", StringComparison.Ordinal);
            var seqAt = seq.Success ? seq.Index : -1;
            var next = yearAt >= 0 && (seqAt < 0 || yearAt < seqAt) ? yearAt : seqAt;
            if (next < 0)
            {
                regex.Append(Regex.Escape(rest));
                break;
            }
            regex.Append(Regex.Escape(rest[..next]));
            if (next == yearAt)
            {
                regex.Append(@"(\d{4})");
                groups.Add("year");
                rest = rest[(next + "{year}".Length)..];
            }
            else
            {
                regex.Append(@"(\d+)");
                groups.Add("seq");
                rest = rest[(next + seq.Length)..];
            }
        }
        var match = Regex.Match(number, regex.Append('$').ToString(), RegexOptions.CultureInvariant);
        if (!match.Success || !groups.Contains("year") || !groups.Contains("seq")) return false;
        year = int.Parse(match.Groups[groups.IndexOf("year") + 1].Value, CultureInfo.InvariantCulture);
        sequence = int.Parse(match.Groups[groups.IndexOf("seq") + 1].Value, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Fills <c>{year}</c> and <c>{seq}</c> / <c>{seq:0000}</c> (a .NET number format) into the pattern.</summary>
    public static string Format(string pattern, int year, int sequence) =>
        SeqToken().Replace(pattern.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            m => sequence.ToString(m.Groups[1].Success ? m.Groups[1].Value : "0", CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\{seq(?::([0#]+))?\}")]
    private static partial Regex SeqToken();
}
