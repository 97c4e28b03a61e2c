using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Web.HostileInput;

/// <summary>A handler the application answers: a Razor page handler or a minimal API endpoint.</summary>
public sealed record DiscoveredHandler(string Template, RoutePattern Pattern, string HttpMethod, string? HandlerName,
    IReadOnlyList<(string Name, Type Type)> Inputs, bool IsPage, bool RequiresToken)
{
    /// <summary>Does a URL the crawl used reach this handler?</summary>
    public bool Matches(string method, string url)
    {
        if (!string.Equals(method, HttpMethod, StringComparison.OrdinalIgnoreCase)) return false;
        var path = url.Split('?')[0];
        var handler = Regex.Match(url, "[?&]handler=([^&]+)") is { Success: true } m ? m.Groups[1].Value : null;
        return PathPattern().IsMatch(path) && string.Equals(handler, HandlerName, StringComparison.OrdinalIgnoreCase);
    }

    Regex PathPattern()
    {
        var parts = Pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => Regex.Escape(l.Content),
            RoutePatternParameterPart { IsOptional: true } => "[^/]*",
            _ => "[^/]+",
        })));
        return new Regex("^/" + string.Join("/", parts).Replace("/[^/]*", "(/[^/]*)?") + "/?$", RegexOptions.IgnoreCase);
    }

    public override string ToString() => $"{HttpMethod} /{Template}{(HandlerName is null ? "" : "?handler=" + HandlerName)}";
}

/// <summary>
/// Every endpoint of the running application, read from its <see cref="EndpointDataSource"/>: so that pages and APIs
/// added later are attacked too without anyone listing them.
/// </summary>
public static class EndpointDiscovery
{
    public static async Task<IReadOnlyList<DiscoveredHandler>> FindAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<DiscoveredHandler>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var template = endpoint.RoutePattern.RawText ?? "";
            // The error page takes the re-executed failed post of any page, token or not ([IgnoreAntiforgeryToken]).
            var requiresToken = !endpoint.Metadata.Any(m => m is Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute
                || m is Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata { RequiresValidation: false });
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var bound = compiled.BoundProperties.Select(p => (p.Name, p.ParameterType)).ToList();
                if (compiled.HandlerMethods.Count == 0)
                    found.Add(new DiscoveredHandler(template, endpoint.RoutePattern, "GET", null, bound, IsPage: true, requiresToken));
                foreach (var handler in compiled.HandlerMethods)
                {
                    var inputs = handler.Parameters.Where(p => p.ParameterType != typeof(CancellationToken))
                        .Select(p => (p.Name, p.ParameterType)).Concat(bound).ToList();
                    found.Add(new DiscoveredHandler(template, endpoint.RoutePattern, handler.HttpMethod.ToUpperInvariant(), handler.Name, inputs, IsPage: true, requiresToken));
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var parameters = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters()
                .Where(p => p.ParameterType != typeof(CancellationToken) && p.Name is not null && !IsService(p.ParameterType))
                .Select(p => (p.Name!, p.ParameterType)).ToList() ?? [];
            foreach (var method in methods)
                found.Add(new DiscoveredHandler(template, endpoint.RoutePattern, method.ToUpperInvariant(), null, parameters, IsPage: false, requiresToken));
        }
        // Razor Pages maps "/Cases/Index" both as "Cases/Index" and "Cases": one is enough.
        return found.GroupBy(h => (h.HttpMethod, h.HandlerName, Page: Normalise(h.Template)))
            .Select(g => g.OrderBy(h => h.Template.Length).First()).ToList();
    }

    static string Normalise(string template) => Regex.Replace(template, "(^|/)Index$", "");

    static bool IsService(Type type) =>
        type.IsInterface || type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse)
        || type.Namespace?.StartsWith("DisclosureCases.Data", StringComparison.Ordinal) == true && type.Name.EndsWith("Context", StringComparison.Ordinal)
        || type == typeof(TimeProvider);

    /// <summary>The public settable properties of a bound model, as the form names them ("Input.ApplicantName").</summary>
    public static IEnumerable<(string Name, Type Type)> FormNames(string name, Type type, int depth = 0)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 1 || underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateOnly) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(TimeOnly)
            || underlying == typeof(Guid) || typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying) || underlying.Name == "IFormFile")
        {
            yield return (name, underlying);
            yield break;
        }
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            foreach (var inner in FormNames($"{name}.{property.Name}", property.PropertyType, depth + 1))
                yield return inner;
    }
}
