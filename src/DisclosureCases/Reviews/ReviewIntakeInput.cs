using System.ComponentModel.DataAnnotations;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using FluentValidation;

namespace DisclosureCases.Reviews;

/// <summary>
/// A 行政复议 or 行政诉讼 case to register: from the form (登记复议/诉讼) or from the partner API. The applications are
/// given by id, by case number, or both; a follow-on case (复议后起诉, 上诉) names the case it follows and, if it names
/// no applications, takes that case's.
/// </summary>
public sealed class ReviewIntakeInput
{
    [Display(Name = "类型")] public ReviewKind Kind { get; set; }
    [Display(Name = "审级")] public ReviewInstance Instance { get; set; }
    [Display(Name = "复议后起诉")] public bool AfterReconsideration { get; set; }
    [Display(Name = "复议机关/法院")] public string Body { get; set; } = "";
    [Display(Name = "案号")] public string? BodyCaseNumber { get; set; }
    [Display(Name = "申请人/原告")] public string ApplicantName { get; set; } = "";
    [Display(Name = "被复议（起诉）的行为")] public string ActChallenged { get; set; } = "";
    [Display(Name = "申请/起诉日期")] public DateOnly? FiledOn { get; set; }
    [Display(Name = "简易程序")] public bool Simplified { get; set; }
    [Display(Name = "关联申请")] public List<int> ApplicationIds { get; set; } = [];
    [Display(Name = "关联申请案号")] public List<string> ApplicationCaseNumbers { get; set; } = [];
    [Display(Name = "前一案件")] public int? PreviousId { get; set; }
}

/// <summary>The intake's rules; each message names the field and the rule.</summary>
public sealed class ReviewIntakeInputValidator : AbstractValidator<ReviewIntakeInput>
{
    public ReviewIntakeInputValidator(TimeProvider time)
    {
        var today = () => ShanghaiTime.Today(time);
        RuleFor(x => x.Kind).IsInEnum().WithMessage("「类型」不在可选范围内");
        RuleFor(x => x.Instance).IsInEnum().WithMessage("「审级」不在可选范围内");
        RuleFor(x => x.Instance).Equal(ReviewInstance.First).When(x => x.Kind == ReviewKind.Reconsideration)
            .WithMessage("「审级」：行政复议没有二审");
        RuleFor(x => x.AfterReconsideration).Equal(false).When(x => x.Kind == ReviewKind.Reconsideration)
            .WithMessage("「复议后起诉」只适用于行政诉讼");
        RuleFor(x => x.Body).NotEmpty().WithMessage("「复议机关/法院」为必填项")
            .MaximumLength(200).WithMessage("「复议机关/法院」不能超过200个字符");
        RuleFor(x => x.BodyCaseNumber).MaximumLength(100).WithMessage("「案号」不能超过100个字符");
        RuleFor(x => x.ApplicantName).NotEmpty().WithMessage("「申请人/原告」为必填项")
            .MaximumLength(200).WithMessage("「申请人/原告」不能超过200个字符");
        RuleFor(x => x.ActChallenged).NotEmpty().WithMessage("「被复议（起诉）的行为」为必填项")
            .MaximumLength(1000).WithMessage("「被复议（起诉）的行为」不能超过1000个字符");
        RuleFor(x => x.FiledOn).NotNull().WithMessage("「申请/起诉日期」为必填项")
            .Must(d => d is null || d <= today()).WithMessage("「申请/起诉日期」不能晚于今天");
        RuleFor(x => x).Must(x => x.ApplicationIds.Count > 0 || x.ApplicationCaseNumbers.Any(n => !string.IsNullOrWhiteSpace(n)) || x.PreviousId is not null)
            .WithName(nameof(ReviewIntakeInput.ApplicationIds))
            .WithMessage("「关联申请」至少关联一件申请（一件复议、诉讼可针对多件答复）");
        RuleFor(x => x.PreviousId).NotNull().When(x => x.Instance == ReviewInstance.Appeal)
            .WithMessage("「前一案件」二审须关联一审案件");
    }
}
