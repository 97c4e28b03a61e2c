using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Web;

/// <summary><c>/health</c>: whether the database answers. 503 when it does not.</summary>
public static class HealthEndpoint
{
    public static async Task<IResult> Report(Database database, CancellationToken ct)
    {
        try
        {
            await using var db = database.CreateContext(AgencyScope.Nothing);
            var ok = await db.Database.CanConnectAsync(ct);
            return ok
                ? Results.Json(new { status = "ok", database = database.Provider.ToString() })
                : Results.Json(new { status = "unavailable", database = database.Provider.ToString() }, statusCode: 503);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Results.Json(new { status = "unavailable", error = e.GetType().Name }, statusCode: 503);
        }
    }
}
