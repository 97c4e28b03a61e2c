using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// 接收: creates a case from the intake form in the initial state of the newest workflow version, with the date of
/// receipt fixed by the channel's rule (条例第31条), the <c>received</c> clock event and the first audit event.
/// </summary>
public sealed class CaseIntake(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar, TimeProvider time)
{
    public async Task<(Case? Case, ValidationResult Validation)> ReceiveAsync(IntakeInput input, Actor actor, CancellationToken ct)
    {
        var validation = IntakeInputValidator.For(time).Validate(input);
        if (input.DepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept, ct))
            validation.Errors.Add(new ValidationFailure(nameof(IntakeInput.DepartmentId), "「承办科室」不是本机关的科室"));
        if (!validation.IsValid)
            return (null, validation);

        var (receivedOn, _) = ReceiptDateRule.Apply(input.Channel, input.ArrivedOn!.Value, input.ConfirmedOn);
        var definition = workflows.Newest("application");
        var now = time.GetUtcNow();
        var c = new Case
        {
            AgencyId = actor.AgencyId,
            DepartmentId = input.DepartmentId,
            WorkflowId = definition.Id,
            WorkflowVersion = definition.Version,
            WorkflowHash = definition.ContentHash,
            State = definition.InitialState.Name,
            Channel = input.Channel,
            ArrivedOn = input.ArrivedOn.Value,
            ConfirmedOn = ReceiptDateRule.NeedsConfirmation(input.Channel) ? input.ConfirmedOn : null,
            ReceivedOn = receivedOn!.Value,
            Applicant = new Applicant
            {
                Kind = input.ApplicantKind,
                OrganizationKind = input.ApplicantKind == ApplicantKind.Organization ? input.OrganizationKind : null,
                Name = input.ApplicantName.Trim(),
                IdType = input.IdType,
                IdNumber = input.IdNumber.Trim().ToUpperInvariant(),
                ContactPerson = input.ContactPerson?.Trim(),
                Phone = input.Phone.Trim(),
                Email = input.Email?.Trim(),
                Address = input.Address?.Trim(),
                PostalCode = input.PostalCode?.Trim(),
            },
            Description = input.Description.Trim(),
            Purpose = input.Purpose?.Trim(),
            ProvisionForm = input.ProvisionForm,
            DeliveryMethod = input.DeliveryMethod,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
            Version = 1,
        };
        c.ClockEvents.Add(new CaseClockEvent { Kind = "received", Date = c.ReceivedOn, Note = ReceiptDateRule.Explain(c.Channel, c.ReceivedOn) });
        CaseDeadlines.Project(c, definition, calendar.Calculator);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Cases.Add(c);
        await db.SaveChangesAsync(ct);
        CaseRecord.Append(db, c, new CaseEvent
        {
            At = now,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Kind = CaseEventKinds.Created,
            ToState = c.State,
            Summary = $"接收申请（{EnumText.Of(c.Channel)}），收到申请之日 {c.ReceivedOn:yyyy-MM-dd}",
            Data = JsonSerializer.Serialize(new { inputs = input }, AuditJson.Options),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (c, validation);
    }
}

/// <summary>How the audit trail writes JSON: readable Chinese, enums by name, dates as ISO.</summary>
public static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}

/// <summary>
/// The Chinese display name of an enum value ([Display(Name=…)]), or its name when it has none. Read from the attribute once
/// per value and kept: the pages ask for these names many times a view, and reading attributes by reflection each time
/// was 1 % of the app's CPU under the load run (docs/benchmarks.md).
/// </summary>
public static class EnumText
{
    static readonly System.Collections.Concurrent.ConcurrentDictionary<Enum, string> Texts = new();

    public static string Of<T>(T value) where T : struct, Enum => Of((Enum)value);

    /// <remarks>Only the enum's own values are kept, so that a number cast to an enum (a posted value, say) cannot grow the cache.</remarks>
    public static string Of(Enum value)
    {
        if (Texts.TryGetValue(value, out var text)) return text;
        var name = value.ToString();
        if (value.GetType().GetField(name) is not { } field) return name;
        text = field.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
            .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault()?.Name ?? name;
        Texts.TryAdd(value, text);
        return text;
    }

    public static IEnumerable<(T Value, string Text)> All<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v, Of(v)));
}
