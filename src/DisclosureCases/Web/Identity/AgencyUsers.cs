using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Web.Identity;

/// <summary>
/// An agency's users as (id, name), by name: the handler filters and pickers of the worklist, the case page's forms and
/// the deadline report. Compiled (Data/Compiled.cs): the worklist reads it on every view.
/// </summary>
public static class AgencyUsers
{
    static readonly Compiled<Func<DisclosureDbContext, int, IAsyncEnumerable<(string, string)>>> Query = new(() =>
        EF.CompileAsyncQuery<DisclosureDbContext, int, (string, string)>((db, agency) => db.Users.Where(u => u.AgencyId == agency)
            .OrderBy(u => u.DisplayName).Select(u => new ValueTuple<string, string>(u.Id, u.DisplayName))));

    public static async Task<IReadOnlyList<(string Id, string Name)>> ListAsync(DisclosureDbContext db, int agencyId, CancellationToken ct) =>
        await Query.For(db)(db, agencyId).ToListAsync(ct);
}
