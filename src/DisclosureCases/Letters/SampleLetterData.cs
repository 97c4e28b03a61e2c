using DisclosureCases.Domain.Outcomes;

namespace DisclosureCases.Letters;

/// <summary>
/// A complete set of letter data for a fictitious case (every field filled, no slots): the linter renders each template
/// with it to find errors that only show when rendering, and <c>disclosure templates render</c> previews with it.
/// </summary>
public static class SampleLetterData
{
    public static readonly AgencySettings DistrictAgency = new()
    {
        Name = "上海市静安区规划和自然资源局",
        SealText = "上海市静安区规划和自然资源局",
        ReviewBody = "上海市静安区人民政府",
        Court = "上海市静安区人民法院",
        Address = "上海市静安区示例路100号",
        Phone = "021-00000000",
        IsVertical = false,
    };

    public static LetterData For(Outcome? outcome) => new()
    {
        Agency = DistrictAgency,
        Applicant = new ApplicantFacts
        {
            Name = "张三",
            Address = "上海市静安区示例路1弄2号301室",
            PostalCode = "200040",
            Phone = "13800000000",
        },
        Case = new CaseFacts
        {
            Number = "静规资信〔2026〕第0123号",
            ReceivedOn = new DateOnly(2026, 11, 2),
            Request = "2025年本区某地块国有建设用地使用权出让合同",
            ExtendedReplyDue = new DateOnly(2026, 12, 28),
            CorrectionDue = new DateOnly(2026, 11, 20),
            CorrectionReceivedOn = new DateOnly(2026, 11, 16),
            FeeDue = new DateOnly(2026, 12, 10),
            DeferredReplyDue = new DateOnly(2027, 1, 29),
            WithdrawnOn = new DateOnly(2026, 11, 12),
        },
        Outcome = outcome is null ? null : OutcomeFacts.From(outcome),
        Recipient = new RecipientFacts { Name = "上海某某置业有限公司", IsOrganization = true, Address = "上海市静安区示例路200号", PostalCode = "200041" },
        Mailing = new MailingFacts
        {
            Method = "EMS",
            TrackingNumber = "1100000000000",
            PostedOn = new DateOnly(2026, 11, 30),
            Enclosures = ["政府信息公开申请答复书（静规资信〔2026〕第0123号）"],
        },
        Letter = new LetterFacts { Number = "静规资信〔2026〕第0123号", IssuedOn = new DateOnly(2026, 11, 30) },
    };
}
