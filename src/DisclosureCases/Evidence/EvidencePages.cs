using System.Globalization;
using System.Text;
using DisclosureCases.Cases;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using static DisclosureCases.Evidence.EvidenceHtml;

namespace DisclosureCases.Evidence;

/// <summary>The pages the evidence package writes for one case (the letters are the issued ones themselves).</summary>
public sealed class EvidencePages(string agencyName, Case c)
{
    string Subtitle => $"{agencyName} · {c.CaseNumber ?? "（未登记）"}";

    static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    static string Time(DateTimeOffset at) => ShanghaiTime.Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public byte[] Application()
    {
        var a = c.Applicant;
        var body = "<h2>收件</h2>" + Facts([
            ("收件渠道", EnumText.Of(c.Channel)),
            ("到达日期", Day(c.ArrivedOn)),
            ("签收/确认日期", Day(c.ConfirmedOn)),
            ("收到申请之日", $"{Day(c.ReceivedOn)}（{ReceiptDateRule.Explain(c.Channel, c.ReceivedOn)}）"),
        ]) + "<h2>申请人</h2>" + Facts([
            ("姓名/名称", a.Name),
            ("申请人类型", EnumText.Of(a.Kind) + (a.OrganizationKind is { } k ? "·" + EnumText.Of(k) : "")),
            ("证件", $"{EnumText.Of(a.IdType)} {a.IdNumber}"),
            ("联系人/法定代表人", a.ContactPerson),
            ("联系电话", a.Phone),
            ("电子邮箱", a.Email),
            ("通讯地址", a.Address),
            ("邮政编码", a.PostalCode),
        ]) + "<h2>申请内容（条例第二十九条）</h2>" + Facts([
            ("所需信息的名称、文号或特征性描述", c.Description),
            ("用途", c.Purpose),
            ("获取信息的方式", EnumText.Of(c.ProvisionForm)),
            ("获取信息的途径", EnumText.Of(c.DeliveryMethod)),
        ]);
        return Page("政府信息公开申请", Subtitle, body);
    }

    public byte[] Registration(CaseEvent? registered, string? department)
    {
        var body = Facts([
            ("申请编号（文号）", c.CaseNumber ?? "（未登记）"),
            ("登记时间", registered is null ? null : Time(registered.At) + "（北京时间）"),
            ("登记人", registered?.ActorName),
            ("承办部门", department),
            ("承办人", c.HandlerName),
            ("记录", registered is null ? null : $"办理过程记录第{registered.Sequence}条，哈希 {registered.Hash}"),
        ]);
        return Page("申请登记", Subtitle, body);
    }

    public byte[] Mailing(IReadOnlyList<Mailing> mailings)
    {
        var rows = new StringBuilder("<table><thead><tr><th>序号</th><th>送达方式</th><th>邮件号</th><th>交寄日期</th><th>签收/送达日期</th><th>退回日期</th><th>退回原因</th></tr></thead><tbody>");
        var n = 0;
        foreach (var m in mailings)
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{++n}</td><td>{E(m.Method)}</td><td>{E(m.TrackingNumber ?? "—")}</td><td>{Day(m.PostedOn)}</td><td>{Day(m.DeliveredOn)}</td><td>{Day(m.ReturnedOn)}</td><td>{E(m.ReturnReason)}</td></tr>");
        rows.Append("</tbody></table><p class=\"note\">邮件号可在邮政或快递企业查询投递和签收记录。</p>");
        return Page("送达及邮寄凭证", Subtitle, rows.ToString());
    }

    public byte[] Deadlines(IReadOnlyList<CaseFiles.DeadlineParagraph> statement, DateOnly asOf)
    {
        var body = new StringBuilder(Facts([
            ("收到申请之日", $"{Day(c.ReceivedOn)}（{ReceiptDateRule.Explain(c.Channel, c.ReceivedOn)}）"),
            ("答复日期", Day(c.RepliedOn)),
            ("期限状态计算日", $"{Day(asOf)}（本材料所含最后一条办理记录之日）"),
        ]));
        if (statement.Count == 0) body.Append("<p>本案没有计时事件，无期限。</p>");
        foreach (var p in statement)
        {
            body.Append("<h2>").Append(E(p.Heading)).Append("</h2><p>").Append(E(p.Standing)).Append("</p><ul>");
            foreach (var line in p.Explanation) body.Append("<li>").Append(E(line)).Append("</li>");
            body.Append("</ul>");
        }
        body.Append("<p class=\"note\">工作日按国务院办公厅公布的年度节假日安排计算（含调休上班日），起算日当日不计入。</p>");
        return Page("期限计算说明", Subtitle, body.ToString());
    }

    public byte[] Events(IReadOnlyList<CaseEvent> events)
    {
        var body = new StringBuilder("""
            <p class="note">每条记录的哈希为 SHA-256（小写十六进制），计算内容为以下字段依次以 U+001F 分隔后的 UTF-8 文本：案件编号、机关编号、序号、
            时间（UTC，ISO 8601 往返格式）、操作人编号、操作人、类型、触发、原状态、新状态、摘要、数据、前一条的哈希（第1条为空）。
            同目录的 events.jsonl 逐行给出这些字段，供核验。</p>
            <table><thead><tr><th>序号</th><th>时间（北京时间）</th><th>操作人</th><th>事项</th><th>摘要</th><th>前一条哈希 / 本条哈希</th></tr></thead><tbody>
            """);
        foreach (var e in events)
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{e.Sequence}</td><td>{Time(e.At)}</td><td>{E(e.ActorName)}</td><td>{E(e.Trigger ?? e.Kind)}</td><td>{E(e.Summary)}</td><td class=\"hash\">{E(e.PreviousHash == "" ? "（无）" : e.PreviousHash)}<br>{E(e.Hash)}</td></tr>");
        body.Append("</tbody></table>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">案件编号 {c.Id}，机关编号 {c.AgencyId}；本摘录共 {events.Count} 条。</p>");
        return Page("办理过程记录（哈希链摘录）", Subtitle, body.ToString());
    }
}
