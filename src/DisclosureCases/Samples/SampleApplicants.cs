using System.Globalization;
using System.Text;
using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Samples;

/// <summary>An invented applicant with valid identity numbers, as the intake form takes it.</summary>
public sealed record SampleApplicant(
    ApplicantKind Kind,
    OrganizationKind? OrganizationKind,
    string Name,
    IdDocumentType IdType,
    string IdNumber,
    string? ContactPerson,
    string Phone,
    string? Email,
    string Address,
    string PostalCode);

/// <summary>
/// Invented but plausible applicants for demo and benchmark data: people with Shanghai (and some out-of-town)
/// 居民身份证 numbers, and the five kinds of 法人或其他组织 of the annual report (表三) with 统一社会信用代码 whose
/// registration-authority prefix fits the kind. Every number passes <see cref="IdentityNumbers"/>; no name, number or
/// company is meant to be real. Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class SampleApplicants
{
    static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "郑",
        "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜",
        "叶", "程", "苏", "魏", "吕", "丁", "沈", "姚", "卢", "姜", "钟", "陆", "汪", "范", "金", "石", "夏", "方", "邹", "秦",
        "顾", "毛", "钱", "严", "汤", "倪", "龚", "邵", "俞", "浦", "施", "盛", "葛", "瞿", "费", "殷", "屠", "卫",
    ];

    static readonly string[] MaleGiven =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "建华", "志强", "国平", "振华", "卫东", "德明", "建国", "文斌",
        "海峰", "俊杰", "浩然", "宇航", "子轩", "家豪", "立群", "荣根", "金龙", "伯年", "永康", "晓东", "天宇", "思远", "敏杰", "阿毛",
    ];

    static readonly string[] FemaleGiven =
    [
        "芳", "娟", "敏", "静", "丽", "艳", "霞", "婷", "颖", "玲", "秀英", "桂英", "美华", "丽萍", "雪梅", "晓燕", "佳怡", "欣怡",
        "雅琴", "慧敏", "春兰", "宝娣", "凤英", "梦婷", "诗涵", "亚萍", "文娟", "琳", "洁", "蓓蕾", "佩芬", "月芳", "雯", "菁",
    ];

    /// <summary>Birth-place codes of 居民身份证: mostly Shanghai districts, including the pre-2015 闸北区 code 310108
    /// that many 静安 residents still carry, and a few out-of-town ones.</summary>
    static readonly string[] BirthPlaces =
    [
        "310106", "310106", "310106", "310108", "310108", "310101", "310104", "310105", "310107", "310109", "310110",
        "310112", "310113", "310115", "310115", "310230", "320102", "320583", "330106", "330281", "340104", "420106",
        "370202", "510107",
    ];

    /// <summary>Roads of 静安区 with the postal code of their stretch.</summary>
    static readonly (string Road, string Postal)[] JinganRoads =
    [
        ("南京西路", "200040"), ("威海路", "200041"), ("延安中路", "200040"), ("北京西路", "200041"), ("新闸路", "200041"),
        ("昌平路", "200042"), ("康定路", "200042"), ("武定路", "200042"), ("江宁路", "200041"), ("常德路", "200040"),
        ("陕西北路", "200041"), ("石门二路", "200041"), ("大田路", "200041"), ("天目中路", "200070"), ("天目西路", "200070"),
        ("恒丰路", "200070"), ("共和新路", "200072"), ("中山北路", "200072"), ("广中路", "200072"), ("平型关路", "200072"),
        ("延长中路", "200072"), ("汶水路", "200072"), ("临汾路", "200435"), ("场中路", "200435"), ("彭江路", "200436"),
        ("大宁路", "200072"), ("洛川中路", "200072"), ("万荣路", "200436"), ("灵石路", "200072"), ("保德路", "200435"),
        ("宝山路", "200070"), ("芷江西路", "200070"), ("西藏北路", "200070"), ("永兴路", "200070"), ("止园路", "200071"),
        ("虬江路", "200071"), ("普善路", "200071"), ("沪太路", "200072"), ("阳曲路", "200435"), ("闻喜路", "200435"),
        ("柳营路", "200072"), ("胶州路", "200040"), ("愚园路", "200040"), ("海防路", "200042"), ("余姚路", "200042"),
    ];

    static readonly (string District, string Road, string Postal)[] OtherRoads =
    [
        ("黄浦区", "淮海中路", "200021"), ("徐汇区", "漕溪北路", "200030"), ("长宁区", "愚园路", "200050"),
        ("普陀区", "长寿路", "200060"), ("虹口区", "四川北路", "200080"), ("杨浦区", "控江路", "200092"),
        ("浦东新区", "张杨路", "200120"), ("闵行区", "莘庄镇莘松路", "201100"), ("宝山区", "牡丹江路", "201900"),
    ];

    static readonly string[] Streets = ["静安寺", "南京西路", "江宁路", "石门二路", "曹家渡", "天目西路", "北站", "宝山路", "芷江西路", "共和新路", "大宁路", "彭浦新村", "临汾路", "彭浦镇"];

    static readonly string[] CompanyStems =
    [
        "静泰", "申安", "恒裕", "北苏", "华茂", "弘景", "嘉闸", "宝源", "中兴", "汇达", "锦程", "新闸", "永和", "瑞安", "东方明珠", "大宁",
        "昌和", "澄衷", "福兴", "春申",
    ];

    static readonly string[] CompanyKinds =
    [
        "置业有限公司", "房地产开发有限公司", "城市更新建设发展有限公司", "物业管理有限公司", "建筑设计有限公司", "投资管理有限公司",
        "商业管理有限公司", "建设工程有限公司", "资产经营有限公司",
    ];

    static readonly string[] ResearchNames =
    [
        "上海静安城市更新研究院", "上海申城规划设计研究中心", "上海市城市社会发展研究所", "上海都市空间与遗产保护研究中心",
        "上海城建经济研究所", "上海建成环境研究院",
    ];

    static readonly string[] PublicWelfareNames =
    [
        "上海市静安区绿苑环境保护志愿者协会", "上海市静安区老房子保护公益服务中心", "上海市静安区乐龄社区服务社",
        "上海市静安区邻里守望社会工作服务社", "上海市静安区无障碍环境促进会", "上海市静安区公众参与城市规划促进中心",
    ];

    static readonly string[] LawFirmStems = ["申衡", "正泽", "明理", "方达信", "浦江", "君和", "锦天", "海华永", "卓信", "同力"];

    static readonly string[] OtherOrganizations =
    [
        "{0}小区业主大会业主委员会", "{0}居民委员会", "{0}股份经济合作社", "{0}大楼业主委员会",
    ];

    static readonly string[] Estates =
    [
        "大宁瑞仕花园", "中远两湾城", "静安枫景", "达安花园", "华山夏都苑", "新福康里", "永和家园", "彭浦新村第四", "汶水小区", "延长新村",
        "洛川东路第二", "万荣小区", "闻喜小区", "临汾路三七五弄", "芷江中路一〇一弄", "宝山路五四七弄", "康定路十号", "阳曲小区",
    ];

    static readonly string[] EmailDomains = ["163.com", "126.com", "qq.com", "sina.com", "139.com", "foxmail.com"];

    static readonly string[] Pinyin =
    [
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo",
        "shen", "lu", "gu", "qian", "jin", "song", "tang", "xie",
    ];

    /// <summary>
    /// One applicant. About two in three are 自然人; the rest are spread over the five organisation kinds (商业企业 most
    /// often, as in practice).
    /// </summary>
    public static SampleApplicant Next(Random random)
    {
        var roll = random.Next(100);
        if (roll < 64) return Person(random);
        return roll switch
        {
            < 78 => Organization(random, OrganizationKind.Commercial),
            < 83 => Organization(random, OrganizationKind.Research),
            < 88 => Organization(random, OrganizationKind.PublicWelfare),
            < 95 => Organization(random, OrganizationKind.LegalService),
            _ => Organization(random, OrganizationKind.Other),
        };
    }

    public static SampleApplicant Person(Random random)
    {
        var male = random.Next(2) == 0;
        var name = PersonName(random, male);
        var birth = new DateOnly(1942, 1, 1).AddDays(random.Next(0, 365 * 60));
        var id = ResidentId(random, BirthPlaces[random.Next(BirthPlaces.Length)], birth, male);
        var (address, postal) = Address(random);
        var email = random.Next(3) == 0
            ? $"{Pinyin[random.Next(Pinyin.Length)]}{random.Next(60, 2000).ToString(CultureInfo.InvariantCulture)}@{EmailDomains[random.Next(EmailDomains.Length)]}"
            : null;
        return new SampleApplicant(ApplicantKind.NaturalPerson, null, name, IdDocumentType.ResidentIdCard, id, null,
            random.Next(5) == 0 ? Landline(random) : Mobile(random), email, address, postal);
    }

    public static SampleApplicant Organization(Random random, OrganizationKind kind)
    {
        // GB 32100-2015: the first character names the registering authority, the second the kind of body.
        var (name, prefix) = kind switch
        {
            OrganizationKind.Commercial => ($"上海{Pick(random, CompanyStems)}{Pick(random, CompanyKinds)}", "91"),
            OrganizationKind.Research => (Pick(random, ResearchNames), "12"),
            OrganizationKind.PublicWelfare => (Pick(random, PublicWelfareNames), "52"),
            OrganizationKind.LegalService => ($"上海{Pick(random, LawFirmStems)}律师事务所", "31"),
            _ => (string.Format(CultureInfo.InvariantCulture, Pick(random, OtherOrganizations), Pick(random, Estates)), "Y1"),
        };
        var division = kind == OrganizationKind.Commercial && random.Next(3) == 0 ? "310000" : "310106";
        var code = CreditCode(random, prefix, division);
        var (address, postal) = Address(random, kind == OrganizationKind.Commercial || kind == OrganizationKind.LegalService);
        var contact = PersonName(random, random.Next(2) == 0);
        var email = kind is OrganizationKind.LegalService or OrganizationKind.Commercial && random.Next(2) == 0
            ? $"{Pick(random, Pinyin)}@{Pick(random, Pinyin)}{(kind == OrganizationKind.LegalService ? "law.cn" : "corp.com.cn")}"
            : null;
        return new SampleApplicant(ApplicantKind.Organization, kind, name, IdDocumentType.UnifiedSocialCreditCode, code, contact,
            random.Next(2) == 0 ? Landline(random) : Mobile(random), email, address, postal);
    }

    public static string PersonName(Random random, bool male) =>
        Pick(random, Surnames) + Pick(random, male ? MaleGiven : FemaleGiven);

    /// <summary>An 18-digit 居民身份证号码: place, birth date, a sequence whose last digit is odd for men, the check character.</summary>
    public static string ResidentId(Random random, string place, DateOnly birth, bool male)
    {
        var sequence = random.Next(0, 50) * 2 + random.Next(0, 10) * 100 + (male ? 1 : 0);
        var first17 = place + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdentityNumbers.ResidentIdCheckChar(first17);
    }

    const string OrganizationCodeChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// An 18-character 统一社会信用代码: two prefix characters, the 6-digit division, a 9-character organisation code
    /// (GB 11714, with its own check character) and the MOD 31 check character.
    /// </summary>
    public static string CreditCode(Random random, string prefix, string division)
    {
        var body = new StringBuilder(8);
        for (var i = 0; i < 8; i++)
            body.Append(i < 2 && random.Next(4) == 0 ? "MA"[i] : (char)('0' + random.Next(10)));
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += OrganizationCodeChars.IndexOf(body[i]) * OrganizationCodeWeights[i];
        var check = 11 - sum % 11;
        body.Append(check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) });
        var first17 = prefix + division + body;
        return first17 + IdentityNumbers.CreditCodeCheckChar(first17);
    }

    public static (string Address, string PostalCode) Address(Random random, bool office = false)
    {
        if (random.Next(6) == 0)
        {
            var (district, road, postal) = OtherRoads[random.Next(OtherRoads.Length)];
            return ($"上海市{district}{road}{Number(random, 1, 1200)}弄{Number(random, 1, 60)}号{Number(random, 1, 28)}0{Number(random, 1, 4)}室", postal);
        }
        var (jRoad, jPostal) = JinganRoads[random.Next(JinganRoads.Length)];
        var address = office
            ? $"上海市静安区{jRoad}{Number(random, 1, 1800)}号{Number(random, 2, 40)}楼{random.Next(1, 21).ToString("00", CultureInfo.InvariantCulture)}室"
            : random.Next(4) == 0
                ? $"上海市静安区{jRoad}{Number(random, 1, 1800)}号{Number(random, 1, 6)}0{Number(random, 1, 4)}室"
                : $"上海市静安区{jRoad}{Number(random, 1, 1500)}弄{Number(random, 1, 120)}号{Number(random, 1, 6)}0{Number(random, 1, 4)}室";
        return (address, jPostal);
    }

    /// <summary>A 街道 of 静安区, for request texts that name a neighbourhood.</summary>
    public static string Street(Random random) => Pick(random, Streets);

    /// <summary>A residential estate (小区) of 静安区, for request texts.</summary>
    public static string Estate(Random random) => Pick(random, Estates);

    /// <summary>A road of 静安区, for request texts.</summary>
    public static string Road(Random random) => JinganRoads[random.Next(JinganRoads.Length)].Road;

    static string Mobile(Random random) =>
        "1" + "35789"[random.Next(5)] + random.Next(0, 10).ToString(CultureInfo.InvariantCulture)
        + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);

    static string Landline(Random random) =>
        "021-" + "56"[random.Next(2)] + random.Next(0, 10_000_000).ToString("0000000", CultureInfo.InvariantCulture);

    static string Number(Random random, int min, int max) => random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);

    static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
