using System.Globalization;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Letters;

namespace DisclosureCases.Samples;

/// <summary>An invented request: what is asked for, why, which department handles it, and what it asks of the case.</summary>
/// <param name="Topic">The subject, for tests and summaries (征收补偿, 规划许可 …).</param>
/// <param name="Description">名称、文号或特征性描述 of the information (条例第29条), as an applicant writes it.</param>
/// <param name="InformationName">The information named in the reply's reasons.</param>
/// <param name="Department">The department of the demo agency that would handle it.</param>
/// <param name="Outcome">A plausible reply outcome (a code of workflows/outcomes.yaml).</param>
/// <param name="ThirdParty">Whom a consultation would address (第32条), when the information touches someone else.</param>
public sealed record SampleRequest(
    string Topic,
    string Description,
    string? Purpose,
    string InformationName,
    string Department,
    string Outcome,
    string? ThirdParty);

/// <summary>
/// The requests a district 规划和自然资源局 receives (征收补偿, 旧区改造, 规划许可, 控制性详细规划, 土地出让合同, 加装电梯,
/// 违法建筑, 环评, 竣工验收 …), each with the outcomes such a request typically gets — including the ones that go to
/// another agency (环评 is the 生态环境局's, a 征收决定 the district government's). Deterministic for a given
/// <see cref="Random"/>.
/// </summary>
public static class SampleRequests
{
    public const string Office = "办公室（政务公开）";
    public const string DetailedPlanning = "详细规划科";
    public const string LandUse = "土地利用管理科";
    public const string Building = "建筑管理科";

    /// <summary>Areas named the way plots are (texts append 地块, 旧改地块 …, so none ends in 地块 itself).</summary>
    static readonly string[] Plots =
    [
        "洪南山宅240街坊", "蕃瓜弄", "张园西区", "苏河湾东片区", "大宁路街道325街坊", "宝山路街道140街坊", "彭浦镇0703单元",
        "芷江西路街道159街坊", "北站街道80-81街坊", "天目西路街道45街坊", "石门二路街道54街坊", "临汾路街道377街坊",
        "共和新路街道312街坊", "江宁路街道25街坊",
    ];

    static readonly string[] PlanUnits =
    [
        "大宁社区C070301单元", "天目西路社区C070102单元", "彭浦社区C070504单元", "南京西路社区C070201单元", "芷江西路社区C070403单元",
        "临汾路社区C070602单元",
    ];

    static readonly string[] ProjectKinds = ["住宅项目", "商办项目", "保障性租赁住房项目", "社区综合服务中心项目", "地下车库项目", "城市更新项目"];

    static readonly string[] Developers =
    [
        "上海静泰置业有限公司", "上海苏河湾城市更新建设发展有限公司", "上海大宁投资开发有限公司", "上海静安城市发展（集团）有限公司",
        "上海恒裕房地产开发有限公司", "上海北苏商业管理有限公司",
    ];

    static readonly string[] Purposes =
    [
        "了解本户房屋征收补偿依据", "维护自身合法权益", "用于行政复议", "用于诉讼举证", "学术研究", "了解周边规划建设情况",
        "核实相邻建筑间距和日照", "业主大会讨论使用", "为委托人提供法律服务", "项目前期调研",
    ];

