using DisclosureCases.Domain.Cases;
using FluentValidation;
using static DisclosureCases.Api.ReconsiderationNoticeValidator;

namespace DisclosureCases.Api;

/// <summary>Checks a 复议 decision: dates present, in order and not in the future, a known result, the new-reply order stated and possible with that result.</summary>
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
        RuleFor(x => x.OrdersNewReply).Cascade(CascadeMode.Stop).NotNull().WithMessage("必填：是否责令重新答复（true 或 false） / required")
            .Must((x, orders) => ReconsiderationDecision.ResultCode(x.Result, orders!.Value) is not null)
            .When(x => x.Result is not null && ReconsiderationDecision.Results.Contains(x.Result))
            .WithMessage((x, orders) => orders == true
                ? $"只有撤销或履行的决定才责令重新答复，“{x.Result}”不能为 true / only 撤销 or 履行 orders a new reply"
                : "履行决定即责令在一定期限内答复，应为 true / 履行 always orders a reply");
        RuleFor(x => x.Content).MaximumLength(ContentMaxLength).WithMessage($"不超过{ContentMaxLength}字 / at most {ContentMaxLength} characters");
    }
}
