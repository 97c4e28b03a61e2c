using System.Security.Claims;
using DisclosureCases.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Web.Identity;

/// <summary>Puts the user's agency and display name into the sign-in cookie, so every request knows its scope.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Actor.AgencyClaim, user.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(Actor.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
