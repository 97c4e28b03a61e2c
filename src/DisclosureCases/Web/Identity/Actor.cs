using System.Security.Claims;
using DisclosureCases.Data;

namespace DisclosureCases.Web.Identity;

/// <summary>Who is acting: the signed-in user, or the system (command line, background jobs).</summary>
public sealed record Actor(string UserId, string Name, int AgencyId, IReadOnlyCollection<string> Roles)
{
    public const string AgencyClaim = "agency";
    public const string DisplayNameClaim = "display_name";

    public static Actor System(int agencyId) => new("system", "系统", agencyId, ["System"]);

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>The actor of a signed-in principal, or null when the principal lacks the agency claim.</summary>
    public static Actor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(user.FindFirstValue(AgencyClaim), out var agency)) return null;
        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.FindFirstValue(DisplayNameClaim) ?? user.Identity.Name ?? "",
            agency,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray());
    }

    /// <summary>The agency scope of a request: the agency of its signed-in user, read when a query runs (see <see cref="AgencyScope.OfSignedInUser"/>).</summary>
    public static AgencyScope ScopeOf(Func<ClaimsPrincipal?> user) =>
        AgencyScope.OfSignedInUser(() => user() is { } principal && From(principal) is { } actor ? actor.AgencyId : null);
}
