using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Web.Identity;

/// <summary>
/// Identity's security-stamp check of the sign-in cookie, asked for only when it is due.
/// <para>
/// Identity checks a cookie's stamp against the database once its validation interval (<see cref="SecurityStampValidatorOptions"/>,
/// 30 minutes) has passed since the cookie was issued, and does nothing before. But it makes its validator — and with it
/// the sign-in manager, the user manager, the user store and the request's database context — on every request, to find
/// out that nothing is due: about 5 % of the server's CPU under the load run (docs/benchmarks.md). This asks Identity's
/// own question first (no issue time, or more than the interval since it) and calls the validator only then, so what is
/// checked and when is unchanged.
/// </para>
/// </summary>
public static class SecurityStampCheck
{
    public static Func<CookieValidatePrincipalContext, Task> Wrap(Func<CookieValidatePrincipalContext, Task> validate) => context =>
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        return Due(context.Properties.IssuedUtc, options) ? validate(context) : Task.CompletedTask;
    };

    /// <summary>Identity's rule (SecurityStampValidator.ValidateAsync): due when the cookie has no issue time or is older than the interval.</summary>
    public static bool Due(DateTimeOffset? issuedUtc, SecurityStampValidatorOptions options) =>
        issuedUtc is not { } issued || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
}
