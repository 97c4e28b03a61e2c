using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Api;

/// <summary>
/// Checks a 复议 notice: every field present, dates in order and not in the future, and every challenged case number
/// an application of the partner's agency (the request's database context sees that agency only).
/// </summary>
public sealed class ReconsiderationNoticeValidator : AbstractValidator<ReconsiderationNotice>
{
    public ReconsiderationNoticeValidator(DisclosureDbContext db, TimeProvider time)
    {
        var today = ShanghaiTime.Today(time);
        RuleFor(x => x.ReviewBody).NotEmpty().WithMessage(Required("复议机关")).MaximumLength(200).WithMessage("不超过200字 / at most 200 characters");
        RuleFor(x => x.BodyCaseNumber).NotEmpty().WithMessage(Required("复议机关的案号")).MaximumLength(100).WithMessage("不超过100字 / at most 100 characters");
        RuleFor(x => x.Applicant).NotEmpty().WithMessage(Required("复议申请人")).MaximumLength(200).WithMessage("不超过200字 / at most 200 characters");
        RuleFor(x => x.ChallengedCaseNumbers).NotEmpty().WithMessage("至少列出一件被申请复议的申请文号 / list at least one challenged case number")
            .Must(list => list is null || list.Where(n => n is not null).Distinct().Count() == list.Count(n => n is not null)).WithMessage("文号重复 / a case number is listed twice");
        RuleForEach(x => x.ChallengedCaseNumbers).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Required("申请文号"))
            .MustAsync(async (number, ct) => await db.Cases.AnyAsync(c => c.CaseNumber == number, ct))
            .WithMessage("本机关没有文号为“{PropertyValue}”的申请 / unknown case number");
        RuleFor(x => x.ApplicationDate).NotNull().WithMessage(Required("复议申请日期"))
            .LessThanOrEqualTo(today).WithMessage(NotFuture);
        RuleFor(x => x.AcceptanceDate).NotNull().WithMessage(Required("受理日期"))
            .LessThanOrEqualTo(today).WithMessage(NotFuture)
            .GreaterThanOrEqualTo(x => x.ApplicationDate).When(x => x.ApplicationDate is not null)
            .WithMessage("不能早于复议申请日期 / must not be before applicationDate");
        RuleFor(x => x.CopyReceivedDate).NotNull().WithMessage(Required("收到复议申请书副本之日"))
            .LessThanOrEqualTo(today).WithMessage(NotFuture)
            .GreaterThanOrEqualTo(x => x.AcceptanceDate).When(x => x.AcceptanceDate is not null)
            .WithMessage("不能早于受理日期 / must not be before acceptanceDate");
        RuleFor(x => x.SimplifiedProcedure).NotNull().WithMessage("必填：是否适用简易程序（true 或 false） / required");
    }

    internal static string Required(string what) => $"必填：{what} / required";

    internal const string NotFuture = "不能晚于今天 / must not be in the future";
}
