using System.Globalization;
using System.Text;
using static DisclosureCases.Evidence.EvidenceHtml;

namespace DisclosureCases.Evidence;

/// <summary>
/// index.html of the evidence package: the 证据目录 as a court or 复议机关 expects it — 序号, 证据名称, 来源/文号, 日期,
/// 证明目的, 页数/文件 — one table per application, numbering continuous across them.
/// </summary>
public static class EvidenceIndex
{
    /// <summary>One application's items and the record extract they cover (its length and last hash).</summary>
    public sealed record Section(string CaseNumber, string AgencyName, string Applicant, int EventCount, string Head,
        IReadOnlyList<EvidencePackage.Item> Items);

    public static byte[] Html(IReadOnlyList<Section> sections, DateTime asOf)
    {
        var body = new StringBuilder();
        var total = sections.Sum(s => s.Items.Count);
        body.Append(CultureInfo.InvariantCulture,
            $"<p>共{sections.Count}件政府信息公开申请，证据{total}项。材料截至 {asOf:yyyy-MM-dd HH:mm}（北京时间）的办理记录。</p>");
        foreach (var s in sections)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2>{E(s.CaseNumber)}（申请人：{E(s.Applicant)}）</h2>");
            body.Append("<table class=\"index\"><thead><tr><th>序号</th><th>证据名称</th><th>来源/文号</th><th>日期</th><th>证明目的</th><th>页数/文件</th></tr></thead><tbody>");
            foreach (var i in s.Items)
            {
                var files = string.Join("<br>", i.Files.Select(f => $"<a href=\"{E(f)}\">{E(f)}</a>"));
                body.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>证据{i.Number}</td><td>{E(i.Title)}</td><td>{E(i.Source)}</td><td>{E(i.Date)}</td><td>{E(i.Purpose)}</td><td>{files}</td></tr>");
            }
            body.Append("</tbody></table>");
            body.Append(CultureInfo.InvariantCulture,
                $"<p class=\"note\">办理过程记录共{s.EventCount}条，末条哈希：<span class=\"hash\">{E(s.Head)}</span></p>");
        }
        body.Append("<p class=\"note\">各文件的 SHA-256 见 SHA256SUMS（可用 <code>sha256sum -c SHA256SUMS</code> 核验）。</p>");
        var agency = string.Join("、", sections.Select(s => s.AgencyName).Distinct());
        return Page("证据清单", agency, body.ToString());
    }
}
