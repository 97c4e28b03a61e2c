using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cli;

/// <summary>The case a verb works on, as the command line names it: its case number (文号) or its id.</summary>
public sealed record CaseChoice(int Id, int AgencyId)
{
    /// <summary>
    /// The case <paramref name="key"/> names, within the agency <paramref name="agencyCode"/> when given; null, with the
    /// reason on standard error, when there is no such case or the number is used by several agencies.
    /// </summary>
    public static async Task<CaseChoice?> FindAsync(Database database, DisclosureDbContext db, string key, string? agencyCode,
        CliConsole console, CancellationToken ct)
    {
        key = key.Trim();
        var query = db.Cases.AsNoTracking();
        if (agencyCode is not null)
        {
            if (await AgencyChoice.FindAsync(database, agencyCode, console, ct) is not { } found) return null;
            query = query.Where(c => c.AgencyId == found.Id);
        }
        var matches = int.TryParse(key, out var id)
            ? await query.Where(c => c.Id == id).Select(c => new CaseChoice(c.Id, c.AgencyId)).ToListAsync(ct)
            : await query.Where(c => c.CaseNumber == key).Select(c => new CaseChoice(c.Id, c.AgencyId)).ToListAsync(ct);
        switch (matches.Count)
        {
            case 0:
                await console.Error.WriteLineAsync($"找不到案件“{key}”：请给出完整文号或案件编号");
                return null;
            case > 1:
                await console.Error.WriteLineAsync($"文号“{key}”在 {matches.Count} 个机关都有，请用 --agency 指定机关代码");
                return null;
            default:
                return matches[0];
        }
    }
}