    /// <summary>One request; each topic draws its outcome from the outcomes it typically gets, most likely first.</summary>
    public static SampleRequest Next(Random random)
    {
        var plot = Pick(random, Plots);
        var road = SampleApplicants.Road(random);
        var estate = SampleApplicants.Estate(random);
        var number = random.Next(1, 900).ToString(CultureInfo.InvariantCulture);
        var lane = random.Next(1, 60).ToString(CultureInfo.InvariantCulture);
        var year = random.Next(2012, 2026).ToString(CultureInfo.InvariantCulture);
        var project = $"{plot}地块{Pick(random, ProjectKinds)}";
        var developer = Pick(random, Developers);
        var purpose = random.Next(5) == 0 ? null : Pick(random, Purposes);

        SampleRequest Make(string topic, string description, string info, string department, string? thirdParty, params (string Outcome, int Weight)[] outcomes) =>
            new(topic, description, purpose, info, department, Weighted(random, outcomes), thirdParty);

        return random.Next(17) switch
        {
            0 => Make("征收补偿", $"申请公开{plot}旧改地块国有土地上房屋征收项目的房屋征收决定、征收补偿方案及其附件",
                "房屋征收决定及征收补偿方案", LandUse, null,
                ("unavailable-not-responsible", 45), ("disclose", 20), ("partial", 15), ("withhold-process", 10), ("reject-repeat", 10)),
            1 => Make("征收补偿", $"申请公开本人房屋所在{road}{number}弄所属地块的房屋征收范围红线图、建设项目用地预审与选址意见书及附图",
                "征收范围红线图及用地预审与选址意见书", LandUse, null,
                ("disclose", 40), ("partial", 20), ("unavailable-not-held", 20), ("unavailable-not-responsible", 20)),
            2 => Make("旧区改造", $"申请公开{plot}旧区改造项目的建设用地规划许可证及附图、规划设计条件",
                "建设用地规划许可证及附图", LandUse, developer,
                ("disclose", 45), ("partial", 25), ("disclose-published", 15), ("unavailable-not-held", 15)),
            3 => Make("规划许可", $"申请公开{road}{number}号{Pick(random, ProjectKinds)}的建设工程规划许可证（含附图、附件）及审定的总平面图",
                "建设工程规划许可证及附图", Building, developer,
                ("disclose", 40), ("partial", 25), ("withhold-third-party", 15), ("unavailable-not-held", 10), ("reject-repeat", 10)),
            4 => Make("规划许可", $"申请公开{project}建设工程设计方案的审批意见及方案公示期间收到的公众意见处理情况",
                "建设工程设计方案审批意见及公众意见处理情况", Building, developer,
                ("partial", 35), ("disclose", 30), ("withhold-process", 20), ("unavailable-needs-creation", 15)),
            5 => Make("控制性详细规划", $"申请公开《静安区{Pick(random, PlanUnits)}控制性详细规划》的批复文件及普适图则、附加图则",
                "控制性详细规划批复文件及图则", DetailedPlanning, null,
                ("disclose-published", 40), ("disclose", 30), ("reject-publication", 15), ("partial", 15)),
            6 => Make("控制性详细规划", $"申请公开{plot}地块控制性详细规划局部调整的专家论证会会议纪要、公众意见及采纳情况",
                "控规局部调整论证会会议纪要及公众意见采纳情况", DetailedPlanning, null,
                ("withhold-process", 40), ("partial", 30), ("disclose", 30)),
            7 => Make("土地出让合同", $"申请公开{plot}地块国有建设用地使用权出让合同及补充合同（沪静规划资源（{year}）出让合同第{number}号）",
                "国有建设用地使用权出让合同及补充合同", LandUse, developer,
                ("partial", 35), ("disclose", 30), ("withhold-third-party", 15), ("unavailable-not-held", 20)),
            8 => Make("土地出让合同", $"申请公开{plot}地块土地出让金的缴纳情况及出让价款评估报告",
                "土地出让金缴纳情况及出让价款评估报告", LandUse, developer,
                ("partial", 30), ("withhold-third-party", 25), ("unavailable-needs-creation", 25), ("unavailable-not-responsible", 20)),
            9 => Make("加装电梯", $"申请公开{estate}{lane}号楼既有多层住宅加装电梯项目的建设工程规划许可证、设计方案及业主意见征询材料",
                "加装电梯项目建设工程规划许可证及审批材料", Building, $"{estate}{lane}号楼加装电梯业主代表",
                ("partial", 40), ("disclose", 40), ("withhold-third-party", 10), ("reject-repeat", 10)),
            10 => Make("违法建筑处罚", $"申请公开{road}{number}弄{lane}号屋顶违法搭建建筑的行政处罚决定书及限期拆除决定",
                "违法建筑行政处罚决定书", Building, null,
                ("withhold-enforcement-file", 25), ("disclose", 25), ("partial", 25), ("unavailable-not-responsible", 25)),
            11 => Make("违法建筑处罚", $"本人多次举报{estate}{lane}号底层违法搭建，要求贵局依法查处并书面答复查处结果",
                "违法建筑查处结果", Building, null,
                ("reject-petition", 70), ("unavailable-not-responsible", 30)),
            12 => Make("环评", $"申请公开{project}的环境影响评价报告书及审批意见、公众参与说明",
                "建设项目环境影响评价报告书及审批意见", Office, null,
                ("unavailable-not-responsible", 75), ("unavailable-not-held", 25)),
            13 => Make("竣工验收", $"申请公开{road}{number}号{Pick(random, ProjectKinds)}的建设工程竣工规划资源验收合格证及附图、规划验收测量报告",
                "竣工规划资源验收合格证及附图", Building, developer,
                ("disclose", 50), ("partial", 20), ("unavailable-not-held", 15), ("unavailable-needs-creation", 15)),
            14 => Make("不动产登记", $"申请公开{road}{number}弄{lane}号{random.Next(1, 7)}0{random.Next(1, 5)}室房屋的不动产登记信息（权利人、抵押及查封情况）",
                "不动产登记资料", Office, null,
                ("withhold-administrative-inquiry", 75), ("reject-confirmation", 10), ("unavailable-not-responsible", 15)),
            15 => Make("日照分析", $"申请公开{project}设计方案的日照分析报告及对{estate}住宅的日照影响结论",
                "日照分析报告", Building, developer,
                ("partial", 35), ("withhold-third-party", 25), ("disclose", 25), ("unavailable-not-held", 15)),
            _ => Make("统计数据", $"申请公开{year}年以来静安区既有多层住宅加装电梯项目的审批数量、项目地址及平均审批时长统计表",
                "加装电梯审批情况统计表", Office, null,
                ("unavailable-needs-creation", 60), ("partial", 20), ("disclose-published", 20)),
        };
    }

