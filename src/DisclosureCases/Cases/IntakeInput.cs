using System.ComponentModel.DataAnnotations;
using DisclosureCases.Domain.Cases;
using FluentValidation;

namespace DisclosureCases.Cases;

/// <summary>What the clerk types on the intake form (新建申请); 条例第29条 lists what an application must contain.</summary>
public sealed class IntakeInput
{
    [Display(Name = "收件渠道")] public Channel Channel { get; set; }
    [Display(Name = "到达日期")] public DateOnly? ArrivedOn { get; set; }
    [Display(Name = "签收/确认日期")] public DateOnly? ConfirmedOn { get; set; }
    [Display(Name = "申请人类型")] public ApplicantKind ApplicantKind { get; set; }
    [Display(Name = "组织类别")] public OrganizationKind? OrganizationKind { get; set; }
    [Display(Name = "申请人姓名/名称")] public string ApplicantName { get; set; } = "";
    [Display(Name = "证件类型")] public IdDocumentType IdType { get; set; }
    [Display(Name = "证件号码")] public string IdNumber { get; set; } = "";
    [Display(Name = "联系人")] public string? ContactPerson { get; set; }
    [Display(Name = "联系电话")] public string Phone { get; set; } = "";
    [Display(Name = "电子邮箱")] public string? Email { get; set; }
    [Display(Name = "通信地址")] public string? Address { get; set; }
    [Display(Name = "邮政编码")] public string? PostalCode { get; set; }
    [Display(Name = "所需信息描述")] public string Description { get; set; } = "";
    [Display(Name = "用途")] public string? Purpose { get; set; }
    [Display(Name = "提供形式")] public ProvisionForm ProvisionForm { get; set; }
    [Display(Name = "获取方式")] public DeliveryMethod DeliveryMethod { get; set; }
    [Display(Name = "承办科室")] public int? DepartmentId { get; set; }
}

/// <summary>The intake form's rules; each message names the field and the rule.</summary>
public sealed class IntakeInputValidator : AbstractValidator<IntakeInput>
{
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TimeProvider, IntakeInputValidator> Made = new();

    /// <summary>
    /// The validator for a clock, made once and kept: building the rules (expression trees, FluentValidation's rule
    /// objects) cost more than validating a form — about 4 % of an intake post's CPU under the load run
    /// (docs/benchmarks.md). A validator keeps no state between calls, so one serves every request of its clock.
    /// </summary>
    public static IntakeInputValidator For(TimeProvider time) => Made.GetValue(time, t => new IntakeInputValidator(t));

