using System.Net;
using System.Text;

namespace DisclosureCases.Evidence;

/// <summary>The printable page every HTML file of the evidence package is written in: A4, black on white, no scripts.</summary>
public static class EvidenceHtml
{
    const string Style = """
        body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;font-size:12pt;color:#000;margin:2cm;line-height:1.6}
        h1{font-size:18pt;text-align:center;margin:0 0 .5em}h2{font-size:14pt;margin:1.2em 0 .4em}
        table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #000;padding:4px 6px;vertical-align:top;text-align:left}
        th{background:#eee}table.index td:nth-child(1),table.index td:nth-child(4),table.index th{white-space:nowrap}dl{display:grid;grid-template-columns:9em 1fr;gap:2px 1em}dt{font-weight:bold}dd{margin:0}
        .hash{font-family:monospace;font-size:8pt;word-break:break-all}.note{font-size:10pt;color:#333}
        @page{size:A4;margin:1.5cm}@media print{body{margin:0}tr{break-inside:avoid}}
        """;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static byte[] Page(string title, string subtitle, string body) =>
        Encoding.UTF8.GetBytes($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{E(title)}</title><style>{Style}</style></head>
            <body><h1>{E(title)}</h1><p class="note" style="text-align:center">{E(subtitle)}</p>
            {body}
            </body></html>

            """);

    /// <summary>A definition list of label and value; an empty value shows as —.</summary>
    public static string Facts(IEnumerable<(string Label, string? Value)> facts)
    {
        var html = new StringBuilder("<dl>");
        foreach (var (label, value) in facts)
            html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(string.IsNullOrWhiteSpace(value) ? "—" : value)).Append("</dd>");
        return html.Append("</dl>").ToString();
    }
}
