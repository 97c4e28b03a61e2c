using System.Security.Claims;
using System.Text.Encodings.Web;
using DisclosureCases.Data;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Api;

/// <summary>
/// Signs a partner system in by its <c>X-Api-Key</c> header, for the API endpoints only (the web pages keep the
/// sign-in cookie). The principal carries the partner's agency as <see cref="Actor.AgencyClaim"/>, so the request's
/// database context sees that agency's cases and nothing else. A missing, unknown or revoked key is a 401 with a
/// problem+json body saying which.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Database database) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Role = Domain.Cases.Roles.Partner;
    public const string PartnerIdClaim = "partner_id";

    const string FailureKey = "api.key.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return Fail("缺少 X-Api-Key 请求头 / The X-Api-Key header is missing");
        var key = values.ToString().Trim();
        await using var db = database.CreateContext(AgencyScope.All);
        var prefix = ApiKeys.Prefix(key);
        var candidates = await db.ApiPartners.AsNoTracking().Where(p => p.KeyPrefix == prefix).ToListAsync(Context.RequestAborted);
        var partner = candidates.FirstOrDefault(p => ApiKeys.Matches(key, p.KeyHash));
        if (partner is null)
            return Fail("API 密钥无效 / Unknown API key");
        if (partner.IsRevoked)
            return Fail("API 密钥已被吊销 / The API key has been revoked");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"partner:{partner.Id}"),
            new Claim(ClaimTypes.Name, partner.Name),
            new Claim(Actor.DisplayNameClaim, $"{partner.Name}（接口）"),
            new Claim(Actor.AgencyClaim, partner.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(PartnerIdClaim, partner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Role, Role),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    AuthenticateResult Fail(string message)
    {
        Context.Items[FailureKey] = message;
        return AuthenticateResult.Fail(message);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeys.HeaderName}\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "未认证 / Unauthorized",
            detail: Context.Items[FailureKey] as string ?? "需要有效的 API 密钥 / A valid API key is required").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权访问 / Forbidden").ExecuteAsync(Context);
}