    public IntakeInputValidator(TimeProvider time)
    {
        var today = () => ShanghaiTime.Today(time);

        RuleFor(x => x.Channel).IsInEnum().WithMessage("「收件渠道」不在可选范围内");
        RuleFor(x => x.ArrivedOn).NotNull().WithMessage("「到达日期」为必填项")
            .Must(d => d is null || d <= today()).WithMessage("「到达日期」不能晚于今天");
        RuleFor(x => x.ConfirmedOn).Must(d => d is null || d <= today()).WithMessage("「签收/确认日期」不能晚于今天");
        RuleFor(x => x.ConfirmedOn).Custom((confirmed, ctx) =>
        {
            var input = ctx.InstanceToValidate;
            if (input.ArrivedOn is null || !Enum.IsDefined(input.Channel)) return;
            var (_, error) = ReceiptDateRule.Apply(input.Channel, input.ArrivedOn.Value, confirmed);
            if (error is not null) ctx.AddFailure(nameof(IntakeInput.ConfirmedOn), error);
        });

        RuleFor(x => x.ApplicantKind).IsInEnum().WithMessage("「申请人类型」不在可选范围内");
        RuleFor(x => x.OrganizationKind).NotNull().When(x => x.ApplicantKind == ApplicantKind.Organization)
            .WithMessage("法人或其他组织申请时「组织类别」为必填项（年度报告按类别统计）");
        RuleFor(x => x.ApplicantName).Text("申请人姓名/名称", 200, required: true);
        RuleFor(x => x.IdType).IsInEnum().WithMessage("「证件类型」不在可选范围内");
        RuleFor(x => x.IdNumber).NotEmpty().WithMessage("「证件号码」为必填项");
        RuleFor(x => x.IdNumber).Must(IdentityNumbers.IsValidResidentId)
            .When(x => x.IdType == IdDocumentType.ResidentIdCard && !string.IsNullOrEmpty(x.IdNumber))
            .WithMessage("「证件号码」不是有效的18位居民身份证号码（出生日期或校验位不符）");
        RuleFor(x => x.IdNumber).Must(IdentityNumbers.IsValidUnifiedSocialCreditCode)
            .When(x => x.IdType == IdDocumentType.UnifiedSocialCreditCode && !string.IsNullOrEmpty(x.IdNumber))
            .WithMessage("「证件号码」不是有效的18位统一社会信用代码（校验位不符）");
        RuleFor(x => x.IdNumber).Text("证件号码", 40, required: false);
        RuleFor(x => x.IdType).Must(t => t == IdDocumentType.UnifiedSocialCreditCode || t == IdDocumentType.Other)
            .When(x => x.ApplicantKind == ApplicantKind.Organization)
            .WithMessage("法人或其他组织的「证件类型」应为统一社会信用代码或其他证件");
        RuleFor(x => x.ContactPerson).Text("联系人", 100, required: false);
        RuleFor(x => x.Phone).NotEmpty().WithMessage("「联系电话」为必填项")
            // CurrentValidator: the condition must not switch off NotEmpty as well (an empty phone got through).
            .Must(IdentityNumbers.IsValidPhone).When(x => !string.IsNullOrEmpty(x.Phone), ApplyConditionTo.CurrentValidator)
            .WithMessage("「联系电话」格式不正确（手机号11位，或区号-座机号）");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email)).WithMessage("「电子邮箱」格式不正确");
        RuleFor(x => x.Email).Text("电子邮箱", 200, required: false);
        RuleFor(x => x.Address).Text("通信地址", 300, required: false);
        RuleFor(x => x.Address).NotEmpty().When(x => x.DeliveryMethod == DeliveryMethod.Post)
            .WithMessage("获取方式为邮寄时「通信地址」为必填项");
        RuleFor(x => x.PostalCode).Matches(@"^\d{6}$").When(x => !string.IsNullOrEmpty(x.PostalCode))
            .WithMessage("「邮政编码」应为6位数字");
        RuleFor(x => x.Description).Text("所需信息描述", 4000, required: true);
        RuleFor(x => x.Description).MinimumLength(4).When(x => !string.IsNullOrWhiteSpace(x.Description))
            .WithMessage("「所需信息描述」过短：请写明信息的名称、文号或特征性描述（条例第二十九条）");
        RuleFor(x => x.Purpose).Text("用途", 1000, required: false);
        RuleFor(x => x.ProvisionForm).IsInEnum().WithMessage("「提供形式」不在可选范围内");
        RuleFor(x => x.DeliveryMethod).IsInEnum().WithMessage("「获取方式」不在可选范围内");
    }
}

/// <summary>Shared rules for free text: required or not, a length limit, and no control characters.</summary>
public static class TextRules
{
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string label, int maxLength, bool required)
    {
        var options = rule
            .Must(v => !required || !string.IsNullOrWhiteSpace(v)).WithMessage($"「{label}」为必填项")
            .Must(v => v is null || v.Length <= maxLength).WithMessage($"「{label}」不能超过{maxLength}个字符")
            .Must(v => v is null || !v.Any(c => char.IsControl(c) && c != '\n' && c != '\r' && c != '\t'))
            .WithMessage($"「{label}」含有不可见的控制字符");
        return options;
    }
}
