using System.Diagnostics;
using System.Security.Claims;
using DisclosureCases.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace DisclosureCases.Api;

/// <summary>
/// Records every call under <c>/api</c> as an <see cref="ApiCall"/> — recognised partner or not, whatever the answer —
/// in a context of its own, so a call that fails or is refused is still on the record. API answers are JSON or files:
/// the HTML status-code pages of the web UI are switched off for them.
/// </summary>
public sealed class ApiCallLog(RequestDelegate next, Database database, TimeProvider time, ILogger<ApiCallLog> log)
{
    /// <summary>Set by an endpoint to the case number (application or 复议) the call is about.</summary>
    public const string CaseNumberKey = "api.caseNumber";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        var at = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(http);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var partner = int.TryParse(http.User.FindFirstValue(ApiKeyAuthentication.PartnerIdClaim), out var id) ? id : (int?)null;
            var call = new ApiCall
            {
                PartnerId = partner,
                PartnerName = partner is null ? null : http.User.FindFirstValue(ClaimTypes.Name),
                AgencyId = partner is null ? null : int.TryParse(http.User.FindFirstValue(Web.Identity.Actor.AgencyClaim), out var agency) ? agency : null,
                Method = http.Request.Method,
                Path = Cut(http.Request.Path.Value ?? "", 400),
                Status = failed ? StatusCodes.Status500InternalServerError : http.Response.StatusCode,
                DurationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                At = at,
                CaseNumber = http.Items[CaseNumberKey] is string number ? Cut(number, 100) : null,
            };
            try
            {
                await using var db = database.CreateContext(AgencyScope.All);
                db.ApiCalls.Add(call);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "API call {Method} {Status} could not be logged", call.Method, call.Status);
            }
        }
    }

    static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
