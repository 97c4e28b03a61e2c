namespace DisclosureCases.Tests.Web.HostileInput;

/// <summary>What an attacker or a broken client sends instead of a sensible value.</summary>
public static class HostileValues
{
    /// <summary>Script markers: if one of them ever reaches a page unescaped, stored or reflected script runs.</summary>
    public const string ScriptMarker = "<script>alert('hostile-input')</script>";
    public const string ImageMarker = "<img src=x onerror=alert('hostile-input')>";

    public static readonly IReadOnlyList<(string Name, string Value)> All =
    [
        ("100,000 characters", new string('长', 100_000)),
        ("control characters", "申请\u0000人\u0008名\u202E称\u001B"),
        ("an impossible date", "2026-02-30"),
        ("a five-digit year", "99999-01-01"),
        ("a word for a date", "昨天"),
        ("a script tag", ScriptMarker),
        ("an img onerror", ImageMarker),
        ("an SQL fragment", "'; DROP TABLE Cases;--"),
        ("text for a number", "abc"),
        ("a number past int", "99999999999999999999"),
        ("a negative number", "-1"),
        ("nothing", ""),
        ("only spaces", "   "),
    ];

    /// <summary>Larger than any form value the app accepts (the form reader's limit is 4 MiB a value).</summary>
    public static readonly string Oversized = new('x', 5 * 1024 * 1024);

    public static bool ContainsUnescapedMarker(string html) =>
        html.Contains("<script>alert('hostile-input')", StringComparison.Ordinal)
        || html.Contains("<img src=x onerror=alert('hostile-input')", StringComparison.Ordinal)
        || html.Contains("onerror=alert('hostile-input')", StringComparison.Ordinal);

    /// <summary>A value a person might have typed into a field of this name and kind, for the fields a hostile value is not in.</summary>
    public static string Plausible(FormField field, string today)
    {
        if (field.Value.Length > 0 && field.Kind != "password") return field.Value;
        var name = field.Name;
        bool Has(string part) => name.Contains(part, StringComparison.OrdinalIgnoreCase);
        return field.Kind switch
        {
            "date" => today,
            "number" => "1",
            "email" => "zhang@example.cn",
            "select" => field.Options.FirstOrDefault(o => o.Length > 0) ?? "",
            "password" => "Wrong@2026x",
            _ when Has("UserName") => "nobody",
            _ when Has("Phone") => "13812345678",
            _ when Has("IdNumber") => "11010519491231002X",
            _ when Has("PostalCode") => "200070",
            _ when Has("Email") => "zhang@example.cn",
            _ when Has("Date") || Has("On") && name.EndsWith("On", StringComparison.Ordinal) => today,
            _ when Has("Name") => "刘志强",
            _ when Has("Address") => "上海市静安区共和新路1000号",
            _ => "依申请公开测试内容",
        };
    }
}
