using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using FluentValidation;

namespace DisclosureCases.Reviews;

/// <summary>The result of a 复议 decision or a court's judgment or ruling, as the result entry or the partner API gives it.</summary>
/// <param name="Version">The review case's version the user saw (optimistic concurrency).</param>
/// <param name="Result">A code of <c>workflows/review-results.yaml</c>.</param>
/// <param name="JudgmentKind">For a court: 判决 or 裁定 (the appeal window depends on it).</param>
/// <param name="ServedOn">The day the decision was served on the agency: the appeal window and a reopened reply run from it.</param>
public sealed record ReviewDecisionInput(int ReviewCaseId, int Version, string? Result, JudgmentKind? JudgmentKind,
    DateOnly? DecidedOn, DateOnly? ServedOn, string? Content);

/// <summary>The result entry's rules; each message names the field and the rule.</summary>
public sealed class ReviewDecisionInputValidator : AbstractValidator<ReviewDecisionInput>
{
    public ReviewDecisionInputValidator(ReviewKind kind, ReviewResultCatalog results, TimeProvider time)
    {
        var today = () => ShanghaiTime.Today(time);
        RuleFor(x => x.Result).NotEmpty().WithMessage("「结果」为必填项")
            .Must(code => code is null || results.For(kind).Any(r => r.Code == code))
            .WithMessage(kind == ReviewKind.Reconsideration ? "「结果」不是复议决定的可选结果" : "「结果」不是判决、裁定的可选结果");
        RuleFor(x => x.JudgmentKind).NotNull().When(_ => kind == ReviewKind.Litigation).WithMessage("「判决或裁定」为必填项");
        RuleFor(x => x.JudgmentKind).Null().When(_ => kind == ReviewKind.Reconsideration).WithMessage("「判决或裁定」只适用于行政诉讼");
        RuleFor(x => x.JudgmentKind).IsInEnum().When(x => x.JudgmentKind is not null).WithMessage("「判决或裁定」不在可选范围内");
        RuleFor(x => x.DecidedOn).NotNull().WithMessage("「决定（判决）日期」为必填项")
            .Must(d => d is null || d <= today()).WithMessage("「决定（判决）日期」不能晚于今天");
        RuleFor(x => x.ServedOn).NotNull().WithMessage("「送达本机关日期」为必填项")
            .Must(d => d is null || d <= today()).WithMessage("「送达本机关日期」不能晚于今天");
        RuleFor(x => x.Content).MaximumLength(4000).WithMessage("「主要内容」不能超过4000个字符");
    }
}
