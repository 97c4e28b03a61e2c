namespace DisclosureCases.Domain.Periods;

/// <summary>
/// The statutory periods of DOMAIN.md §2 and §6 with their provisions, in one place for every module to cite. They
/// are law, not configuration: a change here is a change in the law and is reviewed like one.
/// </summary>
/// <remarks>
/// The 行政复议法 working-day periods are working days because its 第八十八条 says its "三日、五日、七日、十日" mean
/// working days. Calendar-day and month periods move to the next working day when they end on a rest day
/// (民事诉讼法第八十五条, applied through 行政诉讼法第一百零一条 and 行政复议法第八十八条).
/// </remarks>
public static class Statutes
{
    const string Regulations = "《政府信息公开条例》";
    const string ReviewLaw = "《行政复议法》";
    const string LitigationLaw = "《行政诉讼法》";

    /// <summary>答复期限: 20 working days from receipt (条例第33条第2款).</summary>
    public static readonly StatutoryPeriod Reply =
        new(Period.WorkingDays(20), new("答复期限", Regulations + "第三十三条第二款"));

    /// <summary>延长答复期限: at most 20 more working days, once, with the 负责人's consent (条例第33条第2款).</summary>
    public static readonly StatutoryPeriod Extension =
        new(Period.WorkingDays(20), new("延长答复期限", Regulations + "第三十三条第二款"));

    /// <summary>补正告知期限: a single correction notice within 7 working days of receipt (条例第30条).</summary>
    public static readonly StatutoryPeriod CorrectionNotice =
        new(Period.WorkingDays(7), new("补正告知期限", Regulations + "第三十条"));

    /// <summary>
    /// 征求意见答复期限: 15 working days for a third party (第32条, silence is not consent) or another agency (第34条,
    /// silence is consent); the time is not counted in the reply period (第33条第3款).
    /// </summary>
    public static readonly StatutoryPeriod Consultation =
        new(Period.WorkingDays(15), new("征求意见答复期限", Regulations + "第三十二条、第三十四条"));

    /// <summary>申请行政复议期限: 60 days from knowing of the act (行政复议法第20条).</summary>
    public static readonly StatutoryPeriod ReviewApplication =
        new(Period.Days(60), new("申请行政复议期限", ReviewLaw + "第二十条"));

    /// <summary>行政复议答复期限: 10 working days from receiving the copy (行政复议法第48条、第88条).</summary>
    public static readonly StatutoryPeriod ReviewAnswer =
        new(Period.WorkingDays(10), new("行政复议答复期限", ReviewLaw + "第四十八条、第八十八条"));

    /// <summary>简易程序答复期限: 5 working days (行政复议法第54条、第88条); FOI cases qualify (第53条).</summary>
    public static readonly StatutoryPeriod ReviewAnswerSimplified =
        new(Period.WorkingDays(5), new("行政复议简易程序答复期限", ReviewLaw + "第五十四条、第八十八条"));

    /// <summary>行政复议决定期限: 60 days from acceptance (行政复议法第62条第1款).</summary>
    public static readonly StatutoryPeriod ReviewDecision =
        new(Period.Days(60), new("行政复议决定期限", ReviewLaw + "第六十二条第一款"));

    /// <summary>行政复议决定延长期限: at most 30 more days, once (行政复议法第62条第1款).</summary>
    public static readonly StatutoryPeriod ReviewDecisionExtension =
        new(Period.Days(30), new("行政复议决定延长期限", ReviewLaw + "第六十二条第一款"));

    /// <summary>简易程序决定期限: 30 days from acceptance (行政复议法第62条第2款).</summary>
    public static readonly StatutoryPeriod ReviewDecisionSimplified =
        new(Period.Days(30), new("行政复议简易程序决定期限", ReviewLaw + "第六十二条第二款"));

    /// <summary>直接起诉期限: 6 months from knowing of the act (行政诉讼法第46条).</summary>
    public static readonly StatutoryPeriod Lawsuit =
        new(Period.Months(6), new("起诉期限", LitigationLaw + "第四十六条"));

    /// <summary>复议后起诉期限: 15 days from receiving the review decision (行政诉讼法第45条).</summary>
    public static readonly StatutoryPeriod LawsuitAfterReview =
        new(Period.Days(15), new("复议后起诉期限", LitigationLaw + "第四十五条"));

    /// <summary>答辩期限: evidence and 答辩状 within 15 days of receiving the complaint (行政诉讼法第67条).</summary>
    public static readonly StatutoryPeriod Defence =
        new(Period.Days(15), new("答辩期限", LitigationLaw + "第六十七条"));

    /// <summary>不服判决上诉期限: 15 days from service of the judgment (行政诉讼法第85条).</summary>
    public static readonly StatutoryPeriod AppealAgainstJudgment =
        new(Period.Days(15), new("不服判决上诉期限", LitigationLaw + "第八十五条"));

    /// <summary>不服裁定上诉期限: 10 days from service of the ruling (行政诉讼法第85条).</summary>
    public static readonly StatutoryPeriod AppealAgainstRuling =
        new(Period.Days(10), new("不服裁定上诉期限", LitigationLaw + "第八十五条"));

    /// <summary>Every period above, for listings and checks.</summary>
    public static IReadOnlyList<StatutoryPeriod> All { get; } =
    [
        Reply, Extension, CorrectionNotice, Consultation, ReviewApplication, ReviewAnswer, ReviewAnswerSimplified,
        ReviewDecision, ReviewDecisionExtension, ReviewDecisionSimplified, Lawsuit, LawsuitAfterReview, Defence,
        AppealAgainstJudgment, AppealAgainstRuling,
    ];

    /// <summary>
    /// The counting rule itself, cited when a period is computed without a named deadline (the command line's
    /// <c>calendar due</c>): working days as 行政复议法第88条 defines them, days as 民事诉讼法第85条 counts them,
    /// months as 民法典第201–203条 count them.
    /// </summary>
    public static LegalBasis CountingRule(PeriodUnit unit) => unit switch
    {
        // No statute names a general working-day rule for 条例 periods; the start day is excluded as for any period
        // (民法典第二百零一条), and the 工作日 of 条例第三十三条 are counted from the next day.
        PeriodUnit.WorkingDays => new("按工作日计算，开始的当日不计入", "《民法典》第二百零一条"),
        PeriodUnit.Days => new("按日计算", "《民事诉讼法》第八十五条"),
        _ => new("按月计算", "《民法典》第二百零一条至第二百零三条"),
    };
}
