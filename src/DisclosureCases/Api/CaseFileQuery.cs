using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Api;

/// <summary>
/// The case file a partner fetches, read through the request's database context (the partner's agency only), and
/// the record of the fetch on the case (who fetched what, on the case's hash-chained record).
/// </summary>
public sealed class CaseFileQuery(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar, OutcomeCatalog outcomes,
    TimeProvider time)
{
    /// <summary>The id of the application numbered <paramref name="caseNumber"/> in the partner's agency, or null.</summary>
    public Task<int?> FindAsync(string caseNumber, CancellationToken ct) =>
        db.Cases.Where(c => c.CaseNumber == caseNumber).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);

    public static string CaseUrl(string caseNumber) => $"/api/v1/cases/{Uri.EscapeDataString(caseNumber)}";

    public async Task<CaseFileDto?> LoadAsync(string caseNumber, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.ClockEvents).Include(x => x.Mailings).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.CaseNumber == caseNumber, ct);
        if (c is null) return null;
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == c.AgencyId, ct);
        var department = c.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var letters = await db.Letters.AsNoTracking()
            .Where(l => l.CaseId == c.Id && (l.Status == LetterStatus.Issued || l.Status == LetterStatus.Superseded)).OrderBy(l => l.Id).ToListAsync(ct);
        var definition = workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash);
        var calc = calendar.Calculator;
        var today = ShanghaiTime.Today(time);
        var url = CaseUrl(caseNumber);
        var registered = events.FirstOrDefault(e => e.Trigger == "register");
        var outcome = c.Outcome is { } code ? outcomes.Find(code) : null;
        var a = c.Applicant;
        var statement = CaseFiles.DeadlineStatement(c, definition, calc, today);
        var clocks = CaseDeadlines.Compute(c, calc).Deadlines;

        return new CaseFileDto(
            caseNumber, agency.Name, c.State, definition.FindState(c.State)?.Title ?? c.State,
            new ApplicationDto(EnumText.Of(c.Channel), c.ArrivedOn, c.ConfirmedOn, c.ReceivedOn, ReceiptDateRule.Explain(c.Channel, c.ReceivedOn),
                new ApplicantDto(EnumText.Of(a.Kind), a.Name, EnumText.Of(a.IdType), a.IdNumber, a.ContactPerson, a.Phone, a.Email, a.Address, a.PostalCode),
                c.Description, c.Purpose, EnumText.Of(c.ProvisionForm), EnumText.Of(c.DeliveryMethod)),
            registered is null ? null : new RegistrationDto(registered.At, registered.ActorName, department, c.HandlerName),
            outcome is null ? null : new OutcomeDto(outcome.Code, outcome.Label, outcome.Basis, c.RepliedOn, c.OutcomeReasons),
            letters.Select(l => new LetterDto(l.Id, l.DocumentId, l.Title, l.Number, l.IssuedOn,
                l.Status == LetterStatus.Superseded ? "superseded" : "issued",
                letters.FirstOrDefault(x => x.Id == l.SupersededById)?.Number,
                $"{url}/letters/{l.Id}.html", $"{url}/letters/{l.Id}.docx", l.HtmlHash, l.DocxHash)).ToList(),
            c.Mailings.OrderBy(m => m.Id).Select(m => new MailingDto(m.Method, m.TrackingNumber, m.PostedOn, m.DeliveredOn, m.ReturnedOn, m.ReturnReason)).ToList(),
            clocks.Zip(statement, (d, p) => new DeadlineDto(d.Key, d.Title, d.Due, d.Status.ToString().ToLowerInvariant(), d.Provisional,
                p.Standing.Replace("状态：", "", StringComparison.Ordinal), p.Explanation)).ToList(),
            events.Select(e => new EventDto(e.Sequence, e.At, e.ActorName, e.Kind, e.Trigger, e.Summary, e.PreviousHash, e.Hash)).ToList(),
            $"{url}/evidence");
    }

    /// <summary>Puts on the case's record that <paramref name="actor"/> (a partner) fetched or sent something about it.</summary>
    public async Task RecordAsync(int caseId, Actor actor, string summary, object data, CancellationToken ct)
    {
        var c = await db.Cases.FirstAsync(x => x.Id == caseId, ct);
        CaseRecord.Append(db, c, new CaseEvent
        {
            At = time.GetUtcNow(),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Kind = CaseEventKinds.Partner,
            FromState = c.State,
            ToState = c.State,
            Summary = summary,
            Data = JsonSerializer.Serialize(new { partner = data }, AuditJson.Options),
        });
        c.Version++;
        await db.SaveChangesAsync(ct);
    }
}
