using DisclosureCases.Domain.Cases;
using FluentValidation;
using static DisclosureCases.Api.ReconsiderationNoticeValidator;

namespace DisclosureCases.Api;

/// <summary>Checks a 复议 decision: dates present, in order and not in the future, a known result, the new-reply order stated.</summary>
public sealed class ReconsiderationDecisionValidator : AbstractValidator<ReconsiderationDecision>
{
    public const int ContentMaxLength = 4000;

    public ReconsiderationDecisionValidator(TimeProvider time)
    {
        var today = ShanghaiTime.Today(time);
        RuleFor(x => x.DecisionDate).NotNull().WithMessage(Required("决定日期")).LessThanOrEqualTo(today).WithMessage(NotFuture);
        RuleFor(x => x.ServedDate).NotNull().WithMessage(Required("收到决定书之日"))
            .LessThanOrEqualTo(today).WithMessage(NotFuture)
            .GreaterThanOrEqualTo(x => x.DecisionDate).When(x => x.DecisionDate is not null)
            .WithMessage("不能早于决定日期 / must not be before decisionDate");
        RuleFor(x => x.Result).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(Required("决定结果"))
            .Must(r => ReconsiderationDecision.Results.Contains(r!))
            .WithMessage($"应为以下之一：{string.Join("、", ReconsiderationDecision.Results)} / unknown result");
        RuleFor(x => x.OrdersNewReply).NotNull().WithMessage("必填：是否责令重新答复（true 或 false） / required");
        RuleFor(x => x.Content).MaximumLength(ContentMaxLength).WithMessage($"不超过{ContentMaxLength}字 / at most {ContentMaxLength} characters");
    }
}
