using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// Cases written straight into a factory's database with just the facts the reports read (dates, outcome, applicant
/// kind, state): hand-made figures for report tests, including data the workflow would never produce.
/// </summary>
public sealed class ReportCases(AppFactory factory)
{
    public async Task<int> AgencyIdAsync(string code = DemoInstallation.PrimaryAgencyCode)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    public async Task<Case> AddAsync(string received, string? replied = null, string? outcome = null,
        ApplicantKind kind = ApplicantKind.NaturalPerson, OrganizationKind? organization = null,
        string agency = DemoInstallation.PrimaryAgencyCode, Action<Case>? change = null)
    {
        var agencyId = await AgencyIdAsync(agency);
        var c = new Case
        {
            AgencyId = agencyId,
            WorkflowId = "application",
            WorkflowVersion = 1,
            State = replied is null ? "processing" : "archived",
            Archived = replied is not null,
            Channel = Channel.InPerson,
            ArrivedOn = DateOnly.Parse(received),
            ReceivedOn = DateOnly.Parse(received),
            RepliedOn = replied is null ? null : DateOnly.Parse(replied),
            ClosedOn = replied is null ? null : DateOnly.Parse(replied),
            Outcome = outcome ?? (replied is null ? null : "disclose"),
            Applicant = new Applicant { Kind = kind, OrganizationKind = organization, Name = "报表测试申请人" },
            Description = "报表测试",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        change?.Invoke(c);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }
}
