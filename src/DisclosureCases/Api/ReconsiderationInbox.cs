using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Reviews;
using DisclosureCases.Web.Identity;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Api;

/// <summary>
/// What the 复议机关's notices and decisions do, once the API has checked the payload: a notice registers the 复议 case
/// (<see cref="ReviewIntake"/>, linked to every challenged application and recorded on each) and records the two dates
/// it states — acceptance and the copy received — through the workflow's <c>receive-copy</c>, so the answer deadline
/// runs at once; a decision is recorded through <see cref="ReviewDecisions"/> (a new reply ordered reopens the
/// applications, as the result entry does). The actor is the partner (<see cref="Roles.Partner"/>), which
/// reconsideration.yaml allows for exactly those two actions. The request's database context sees the partner's
/// agency only, so another agency's body case number is unknown (404).
/// </summary>
public sealed class ReconsiderationInbox(DisclosureDbContext db, ReviewIntake intake, ReviewWorkflow engine, ReviewDecisions decisions,
    CalendarHolder calendar, IOptions<ReviewSettings> settings)
{
    public const string ReceiveCopy = "receive-copy";

    /// <summary>Where a review case can be read (its page in the agency's system).</summary>
    public static string Location(int reviewId) => $"/Reviews/{reviewId}";

    public async Task<InboxResult> NotifyAsync(ReconsiderationNotice notice, Actor partner, CancellationToken ct)
    {
        var body = notice.ReviewBody!.Trim();
        var number = notice.BodyCaseNumber!.Trim();
        if (await db.ReviewCases.AnyAsync(r => r.Kind == ReviewKind.Reconsideration && r.Body == body && r.BodyCaseNumber == number, ct))
            return new InboxResult.Refused(StatusCodes.Status409Conflict,
                new Dictionary<string, string[]> { ["bodyCaseNumber"] = [$"已收到过{body}复议案件“{number}”的通知 / this case was notified before"] });

        var numbers = notice.ChallengedCaseNumbers!.Select(n => n.Trim()).ToList();
        var (id, validation) = await intake.CreateAsync(new ReviewIntakeInput
        {
            Kind = ReviewKind.Reconsideration,
            Body = body,
            BodyCaseNumber = number,
            ApplicantName = notice.Applicant!.Trim(),
            ActChallenged = $"对申请 {string.Join("、", numbers)} 作出的答复",
            FiledOn = notice.ApplicationDate,
            Simplified = notice.SimplifiedProcedure!.Value,
            ApplicationCaseNumbers = numbers,
        }, partner, ct);
        if (id is null) return Refused(validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));

        // The payload's dates were checked against the same rules (not in the future, acceptance and copy not before
        // the application), so on a case just created this cannot be refused; if it were, that is a defect to see.
        var fired = await engine.FireAsync(id.Value, ReceiveCopy, new Dictionary<string, string?>
        {
            ["copy-received"] = Iso(notice.CopyReceivedDate!.Value),
            ["accepted-on"] = Iso(notice.AcceptanceDate!.Value),
        }, partner, expectedVersion: await db.ReviewCases.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct), ct);
        if (fired is not ReviewFireResult.Applied applied)
            throw new InvalidOperationException($"Review case {id} was registered but '{ReceiveCopy}' was refused: {fired}");
        return new InboxResult.Created(id.Value, Location(id.Value), numbers, Deadlines(applied.Case));
    }

    public async Task<InboxResult> RecordDecisionAsync(string bodyCaseNumber, ReconsiderationDecision decision, Actor partner, CancellationToken ct)
    {
        var number = bodyCaseNumber.Trim();
        var found = await db.ReviewCases.AsNoTracking().Where(r => r.Kind == ReviewKind.Reconsideration && r.BodyCaseNumber == number)
            .Select(r => new { r.Id, r.Version }).Take(2).ToListAsync(ct);
        if (found.Count == 0)
            return new InboxResult.NotFound($"本机关没有复议机关案号为“{number}”的复议案件 / the agency has no reconsideration case with this number");
        if (found.Count > 1)
            return new InboxResult.Refused(StatusCodes.Status409Conflict,
                new Dictionary<string, string[]> { ["bodyCaseNumber"] = [$"案号“{number}”对应多件复议案件，请在系统中登记 / the number matches more than one case"] });
        var id = found[0].Id;
        var outcome = await decisions.RecordAsync(new ReviewDecisionInput(id, found[0].Version,
            ReconsiderationDecision.ResultCode(decision.Result, decision.OrdersNewReply!.Value), null,
            decision.DecisionDate, decision.ServedDate, decision.Content), partner, ct);
        switch (outcome)
        {
            case ReviewFireResult.Applied applied:
                var caseIds = applied.Case.Links.Select(l => l.CaseId).ToList();
                var caseNumbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                    .ToDictionaryAsync(c => c.Id, c => c.CaseNumber ?? "#" + c.Id, ct);
                return new InboxResult.Decided(id, Location(id), applied.Case.Result!,
                    applied.Case.Links.OrderBy(l => l.CaseId).Select(l => new InboxResult.Application(caseNumbers[l.CaseId], l.NewReplyDue)).ToList());
            case ReviewFireResult.Refused { FieldErrors.Count: > 0 } refused:
                return Refused(refused.FieldErrors);
            case ReviewFireResult.Refused refused:
                return new InboxResult.Refused(StatusCodes.Status409Conflict, new Dictionary<string, string[]> { ["bodyCaseNumber"] = [refused.Reason] });
            case ReviewFireResult.Conflict conflict:
                return new InboxResult.Refused(StatusCodes.Status409Conflict, new Dictionary<string, string[]> { ["bodyCaseNumber"] = [conflict.Message] });
            default:
                return new InboxResult.NotFound($"本机关没有复议机关案号为“{number}”的复议案件 / the agency has no reconsideration case with this number");
        }
    }

    IReadOnlyList<InboxResult.Deadline> Deadlines(ReviewCase r) =>
        ReviewProjection.Deadlines(r, calendar.Calculator, settings.Value)
            .Where(d => d.Deadline.Due is not null)
            .Select(d => new InboxResult.Deadline(d.Deadline.Key, d.Deadline.Title, d.Deadline.Due!.Value, d.Deadline.Explanation?.Lines ?? []))
            .ToList();

    /// <summary>The services' field names (form and workflow names) as the JSON payload names them.</summary>
    static InboxResult.Refused Refused(IEnumerable<(string Field, string Message)> errors) =>
        new(StatusCodes.Status400BadRequest, errors.GroupBy(e => PayloadField(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()));

    static string PayloadField(string field) => field switch
    {
        nameof(ReviewIntakeInput.Body) => "reviewBody",
        nameof(ReviewIntakeInput.BodyCaseNumber) => "bodyCaseNumber",
        nameof(ReviewIntakeInput.ApplicantName) => "applicant",
        nameof(ReviewIntakeInput.FiledOn) => "applicationDate",
        nameof(ReviewIntakeInput.Simplified) => "simplifiedProcedure",
        nameof(ReviewIntakeInput.ActChallenged) or nameof(ReviewIntakeInput.ApplicationIds) or nameof(ReviewIntakeInput.ApplicationCaseNumbers)
            => "challengedCaseNumbers",
        "copy-received" => "copyReceivedDate",
        "accepted-on" => "acceptanceDate",
        nameof(ReviewDecisionInput.Result) or nameof(ReviewDecisionInput.JudgmentKind) => "result",
        nameof(ReviewDecisionInput.DecidedOn) or "decided-on" => "decisionDate",
        nameof(ReviewDecisionInput.ServedOn) or "served-on" => "servedDate",
        nameof(ReviewDecisionInput.Content) => "content",
        _ => "$",
    };

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the inbox did with a notice or decision.</summary>
public abstract record InboxResult
{
    /// <summary>A deadline of the new 复议 case, with how it was computed.</summary>
    public sealed record Deadline(string Key, string Title, DateOnly Due, IReadOnlyList<string> Explanation);

    /// <summary>A linked application after the decision; <paramref name="NewReplyDue"/> when the decision reopened it.</summary>
    public sealed record Application(string CaseNumber, DateOnly? NewReplyDue);

    /// <summary>The 复议 case was registered (201, Location = <paramref name="Location"/>).</summary>
    public sealed record Created(int ReviewCaseId, string Location, IReadOnlyList<string> LinkedCaseNumbers, IReadOnlyList<Deadline> Deadlines) : InboxResult;

    /// <summary>The decision was recorded (200); <paramref name="Result"/> is its code in review-results.yaml.</summary>
    public sealed record Decided(int ReviewCaseId, string Location, string Result, IReadOnlyList<Application> Applications) : InboxResult;

    /// <summary>No such 复议 case (404).</summary>
    public sealed record NotFound(string Message) : InboxResult;

    /// <summary>Refused (400 or 409), nothing stored: problems by payload field.</summary>
    public sealed record Refused(int Status, IDictionary<string, string[]> Problems) : InboxResult;
}
