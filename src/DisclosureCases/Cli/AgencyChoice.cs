using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cli;

/// <summary>The agency a verb works on, as <c>--agency CODE</c> names it.</summary>
public sealed record AgencyChoice(int Id, string Code, string Name)
{
    /// <summary>
    /// The agency named by <paramref name="code"/> (case-insensitive), or the first one created when none is named;
    /// null, with the reason and the agencies there are on standard error, when there is no such agency.
    /// </summary>
    public static async Task<AgencyChoice?> FindAsync(Database database, string? code, CliConsole console, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.All);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new AgencyChoice(a.Id, a.Code, a.Name)).ToListAsync(ct);
        if (agencies.Count == 0)
        {
            await console.Error.WriteLineAsync("数据库中还没有机关：请先启动一次应用（会建立演示机关和账号），再执行此命令");
            return null;
        }
        if (code is null)
            return agencies[0];
        if (agencies.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase)) is { } found)
            return found;
        await console.Error.WriteLineAsync($"没有代码为“{code}”的机关。已有机关：{string.Join("、", agencies.Select(a => $"{a.Code}（{a.Name}）"))}");
        return null;
    }
}