    /// <summary>The reasons a reply with <paramref name="outcome"/> gives, with the article it rests on.</summary>
    public static string ReplyReasons(string outcome, SampleRequest request) => outcome switch
    {
        "disclose-published" => $"您申请获取的{request.InformationName}已由本机关主动公开，可通过上海市静安区人民政府门户网站“政府信息公开”专栏查阅。依据《政府信息公开条例》第三十六条第（一）项，告知获取的方式和途径。",
        "disclose" => $"经检索，本机关制作并保存了您申请获取的{request.InformationName}，属于可以公开的政府信息，依据《政府信息公开条例》第三十六条第（二）项予以提供。",
        "partial" => $"您申请获取的{request.InformationName}中，涉及第三方个人信息（姓名、身份证号码、联系方式）的内容公开后会对第三方合法权益造成损害，依据《政府信息公开条例》第十五条、第三十七条作区分处理，其余部分予以公开。",
        "withhold-third-party" => $"您申请获取的{request.InformationName}含有第三方的商业秘密，经书面征求第三方意见，第三方不同意公开，且不公开不会对公共利益造成重大影响，依据《政府信息公开条例》第十五条、第三十二条不予公开。",
        "withhold-internal" => $"您申请获取的{request.InformationName}属于本机关的内部事务信息，依据《政府信息公开条例》第十六条第一款不予公开。",
        "withhold-process" => $"您申请获取的{request.InformationName}属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿，依据《政府信息公开条例》第十六条第二款不予公开。",
        "withhold-enforcement-file" => $"您申请获取的{request.InformationName}属于行政执法案卷信息，依据《政府信息公开条例》第十六条第二款不予公开。",
        "withhold-administrative-inquiry" => "您申请获取的不动产登记资料属于行政查询事项，请依照《不动产登记资料查询暂行办法》向不动产登记机构申请查询。依据《政府信息公开条例》第三十六条第（七）项告知。",
        "unavailable-not-held" => $"经检索，本机关未制作、获取您申请获取的{request.InformationName}，该政府信息不存在。依据《政府信息公开条例》第三十六条第（四）项告知。",
        "unavailable-not-responsible" => $"您申请获取的{request.InformationName}不属于本机关负责公开。{Responsible(request.Topic)}依据《政府信息公开条例》第三十六条第（五）项告知。",
        "unavailable-needs-creation" => $"您申请获取的{request.InformationName}需要本机关对现有信息进行加工、分析后另行制作，依据《政府信息公开条例》第三十八条不予提供。",
        "unavailable-unclear" => "经补正后，您的申请内容仍不明确，无法确定所需政府信息。依据《政府信息公开条例》第三十条告知。",
        "reject-petition" => "您提出的申请实为举报、投诉及要求查处的诉求，不属于政府信息公开申请，依据《政府信息公开条例》第三十九条第一款，请通过信访、举报投诉渠道提出。",
        "reject-repeat" => "您此前已就相同内容提出申请，本机关已依法作出答复，本次申请属于重复申请，依据《政府信息公开条例》第三十六条第（六）项不予重复处理。",
        "reject-publication" => $"您申请获取的{request.InformationName}已公开出版发行，依据《政府信息公开条例》第三十九条第二款，请通过公开出版物获取。",
        "reject-confirmation" => $"您要求本机关对已获取的{request.InformationName}予以确认或者重新出具，不属于政府信息公开申请的内容，不予处理。",
        _ => $"就您申请获取的{request.InformationName}依法作出答复。",
    };

