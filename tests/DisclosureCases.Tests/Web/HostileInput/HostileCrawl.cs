using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;
using Microsoft.AspNetCore.Routing.Patterns;

namespace DisclosureCases.Tests.Web.HostileInput;

/// <summary>
/// Walks the application as every role, following its own links from every parameterless page, reads every form it
/// renders, and throws hostile values at each form field, each page handler and each API endpoint. Records what went
/// wrong; the tests assert on the records.
/// </summary>
public sealed partial class HostileCrawl(AppFactory factory) : IDisposable
{
    public static readonly string[] Roles = ["clerk", "reviewer", "manager", "admin"];
    const int DryPagesPerRoute = 12;
    const int MaxPagesPerRoute = 30;
    const int VariantsPerField = 3;

    public IReadOnlyList<DiscoveredHandler> Handlers { get; private set; } = [];
    public Dictionary<string, (string Role, HtmlForm Form)> Forms { get; } = [];
    public List<string> ServerErrors { get; } = [];
    public List<string> ChangedByRejected { get; } = [];
    public List<string> TokenlessNotRefused { get; } = [];
    public List<string> Unescaped { get; } = [];
    public List<string> AcceptedMarkerPosts { get; } = [];
    public HashSet<string> ReachedHandlers { get; } = [];
    public int Requests { get; private set; }

    readonly Dictionary<string, HttpClient> _clients = [];
    DatabaseWatcher? _database;
    DatabaseWatcher Database => _database ??= new DatabaseWatcher(factory.DatabasePath);
    readonly string _today = ShanghaiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task RunAsync()
    {
        Handlers = await EndpointDiscovery.FindAsync(factory.Services);
        _clients["anonymous"] = factory.NewClient();
        foreach (var role in Roles) _clients[role] = await factory.SignInAsync(role);

        foreach (var (role, client) in _clients)
            await CrawlAsync(role, client, collectForms: true);

        foreach (var (role, form) in Forms.Values.Where(f => f.Form.Method == "GET").ToList())
            await AttackGetFormAsync(role, form);
        foreach (var (role, form) in Forms.Values.Where(f => f.Form.Method == "POST").OrderBy(f => f.Form.Route, StringComparer.Ordinal).ToList())
            await AttackPostFormAsync(role, form);
        foreach (var handler in Handlers)
            await AttackHandlerAsync(handler);

        // Whatever was accepted is now stored: no page may show it as markup.
        foreach (var (role, client) in _clients)
            await CrawlAsync(role, client, collectForms: false);
    }

