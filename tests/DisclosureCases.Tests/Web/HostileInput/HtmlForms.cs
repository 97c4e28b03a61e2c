using System.Net;
using System.Text.RegularExpressions;

namespace DisclosureCases.Tests.Web.HostileInput;

/// <summary>One field of a rendered form: its name, the kind of control and the value a browser would send.</summary>
public sealed record FormField(string Name, string Kind, string Value, IReadOnlyList<string> Options);

/// <summary>A form as the page rendered it: where it goes, how, and what a browser would send untouched.</summary>
public sealed record HtmlForm(string PageUrl, string Method, string Action, IReadOnlyList<FormField> Fields)
{
    /// <summary>The page behind the action without ids and query values: "/Cases/{n}?handler=Fire".</summary>
    public string Route => Shape(Action);

    public static string Shape(string url)
    {
        var path = url.Split('?')[0];
        var shaped = Regex.Replace(path, "/[0-9]+(?=/|$)", "/{n}");
        var handler = Regex.Match(url, "[?&]handler=([^&]+)");
        return handler.Success ? $"{shaped}?handler={handler.Groups[1].Value}" : shaped;
    }

    /// <summary>Forms posting the same fields to the same page handler are one form for this test.</summary>
    public string Identity => $"{Method} {Route} [{string.Join(",", Fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal))}]"
        + (Fields.FirstOrDefault(f => f.Name == "trigger") is { } t ? " trigger=" + t.Value : "");

    public bool HasToken => Fields.Any(f => f.Name == HtmlForms.TokenField);
}

/// <summary>Reads the forms of the application's own HTML (well-formed, attribute values in double quotes).</summary>
public static partial class HtmlForms
{
    public const string TokenField = "__RequestVerificationToken";

    [GeneratedRegex(@"<form\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<(input|select|textarea|button)\b([^>]*)>(?:(.*?)</\1>)?", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ControlPattern();

    [GeneratedRegex(@"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*""([^""]*)"")?")]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"<option\b([^>]*)>(.*?)</option>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    public static IReadOnlyList<HtmlForm> Parse(string pageUrl, string html)
    {
        var forms = new List<HtmlForm>();
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = Attributes(form.Groups[1].Value);
            var method = (attributes.GetValueOrDefault("method") ?? "get").ToUpperInvariant();
            var action = attributes.GetValueOrDefault("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : pageUrl;
            var fields = new List<FormField>();
            // Each submit button may send the form elsewhere (formaction) or add its own name=value: one form each.
            var buttons = new List<(string? Name, string Value, string? FormAction)>();
            foreach (Match control in ControlPattern().Matches(form.Groups[2].Value))
            {
                var tag = control.Groups[1].Value.ToLowerInvariant();
                var attrs = Attributes(control.Groups[2].Value);
                if (attrs.ContainsKey("disabled")) continue;
                var value = WebUtility.HtmlDecode(attrs.GetValueOrDefault("value") ?? "");
                var isButton = tag == "button" && (attrs.GetValueOrDefault("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase)
                    || tag == "input" && (attrs.GetValueOrDefault("type") ?? "").ToLowerInvariant() is "submit" or "image";
                if (isButton)
                {
                    var formAction = attrs.GetValueOrDefault("formaction") is { Length: > 0 } f ? WebUtility.HtmlDecode(f) : null;
                    buttons.Add((attrs.GetValueOrDefault("name") is { Length: > 0 } n ? WebUtility.HtmlDecode(n) : null, value, formAction));
                    continue;
                }
                if (attrs.GetValueOrDefault("name") is not { Length: > 0 } name) continue;
                name = WebUtility.HtmlDecode(name);
                switch (tag)
                {
                    case "input":
                        var type = (attrs.GetValueOrDefault("type") ?? "text").ToLowerInvariant();
                        if (type is "checkbox" or "radio" && !attrs.ContainsKey("checked"))
                        {
                            // An unchecked box sends nothing; keep it known (with its value) so that it can be attacked.
                            fields.Add(new FormField(name, type + ":unchecked", value, []));
                            continue;
                        }
                        if (type == "file") continue;
                        fields.Add(new FormField(name, type, value, []));
                        break;
                    case "button":
                        break;
                    case "textarea":
                        fields.Add(new FormField(name, "textarea", WebUtility.HtmlDecode(control.Groups[3].Value.TrimStart('\n')), []));
                        break;
                    case "select":
                        var options = OptionPattern().Matches(control.Groups[3].Value)
                            .Select(o => (Attributes(o.Groups[1].Value), Text: o.Groups[2].Value)).ToList();
                        var values = options.Select(o => WebUtility.HtmlDecode(o.Item1.GetValueOrDefault("value") ?? o.Text.Trim())).ToList();
                        var selected = options.FindIndex(o => o.Item1.ContainsKey("selected"));
                        fields.Add(new FormField(name, "select", values.Count == 0 ? "" : values[Math.Max(0, selected)], values));
                        break;
                }
            }
            if (buttons.Count == 0)
                forms.Add(new HtmlForm(pageUrl, method, action, fields));
            foreach (var (name, value, formAction) in buttons.Distinct().Take(4))
                forms.Add(new HtmlForm(pageUrl, method, formAction ?? action,
                    name is null ? fields : [.. fields, new FormField(name, "button", value, [])]));
        }
        return forms;
    }

    static Dictionary<string, string?> Attributes(string text)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in AttributePattern().Matches(text))
            result.TryAdd(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null);
        return result;
    }
}