    /// <summary>Why an applicant's reasons for a mass of requests (条例第35条) are not accepted.</summary>
    public const string UnreasonableReasons = "申请人在书面说明中仅称“了解相关情况”，未说明短期内大量申请内容相近信息的合理需要，所述理由不能说明其申请的合理性。";

    /// <summary>
    /// What a clerk types into the slots of the reply letter (templates/reply-*.hbs) for <paramref name="outcome"/>: how
    /// the information is provided (in the form <paramref name="delivery"/> asks for), what is withheld and why, the
    /// reasons with the article they rest on, the search made. The letter's template supplies the decision, the basis
    /// and the remedies around them; the texts name no pronoun, which the template chooses (您 or 你单位).
    /// </summary>
    /// <param name="receivedOn">The day the application was received (a repeated application's earlier reply precedes it).</param>
    public static Dictionary<string, string?> ReplySlots(string outcome, SampleRequest request, DeliveryMethod delivery, DateOnly receivedOn, Random random)
    {
        var info = request.InformationName;
        var electronic = delivery is DeliveryMethod.Email or DeliveryMethod.Online;
        var sent = delivery == DeliveryMethod.Email ? "发送至申请时预留的电子邮箱" : "通过上海市政府信息公开申请平台推送";
        var pages = random.Next(2, 40).ToString(CultureInfo.InvariantCulture);
        return outcome switch
        {
            "disclose-published" => new()
            {
                ["access"] = $"该信息已在上海市静安区人民政府门户网站“政府信息公开—法定主动公开内容—规划资源”栏目公开，可登录查阅、下载；" +
                    "也可在工作日到本机关政府信息公开受理点查阅。",
            },
            "disclose" => new()
            {
                ["provision"] = electronic
                    ? $"现将{info}的电子文本（PDF格式）{sent}，请注意查收。"
                    : $"现将{info}复印件（共{pages}页，加盖本机关政府信息公开专用章）随本答复书一并提供。",
                ["attachments"] = $"{info}（{(electronic ? "电子文本" : "复印件")}）",
            },
            "partial" => PartialSlots(request, electronic ? $"以电子文本形式{sent}" : $"复印件（共{pages}页）随本答复书一并提供"),
            "withhold-third-party" => new()
            {
                ["reasons"] = request.ThirdParty is { } party && party.Contains("业主", StringComparison.Ordinal)
                    ? $"所申请的{info}中载有各户业主的姓名、房号、联系方式及签名，属于个人隐私。本机关已书面征求{party}的意见，" +
                      "其明确表示不同意公开。经审查，不公开不会对公共利益造成重大影响。根据《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定，不予公开。"
                    : $"所申请的{info}载有{request.ThirdParty ?? "第三方"}的项目投资测算、成本构成等经营信息，属于商业秘密。本机关已书面征求其意见，" +
                      "其以公开将损害其商业利益为由不同意公开。经审查，不公开不会对公共利益造成重大影响。根据《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定，不予公开。",
            },
            "withhold-internal" => new()
            {
                ["reasons"] = $"所申请的{info}系本机关内部工作流程方面的信息，对外不直接产生权利义务关系。根据《中华人民共和国政府信息公开条例》第十六条第一款的规定，可以不予公开。",
            },
            "withhold-process" => new()
            {
                ["reasons"] = $"所申请的{info}系本机关在审查过程中形成的讨论记录和内部研究意见，属于过程性信息，不是对外发生效力的最终决定。" +
                    "根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，可以不予公开。",
            },
            "withhold-enforcement-file" => new()
            {
                ["reasons"] = $"所申请的{info}收存于本机关查处该违法建设案件的行政执法案卷，案卷内含调查询问笔录、现场勘查记录等材料。" +
                    "根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，行政执法案卷信息可以不予公开。当事人可以依照有关规定查阅本人的案卷材料。",
            },
            "withhold-state-secret" => new()
            {
                ["reasons"] = "所申请的信息已依照《中华人民共和国保守国家秘密法》的规定确定为国家秘密，在保密期限内。根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。",
            },
            "withhold-law-prohibited" => new()
            {
                ["reasons"] = $"所申请的{info}含有属于国家秘密的基础测绘成果，依照《中华人民共和国测绘法》《中华人民共和国测绘成果管理条例》的规定，" +
                    "涉密测绘成果只能依法定程序提供使用，不得向社会公开。根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。",
            },
            "withhold-three-safety" => new()
            {
                ["reasons"] = $"所申请的{info}含有城市重要基础设施的位置、结构和安全防护等信息，公开后可能危及公共安全。根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。",
            },
            "withhold-administrative-inquiry" => new()
            {
                ["category"] = "不动产登记资料",
                ["reasons"] = "不动产登记资料的查询依照《不动产登记暂行条例》第二十七条和《不动产登记资料查询暂行办法》办理：权利人、利害关系人可以持本人身份证明" +
                    "（利害关系人另附利害关系证明材料）向不动产所在地的不动产登记机构申请查询、复制。静安区的不动产登记资料由上海市静安区不动产登记事务中心负责查询。",
            },
            "unavailable-not-held" => new()
            {
                ["search"] = $"本机关收到申请后，由{request.Department}在本机关档案室、规划资源审批系统和公文管理系统中，以申请所述的项目名称、地址、文号及年份为关键词" +
                    $"进行了检索，未检索到{info}。本机关未制作、获取该政府信息。",
            },
            "unavailable-not-responsible" => new()
            {
                ["reasons"] = $"所申请的{info}不是本机关在履行职责过程中制作或者获取的政府信息。{Responsible(request.Topic)}",
                ["responsible-agency"] = ResponsibleAgency(request.Topic),
            },
            "unavailable-needs-creation" => new()
            {
                ["reasons"] = $"本机关未制作、保存{info}。形成该信息须从历年审批档案中逐件摘取、汇总和统计相关数据，属于对现有政府信息进行加工、分析。" +
                    "根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关不予提供。",
            },
            "unavailable-unclear" => new()
            {
                ["reasons"] = "本机关在补正告知书中已告知须写明所需政府信息的名称、文号或者项目名称、地址、年份等特征性描述。补正后的申请仍表述为“相关规划审批材料”，" +
                    "未写明具体项目或地址，本机关依据现有描述无法确定所需的政府信息。",
            },
            "reject-petition" => new()
            {
                ["reasons"] = "申请所提“要求依法查处违法搭建并书面答复查处结果”，实质是举报违法建设并要求本机关履行查处职责，不是获取本机关已制作或者获取的政府信息。" +
                    "根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理。",
                ["channel"] = "12345市民服务热线，或者向上海市静安区城市管理行政执法局举报投诉",
            },
            "reject-repeat" => new()
            {
                ["reasons"] = $"申请人此前已就{info}提出政府信息公开申请，本机关已于{LetterRenderer.ChineseDate(EarlierWeekday(receivedOn, random))}" +
                    "依法作出答复（予以公开）并已送达。本次申请所要求的信息与前次相同，申请人未提出新的事实或理由。",
            },
            "reject-publication" => new()
            {
                ["publication"] = "《上海市静安区控制性详细规划汇编》",
                ["reasons"] = "该汇编收录本区已批准的控制性详细规划文本及图则，已由出版社公开出版发行，在上海图书馆、静安区图书馆均有收藏，属于公开出版物。",
                ["route"] = "到上海图书馆、静安区图书馆借阅，或者通过新华书店购买",
            },
            "reject-confirmation" => new()
            {
                ["demand"] = $"对已获取的{info}复印件的真实性予以确认并重新加盖公章",
                ["reasons"] = "政府信息公开申请是获取行政机关在履行行政管理职能过程中制作或者获取的、以一定形式记录和保存的信息（《中华人民共和国政府信息公开条例》第二条）。" +
                    "要求行政机关对已获取的信息予以确认或者重新出具，不属于获取政府信息的申请。",
            },
            "reject-mass" => new() { ["reasons"] = UnreasonableReasons },
            // A withdrawal's letter (reply-other) has nothing to fill in.
            _ => [],
        };
    }

