using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Web.Identity;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Reviews;

/// <summary>
/// 登记复议/诉讼: creates a 行政复议 or 行政诉讼 case in the initial state of the newest <c>reconsideration</c> or
/// <c>litigation</c> workflow, linked to the applications whose replies it challenges; the link is recorded on the review
/// case and on each application. A follow-on (复议后起诉, 上诉) names the case it follows, which records it too.
/// Reusable outside the pages (the partner API calls it).
/// </summary>
public sealed class ReviewIntake(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar,
    IOptions<ReviewSettings> settings, TimeProvider time)
{
    /// <returns>The new case's id, or null with the validation's field-named errors (nothing saved).</returns>
    public async Task<(int? Id, ValidationResult Validation)> CreateAsync(ReviewIntakeInput input, Actor actor, CancellationToken ct)
    {
        var validation = new ReviewIntakeInputValidator(time).Validate(input);
        ReviewCase? previous = null;
        if (input.PreviousId is { } previousId)
        {
            previous = await db.ReviewCases.Include(r => r.Links).FirstOrDefaultAsync(r => r.Id == previousId, ct);
            if (previous is null)
                validation.Errors.Add(new ValidationFailure(nameof(input.PreviousId), "「前一案件」不是本机关的复议、诉讼案件"));
            else if (input.Kind != ReviewKind.Litigation)
                validation.Errors.Add(new ValidationFailure(nameof(input.PreviousId), "「前一案件」只有复议后起诉或上诉才关联前一案件"));
            else if (previous.Kind == ReviewKind.Reconsideration && !previous.IsDecided)
                validation.Errors.Add(new ValidationFailure(nameof(input.PreviousId), "「前一案件」复议尚未作出决定，不能登记复议后起诉"));
            else if (previous.Kind == ReviewKind.Litigation && (input.Instance != ReviewInstance.Appeal || previous.Instance != ReviewInstance.First || !previous.IsDecided))
                validation.Errors.Add(new ValidationFailure(nameof(input.PreviousId), "「前一案件」上诉须针对已判决（裁定）的一审案件"));
        }

        var ids = new HashSet<int>(input.ApplicationIds);
        foreach (var number in input.ApplicationCaseNumbers.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()))
        {
            var id = await db.Cases.Where(c => c.CaseNumber == number).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (id is null) validation.Errors.Add(new ValidationFailure(nameof(input.ApplicationCaseNumbers), $"「关联申请案号」本机关没有案号为 {number} 的申请"));
            else ids.Add(id.Value);
        }
        if (ids.Count == 0 && previous is not null)
            ids.UnionWith(previous.Links.Select(l => l.CaseId));
        var applications = await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        foreach (var missing in ids.Where(id => applications.All(c => c.Id != id)))
            validation.Errors.Add(new ValidationFailure(nameof(input.ApplicationIds), $"「关联申请」本机关没有编号为 {missing} 的申请"));
        foreach (var unreplied in applications.Where(c => c.RepliedOn is null))
            validation.Errors.Add(new ValidationFailure(nameof(input.ApplicationIds),
                $"「关联申请」{unreplied.CaseNumber ?? "#" + unreplied.Id} 尚未答复：复议、诉讼针对的是已作出的答复"));
        if (!validation.IsValid)
            return (null, validation);

        var definition = workflows.Newest(input.Kind == ReviewKind.Reconsideration ? "reconsideration" : "litigation");
        var now = time.GetUtcNow();
        var r = new ReviewCase
        {
            AgencyId = actor.AgencyId,
            Kind = input.Kind,
            Instance = input.Kind == ReviewKind.Litigation ? input.Instance : ReviewInstance.First,
            AfterReconsideration = input.AfterReconsideration || previous is { Kind: ReviewKind.Reconsideration }
                || previous is { AfterReconsideration: true },
            PreviousId = previous?.Id,
            WorkflowId = definition.Id,
            WorkflowVersion = definition.Version,
            WorkflowHash = definition.ContentHash,
            State = definition.InitialState.Name,
            Body = input.Body.Trim(),
            BodyCaseNumber = string.IsNullOrWhiteSpace(input.BodyCaseNumber) ? null : input.BodyCaseNumber.Trim(),
            ApplicantName = input.ApplicantName.Trim(),
            ActChallenged = input.ActChallenged.Trim(),
            FiledOn = input.FiledOn!.Value,
            Simplified = input.Simplified,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
            Version = 1,
            Links = applications.OrderBy(c => c.Id).Select(c => new ReviewLink { CaseId = c.Id }).ToList(),
        };
        ReviewProjection.Project(r, calendar.Calculator, settings.Value);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ReviewCases.Add(r);
        await db.SaveChangesAsync(ct);
        var numbers = applications.OrderBy(c => c.Id).Select(c => c.CaseNumber ?? "#" + c.Id).ToList();
        ReviewRecord.Append(db, r, new ReviewEvent
        {
            At = now, ActorId = actor.UserId, ActorName = actor.Name, Kind = ReviewEventKinds.Created, ToState = r.State,
            Summary = $"登记{r.KindTitle}（{r.Body}），申请/起诉日期 {r.FiledOn:yyyy-MM-dd}；关联申请 {string.Join("、", numbers)}",
            Data = JsonSerializer.Serialize(new { inputs = input, applications = applications.Select(c => c.Id) }, AuditJson.Options),
        });
        foreach (var application in applications)
            ReviewRecord.AppendToApplication(db, application, r, actor, now, "review-linked",
                $"被提起{r.KindTitle}（{r.Body}{(r.BodyCaseNumber is null ? "" : " " + r.BodyCaseNumber)}），申请/起诉日期 {r.FiledOn:yyyy-MM-dd}",
                new { r.Kind, r.Body, r.BodyCaseNumber, filedOn = r.FiledOn });
        if (previous is not null)
        {
            ReviewRecord.Touch(previous, actor.Name, now);
            ReviewRecord.Append(db, previous, new ReviewEvent
            {
                At = now, ActorId = actor.UserId, ActorName = actor.Name, Kind = ReviewEventKinds.FollowedBy,
                Summary = previous.Kind == ReviewKind.Reconsideration ? $"复议后起诉：登记{r.KindTitle}（{r.Body}）" : $"上诉：登记{r.KindTitle}（{r.Body}）",
                Data = JsonSerializer.Serialize(new { followOnId = r.Id }, AuditJson.Options),
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (r.Id, validation);
    }
}
