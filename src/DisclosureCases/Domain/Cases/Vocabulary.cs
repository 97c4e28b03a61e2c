using System.ComponentModel.DataAnnotations;

namespace DisclosureCases.Domain.Cases;

/// <summary>How an application reached the agency; decides the date of receipt (条例第31条, see <see cref="ReceiptDateRule"/>).</summary>
public enum Channel
{
    [Display(Name = "当面")] InPerson,
    [Display(Name = "邮寄（签收）")] RegisteredMail,
    [Display(Name = "平常信函")] OrdinaryMail,
    [Display(Name = "网上申请")] Online,
    [Display(Name = "传真")] Fax,
    [Display(Name = "电子邮件")] Email,
}

/// <summary>The applicant's kind as the annual report's columns need it (国办公开办函〔2021〕30号 表三).</summary>
public enum ApplicantKind
{
    [Display(Name = "自然人")] NaturalPerson,
    [Display(Name = "法人或其他组织")] Organization,
}

/// <summary>Sub-kind of a 法人或其他组织 applicant, one column each in 表三.</summary>
public enum OrganizationKind
{
    [Display(Name = "商业企业")] Commercial,
    [Display(Name = "科研机构")] Research,
    [Display(Name = "社会公益组织")] PublicWelfare,
    [Display(Name = "法律服务机构")] LegalService,
    [Display(Name = "其他")] Other,
}

/// <summary>The applicant's identity document (条例第29条).</summary>
public enum IdDocumentType
{
    [Display(Name = "居民身份证")] ResidentIdCard,
    [Display(Name = "统一社会信用代码")] UnifiedSocialCreditCode,
    [Display(Name = "护照")] Passport,
    [Display(Name = "其他证件")] Other,
}

/// <summary>Form in which the applicant wants the information (条例第29条).</summary>
public enum ProvisionForm
{
    [Display(Name = "纸质")] Paper,
    [Display(Name = "电子")] Electronic,
}

/// <summary>How the applicant wants to receive it (条例第29条).</summary>
public enum DeliveryMethod
{
    [Display(Name = "邮寄")] Post,
    [Display(Name = "当面领取")] Pickup,
    [Display(Name = "电子邮件")] Email,
    [Display(Name = "网上")] Online,
}

/// <summary>The roles of DOMAIN.md §1; the code names are the role names in workflow definitions.</summary>
public static class Roles
{
    public const string Clerk = "Clerk";
    public const string LegalReviewer = "LegalReviewer";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    /// <summary>
    /// Not a person: the 复议机关's system calling the partner API (Api/ApiKeyAuthentication). No user holds it; a
    /// workflow action it may take names it explicitly (reconsideration.yaml: receive-copy and decide, the facts the
    /// 复议机关's own notice and decision establish).
    /// </summary>
    public const string Partner = "Partner";

    /// <summary>The roles people hold.</summary>
    public static readonly IReadOnlyList<string> All = [Clerk, LegalReviewer, Manager, Admin];

    public static string Title(string role) => role switch
    {
        Clerk => "经办人",
        LegalReviewer => "法制审核人员",
        Manager => "负责人",
        Admin => "管理员",
        Partner => "复议机关数据交换接口",
        _ => role,
    };
}