    /// <summary>
    /// Breadth-first over the app's own links, starting from every page without route values. Pages of one route
    /// (say /Cases/{n}) are fetched while they keep showing forms not seen before — cases in other states offer other
    /// actions — and given up after <see cref="DryPagesPerRoute"/> pages in a row without one.
    /// </summary>
    async Task CrawlAsync(string role, HttpClient client, bool collectForms)
    {
        var fetched = new HashSet<string>(StringComparer.Ordinal);
        var dry = new Dictionary<string, int>(StringComparer.Ordinal);
        var perRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>(Handlers.Where(h => h is { HttpMethod: "GET" } && !h.Pattern.Parameters.Any())
            .Select(h => Fill(h.Pattern, _ => "") + (h.HandlerName is null ? "" : "?handler=" + h.HandlerName)).Distinct());
        while (queue.TryDequeue(out var url))
        {
            if (!fetched.Add(url) || url.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)) continue;
            var route = HandlerOf("GET", url) ?? HtmlForm.Shape(url);
            if (dry.GetValueOrDefault(route) >= DryPagesPerRoute || perRoute.GetValueOrDefault(route) >= MaxPagesPerRoute) continue;
            perRoute[route] = perRoute.GetValueOrDefault(route) + 1;
            var (status, body) = await SendAsync(role, client, HttpMethod.Get, url, null, "crawl");
            if (status != HttpStatusCode.OK || !body.Contains("<html", StringComparison.OrdinalIgnoreCase)) continue;
            var fresh = 0;
            if (collectForms)
                foreach (var form in HtmlForms.Parse(url, body))
                    if (Forms.TryAdd(FormKey(form), (role, form))) fresh++;
            dry[route] = fresh > 0 ? 0 : dry.GetValueOrDefault(route) + 1;
            foreach (Match link in LinkPattern().Matches(body))
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && HandlerOf("GET", href) is not null)
                    queue.Enqueue(href);
            }
        }
    }

    string? HandlerOf(string method, string url) => Handlers.FirstOrDefault(h => h.Matches(method, url))?.ToString();

    /// <summary>One form per handler and set of fields: the 30 templates' edit forms are one form, the case page's
    /// action forms one per action.</summary>
    string FormKey(HtmlForm form) => (HandlerOf(form.Method, form.Action) ?? form.Route) + " " + form.Identity[(form.Identity.IndexOf('[', StringComparison.Ordinal))..];

    [GeneratedRegex(@"href=""([^""#]+)""")]
    private static partial Regex LinkPattern();

    async Task AttackGetFormAsync(string role, HtmlForm form)
    {
        var fields = form.Fields.Where(f => !f.Kind.EndsWith(":unchecked", StringComparison.Ordinal)).ToList();
        for (var i = 0; i < fields.Count; i++)
            foreach (var (name, value) in Variants(i))
            {
                var query = fields.Select(f => (f.Name, f == fields[i] ? value : f.Value));
                var url = form.Action.Split('?')[0] + "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Item2)}"));
                await SendAsync(role, _clients[role], HttpMethod.Get, url, null, $"{fields[i].Name} = {name}");
            }
    }

    IEnumerable<(string Name, string Value)> Variants(int fieldIndex) =>
        Enumerable.Range(0, VariantsPerField).Select(k => HostileValues.All[(fieldIndex * VariantsPerField + k) % HostileValues.All.Count]);

    async Task AttackPostFormAsync(string role, HtmlForm form)
    {
        if (form.Action.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase))
        {
            // Posting it signs the client out; only the forged variant (no token) may be tried.
            await PostAsync(role, form, Base(form).Where(f => f.Name != HtmlForms.TokenField).ToList(), "without the anti-forgery token", tokenless: true);
            return;
        }
        var current = form;
        await PostAsync(role, current, Base(current).Where(f => f.Name != HtmlForms.TokenField).ToList(), "without the anti-forgery token", tokenless: true);
        await PostAsync(role, current, Base(current).Select(f => f.Name == HtmlForms.TokenField ? f : (f.Name, "x")).Take(1)
            .Concat(Base(current).Where(f => f.Name == HtmlForms.TokenField)).Append(("oversized", HostileValues.Oversized)).ToList(), "a 5 MB value");
        var attackable = current.Fields.Where(f => f.Name != HtmlForms.TokenField).ToList();
        for (var i = 0; i < attackable.Count; i++)
        {
            var target = attackable[i].Name;
            foreach (var (name, value) in Variants(i).Append(("two values", "\u0001array")))
            {
                var fields = Base(current).Where(f => f.Name != target).ToList();
                if (value == "\u0001array") fields.AddRange([(target, "1"), (target, "abc")]);
                else fields.Add((target, value));
                var accepted = await PostAsync(role, current, fields, $"{target} = {name}");
                if (!accepted) continue;
                // The case moved on (or the form went away): go on with the form as the page renders it now.
                if (await RefreshAsync(role, current) is not { } fresh) return;
                current = fresh;
            }
        }
        // Script markers in every free-text field, the rest plausible: the post most likely to store them.
        var marked = Base(current).Select(f => current.Fields.FirstOrDefault(x => x.Name == f.Name) is { Kind: "text" or "textarea" } field
            && !field.Name.Contains("Phone", StringComparison.Ordinal) && !field.Name.Contains("IdNumber", StringComparison.Ordinal)
            && !field.Name.Contains("PostalCode", StringComparison.Ordinal) && !field.Name.Contains("Date", StringComparison.Ordinal)
            ? (f.Name, (field.Name.Length % 2 == 0 ? HostileValues.ScriptMarker : HostileValues.ImageMarker) + " 测试")
            : f).ToList();
        if (await PostAsync(role, current, marked, "script markers in the text fields"))
            AcceptedMarkerPosts.Add($"{role}: POST {current.Action}");
    }

    /// <summary>What a person would send: the rendered values, plausible ones where the form left a field empty.</summary>
    List<(string Name, string Value)> Base(HtmlForm form) =>
        form.Fields.Where(f => !f.Kind.EndsWith(":unchecked", StringComparison.Ordinal))
            .Select(f => (f.Name, f.Kind == "hidden" ? f.Value : HostileValues.Plausible(f, _today))).ToList();

    async Task<HtmlForm?> RefreshAsync(string role, HtmlForm form)
    {
        var (_, html) = await SendAsync(role, _clients[role], HttpMethod.Get, form.PageUrl, null, "refresh");
        return HtmlForms.Parse(form.PageUrl, html).FirstOrDefault(f => f.Identity == form.Identity);
    }

    /// <summary>Posts and checks: no 5xx, no markup echoed, and a refused post changes nothing. True when accepted.</summary>
    async Task<bool> PostAsync(string role, HtmlForm form, List<(string Name, string Value)> fields, string variant, bool tokenless = false)
    {
        var before = Database.Current();
        var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var (status, body, location) = await SendWithLocationAsync(role, _clients[role], HttpMethod.Post, form.Action, content, variant);
        var after = Database.Current();
        var refused = (int)status >= 400 || status == HttpStatusCode.OK && RefusalPattern().IsMatch(body) || IsSentAway(status, location);
        var what = $"{role}: POST {form.Action} with {variant} → {(int)status}";
        // Refused: 400 by the anti-forgery check, or earlier — 404 for a route that does not exist, the way to the
        // login or access-denied page for a user who may not post there at all.
        if (tokenless && !((int)status is >= 400 and < 500 || IsSentAway(status, location)))
            TokenlessNotRefused.Add(what);
        if (refused && before.Difference(after) is { Length: > 0 } difference)
            ChangedByRejected.Add($"{what} changed {difference}");
        return !refused && (int)status < 500;
    }

    [GeneratedRegex(@"field-validation-error|validation-summary-errors|role=""alert""")]
    private static partial Regex RefusalPattern();

    /// <summary>Every handler, whether or not a rendered form leads to it: hostile route values and inputs.</summary>
    async Task AttackHandlerAsync(DiscoveredHandler handler)
    {
        var suffix = handler.HandlerName is null ? "" : "?handler=" + handler.HandlerName;
        var urls = new List<(string Url, string Variant)> { (Fill(handler.Pattern, _ => "1") + suffix, "route values 1") };
        foreach (var hostile in new[] { "999999999", "-1", "<script>x</script>", new string('9', 5000) })
            if (handler.Pattern.Parameters.Any())
                urls.Add((Fill(handler.Pattern, _ => Uri.EscapeDataString(hostile)) + suffix, $"route values {Shorten(hostile)}"));
        var inputs = handler.Inputs.SelectMany(i => EndpointDiscovery.FormNames(i.Name, i.Type)).ToList();
        foreach (var role in handler.IsPage ? new[] { "clerk", "admin" } : ["anonymous", "clerk", "admin"])
        {
            var client = _clients[role];
            foreach (var (url, variant) in urls)
            {
                if (handler.HttpMethod == "GET")
                {
                    await SendAsync(role, client, HttpMethod.Get, url, null, variant);
                    for (var k = 0; k < 3 && inputs.Count > 0; k++)
                    {
                        var query = string.Join("&", inputs.Select((p, n) => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(HostileValues.All[(n + k * 5) % HostileValues.All.Count].Value)}"));
                        await SendAsync(role, client, HttpMethod.Get, url + (url.Contains('?') ? "&" : "?") + query, null, $"{variant}, hostile query {k}");
                    }
                    continue;
                }
                if (!handler.IsPage)
                {
                    foreach (var (body, name) in JsonBodies())
                        await SendAsync(role, client, new HttpMethod(handler.HttpMethod), url, new StringContent(body, Encoding.UTF8, "application/json"), name);
                    continue;
                }
                if (url.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)) continue;
                var token = await TokenAsync(role);
                for (var k = 0; k < 2; k++)
                {
                    var fields = inputs.Select((p, n) => (p.Name, HostileValues.All[(n + k * 4) % HostileValues.All.Count].Value)).ToList();
                    var form = new HtmlForm(url, "POST", url, []);
                    if (k == 0) await PostAsync(role, form, fields, $"{variant}, hostile inputs, without the anti-forgery token", tokenless: handler.RequiresToken);
                    if (token is not null) fields.Add((HtmlForms.TokenField, token));
                    await PostAsync(role, form, fields, $"{variant}, hostile inputs {k}");
                }
            }
        }
    }

    static IEnumerable<(string Body, string Name)> JsonBodies() =>
    [
        ("{", "malformed JSON"),
        ("[1, 2, 3]", "an array for an object"),
        ("{\"id\": \"abc\", \"date\": \"2026-02-30\", \"text\": 12, \"list\": \"x\"}", "wrong types"),
        ("null", "null"),
        ("{\"text\": \"" + new string('x', 5 * 1024 * 1024) + "\"}", "a 5 MB body"),
        ("{\"text\": \"" + HostileValues.ScriptMarker.Replace("'", "\\u0027", StringComparison.Ordinal) + "\"}", "a script tag"),
    ];

    readonly Dictionary<string, string?> _tokens = [];

    async Task<string?> TokenAsync(string role)
    {
        if (_tokens.TryGetValue(role, out var token)) return token;
        var (_, html) = await SendAsync(role, _clients[role], HttpMethod.Get, role == "anonymous" ? "/Account/Login" : "/Cases/New", null, "token");
        token = HtmlForms.Parse("/", html).SelectMany(f => f.Fields).FirstOrDefault(f => f.Name == HtmlForms.TokenField)?.Value;
        return _tokens[role] = token;
    }

    static string Fill(RoutePattern pattern, Func<RoutePatternParameterPart, string> value) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart parameter => value(parameter),
            _ => "",
        }))).Where(s => s.Length > 0));

    static string Shorten(string text) => text.Length > 20 ? text[..10] + $"…({text.Length} chars)" : text;

    public void Dispose() => _database?.Dispose();

    static bool IsSentAway(HttpStatusCode status, string? location) =>
        status == HttpStatusCode.Redirect && location is not null
        && (location.Contains("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal));

    async Task<(HttpStatusCode Status, string Body)> SendAsync(string role, HttpClient client, HttpMethod method, string url, HttpContent? content, string variant)
    {
        var (status, body, _) = await SendWithLocationAsync(role, client, method, url, content, variant);
        return (status, body);
    }

    async Task<(HttpStatusCode Status, string Body, string? Location)> SendWithLocationAsync(string role, HttpClient client, HttpMethod method, string url, HttpContent? content, string variant)
    {
        Requests++;
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var handler in Handlers.Where(h => h.Matches(method.Method, url)))
            ReachedHandlers.Add(handler.ToString());
        var what = $"{role}: {method} {Shorten(url, 120)} ({variant}) → {(int)response.StatusCode}";
        if ((int)response.StatusCode >= 500) ServerErrors.Add(what + (factory is IServerErrorLog log && log.TakeLastError() is { } error ? ": " + error : ""));
        if (HostileValues.ContainsUnescapedMarker(body)) Unescaped.Add(what);
        return (response.StatusCode, body, response.Headers.Location?.ToString());
    }

    static string Shorten(string text, int max) => text.Length > max ? text[..max] + $"…({text.Length} chars)" : text;
}
