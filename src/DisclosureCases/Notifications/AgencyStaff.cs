using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Notifications;

/// <summary>Who is told about a case: its handler (承办人), or the agency's clerks while none is assigned; and the 负责人.</summary>
public sealed class AgencyStaff
{
    readonly ILookup<(int AgencyId, string Role), string> _byRole;

    AgencyStaff(ILookup<(int, string), string> byRole) => _byRole = byRole;

    public static async Task<AgencyStaff> LoadAsync(DisclosureDbContext db, CancellationToken ct)
    {
        var rows = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Clerk || r.Name == Roles.Manager
            orderby u.Id
            select new { u.AgencyId, u.Id, Role = r.Name! }).ToListAsync(ct);
        return new AgencyStaff(rows.ToLookup(x => (x.AgencyId, x.Role), x => x.Id));
    }

    /// <summary>The handler, or every clerk of the agency while the case has none (before 登记).</summary>
    public IReadOnlyList<string> HandlersOf(Case c) =>
        c.HandlerId is { } handler ? [handler] : _byRole[(c.AgencyId, Roles.Clerk)].ToList();

    public IReadOnlyList<string> ManagersOf(int agencyId) => _byRole[(agencyId, Roles.Manager)].ToList();
}
