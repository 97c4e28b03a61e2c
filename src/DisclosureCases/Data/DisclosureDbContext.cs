using DisclosureCases.Cases;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Letters;
using DisclosureCases.Jobs;
using DisclosureCases.Notifications;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Data;

/// <summary>
/// The application's database. Case data is filtered to the <see cref="AgencyScope"/> the context was created with,
/// so that a query written without thought for agencies still cannot see another agency's cases.
/// Provider-specific subclasses exist only to keep one migrations folder per provider.
/// </summary>
public class DisclosureDbContext(DbContextOptions options, Func<AgencyScope> scope) : IdentityDbContext<AppUser>(options)
{
    /// <summary>
    /// Read when each query runs, not when the context is made: in a web request the context can be created during
    /// authentication (Identity's stamp validator needs it), before the signed-in user is known.
    /// </summary>
    public AgencyScope Scope => scope();

    // Read by the query filters below; EF Core parameterizes them per context instance.
    bool SeesAll => Scope.IsAll;
    int ScopeAgencyId => Scope.FilterAgencyId;

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseClockEvent> CaseClockEvents => Set<CaseClockEvent>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<Mailing> Mailings => Set<Mailing>();
    public DbSet<StoredWorkflowVersion> WorkflowVersions => Set<StoredWorkflowVersion>();
    public DbSet<StoredTemplateVersion> TemplateVersions => Set<StoredTemplateVersion>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<JobIncident> JobIncidents => Set<JobIncident>();
    public DbSet<StoredCalendarVersion> CalendarVersions => Set<StoredCalendarVersion>();
    public DbSet<CalendarChange> CalendarChanges => Set<CalendarChange>();
    public DbSet<CalendarChangeCase> CalendarChangeCases => Set<CalendarChangeCase>();
    public DbSet<Reports.ReportFiling> ReportFilings => Set<Reports.ReportFiling>();
    public DbSet<Api.ApiPartner> ApiPartners => Set<Api.ApiPartner>();
    public DbSet<Api.ApiCall> ApiCalls => Set<Api.ApiCall>();
    public DbSet<Domain.Reviews.ReviewCase> ReviewCases => Set<Domain.Reviews.ReviewCase>();
    public DbSet<Domain.Reviews.ReviewLink> ReviewLinks => Set<Domain.Reviews.ReviewLink>();
    public DbSet<Domain.Reviews.ReviewEvent> ReviewEvents => Set<Domain.Reviews.ReviewEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Similarity.TypicalCase> TypicalCases => Set<Similarity.TypicalCase>();
    public DbSet<Proactive.ProactiveSuggestion> ProactiveSuggestions => Set<Proactive.ProactiveSuggestion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DisclosureDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.CaseConfiguration).Namespace);

        builder.Entity<Case>().HasQueryFilter(c => SeesAll || c.AgencyId == ScopeAgencyId);
        builder.Entity<CaseEvent>().HasQueryFilter(e => SeesAll || e.AgencyId == ScopeAgencyId);
        builder.Entity<Department>().HasQueryFilter(d => SeesAll || d.AgencyId == ScopeAgencyId);
        builder.Entity<Letter>().HasQueryFilter(l => SeesAll || l.AgencyId == ScopeAgencyId);
        builder.Entity<Notification>().HasQueryFilter(n => SeesAll || n.AgencyId == ScopeAgencyId);
        builder.Entity<Reports.ReportFiling>().HasQueryFilter(f => SeesAll || f.AgencyId == ScopeAgencyId);
        // A partner's key is checked before any agency is known: the API key handler reads partners with AgencyScope.All.
        builder.Entity<Api.ApiPartner>().HasQueryFilter(p => SeesAll || p.AgencyId == ScopeAgencyId);
        builder.Entity<Api.ApiCall>().HasQueryFilter(c => SeesAll || c.AgencyId == ScopeAgencyId);
        builder.Entity<Domain.Reviews.ReviewCase>().HasQueryFilter(r => SeesAll || r.AgencyId == ScopeAgencyId);
        builder.Entity<Domain.Reviews.ReviewEvent>().HasQueryFilter(e => SeesAll || e.AgencyId == ScopeAgencyId);
        // Review links are reached through their (filtered) review case, and point at (filtered) cases.
        builder.Entity<Similarity.TypicalCase>().HasQueryFilter(t => SeesAll || t.AgencyId == ScopeAgencyId);
        builder.Entity<Proactive.ProactiveSuggestion>().HasQueryFilter(s => SeesAll || s.AgencyId == ScopeAgencyId);
        // Users are not filtered: sign-in must find a user before any agency is known. Pages list users explicitly by agency.
        // Clock events, documents and mailings are reached only through their (filtered) case.
        // Template versions are the installation's library, shared by every agency (templates/ is one folder).
        // Job runs, incidents, calendar versions and Data Protection keys belong to the installation, not to an agency: only administrators see them.
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names (readable, stable across reordering).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

/// <summary>A published workflow definition version, kept verbatim so pinned cases run on it forever.</summary>
public class StoredWorkflowVersion
{
    public string WorkflowId { get; set; } = "";
    public int Version { get; set; }
    public string ContentHash { get; set; } = "";
    public string Content { get; set; } = "";
    public string SourceName { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
}

public sealed class SqliteDisclosureDbContext(DbContextOptions<SqliteDisclosureDbContext> options, Func<AgencyScope> scope)
    : DisclosureDbContext(options, scope);

public sealed class PostgresDisclosureDbContext(DbContextOptions<PostgresDisclosureDbContext> options, Func<AgencyScope> scope)
    : DisclosureDbContext(options, scope);