    /// <summary>条例第37条: what a partial reply provides, what it withholds, and the article for the withheld part.</summary>
    static Dictionary<string, string?> PartialSlots(SampleRequest request, string provided)
    {
        var (withheld, reasons) = request.Topic switch
        {
            "土地出让合同" => ("受让人的开户银行、银行账号及出让价款分期支付明细",
                "上述内容属于受让人的经营信息，公开会对其合法权益造成损害，且不公开不会对公共利益造成重大影响。" +
                "根据《中华人民共和国政府信息公开条例》第十五条的规定不予公开。"),
            "加装电梯" or "征收补偿" or "违法建筑处罚" => ("涉及其他自然人的姓名、身份证号码、房号、联系方式及签名",
                "上述内容属于个人隐私，公开会对第三方合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条的规定不予公开。"),
            "控制性详细规划" => ("会议纪要中专家和参会人员的个人发言及讨论意见",
                "上述内容属于规划调整论证过程中形成的讨论记录，是过程性信息。根据《中华人民共和国政府信息公开条例》第十六条第二款的规定不予公开。"),
            "规划许可" or "竣工验收" or "旧区改造" or "日照分析" => ("建设单位报送的建筑内部平面布置、设备用房及结构设计详图",
                "上述内容属于建设单位的技术信息，涉及其商业秘密，公开会对其合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条的规定不予公开。"),
            _ => ("涉及第三方自然人的姓名、身份证号码和联系方式",
                "上述内容属于个人隐私，公开会对第三方合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条的规定不予公开。"),
        };
        return new()
        {
            ["disclosed"] = $"{request.InformationName}中可以公开的部分（已对不予公开的内容作遮盖处理），{provided}。",
            ["withheld"] = withheld,
            ["reasons"] = reasons,
        };
    }

