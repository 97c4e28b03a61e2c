using System.Text;

namespace DisclosureCases.Reports;

/// <summary>RFC 4180 CSV, UTF-8 with a byte-order mark so that Excel opens the Chinese labels correctly.</summary>
public sealed class Csv
{
    readonly StringBuilder text = new();

    public Csv Row(params object?[] cells)
    {
        text.Append(string.Join(",", cells.Select(Field))).Append("\r\n");
        return this;
    }

    public Csv Blank() { text.Append("\r\n"); return this; }

    public override string ToString() => text.ToString();

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];

    static string Field(object? value)
    {
        var s = value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