    /// <summary>Where an application outside this agency's remit belongs (条例第36条（五）: name the agency where known).</summary>
    static string Responsible(string topic) => topic switch
    {
        "征收补偿" => "国有土地上房屋征收决定由上海市静安区人民政府作出，征收补偿方案的实施由上海市静安区住房保障和房屋管理局负责，请向其申请。",
        "环评" => "建设项目环境影响评价文件由上海市静安区生态环境局审批，请向其申请。",
        "违法建筑处罚" => "该处违法建筑的查处由上海市静安区城市管理行政执法局负责，请向其申请。",
        "不动产登记" => "不动产登记资料由上海市静安区不动产登记事务中心负责查询，请向其申请。",
        _ => "该信息由其他机关制作或保存，请向制作或保存该信息的机关申请。",
    };

    static DateOnly EarlierWeekday(DateOnly day, Random random)
    {
        var earlier = day.AddDays(-random.Next(40, 240));
        while (earlier.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) earlier = earlier.AddDays(-1);
        return earlier;
    }

    /// <summary>The agency that does publish what this one does not (条例第36条（五）), as the letter names it.</summary>
    static string ResponsibleAgency(string topic) => topic switch
    {
        "征收补偿" => "上海市静安区人民政府、上海市静安区住房保障和房屋管理局，可通过上海市静安区人民政府门户网站“政府信息公开—依申请公开”栏目向其提出申请",
        "环评" => "上海市静安区生态环境局，可通过上海市静安区人民政府门户网站“政府信息公开—依申请公开”栏目向其提出申请",
        "违法建筑处罚" => "上海市静安区城市管理行政执法局，可通过上海市静安区人民政府门户网站“政府信息公开—依申请公开”栏目向其提出申请",
        "不动产登记" => "上海市静安区不动产登记事务中心，可到该中心窗口申请查询",
        _ => "无法确定",
    };

    /// <summary>Items of a correction notice (条例第30条): what is unclear about such a request.</summary>
    public static string CorrectionItems(SampleRequest request) => request.Topic switch
    {
        "征收补偿" or "旧区改造" => "请写明房屋的具体门牌地址（路名、弄号、室号）及所需信息的名称或文号，以便确定所在地块。",
        "不动产登记" => "请提供房屋权利人身份证明或委托书，并写明所需信息的名称或文号。",
        _ => "申请内容不明确：请写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述（项目名称、地址、年份）。",
    };

    static string Weighted(Random random, (string Outcome, int Weight)[] outcomes)
    {
        var roll = random.Next(outcomes.Sum(o => o.Weight));
        foreach (var (outcome, weight) in outcomes)
        {
            if (roll < weight) return outcome;
            roll -= weight;
        }
        return outcomes[^1].Outcome;
    }

    static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
