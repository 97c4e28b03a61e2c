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

    /// <summary>
    /// Whether this context was made to see every agency (the command line, background jobs): fixed when it is made,
    /// and the model is chosen by it (<see cref="ScopedModelCacheKeyFactory"/>). An agency's context filters with a plain
    /// <c>AgencyId = @id</c> that the (AgencyId, …) indexes serve, sorted scans included; an OR with a parameter for
    /// "sees all" in the same predicate would keep SQLite and PostgreSQL from using them (on a million cases the
    /// worklist sorted a third of the table per request). A web request never sees all: before sign-in its scope is
    /// <see cref="AgencyScope.Nothing"/>.
    /// </summary>
    public bool MadeForAllAgencies { get; } = scope().IsAll;

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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DisclosureDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.CaseConfiguration).Namespace);

        if (MadeForAllAgencies)
        {
            // Still filtered: should the scope ever stop being "all", such a context sees no agency's rows, not every one.
            builder.Entity<Case>().HasQueryFilter(c => SeesAll || c.AgencyId == ScopeAgencyId);
            builder.Entity<CaseEvent>().HasQueryFilter(e => SeesAll || e.AgencyId == ScopeAgencyId);
            builder.Entity<Department>().HasQueryFilter(d => SeesAll || d.AgencyId == ScopeAgencyId);
            builder.Entity<Letter>().HasQueryFilter(l => SeesAll || l.AgencyId == ScopeAgencyId);
            builder.Entity<Notification>().HasQueryFilter(n => SeesAll || n.AgencyId == ScopeAgencyId);
            builder.Entity<Reports.ReportFiling>().HasQueryFilter(f => SeesAll || f.AgencyId == ScopeAgencyId);
        }
        else
        {
            // One agency (or none, -1): should the scope turn into "all" later, FilterAgencyId is -1 and nothing is seen.
            builder.Entity<Case>().HasQueryFilter(c => c.AgencyId == ScopeAgencyId);
            builder.Entity<CaseEvent>().HasQueryFilter(e => e.AgencyId == ScopeAgencyId);
            builder.Entity<Department>().HasQueryFilter(d => d.AgencyId == ScopeAgencyId);
            builder.Entity<Letter>().HasQueryFilter(l => l.AgencyId == ScopeAgencyId);
            builder.Entity<Notification>().HasQueryFilter(n => n.AgencyId == ScopeAgencyId);
            builder.Entity<Reports.ReportFiling>().HasQueryFilter(f => f.AgencyId == ScopeAgencyId);
        }
        // Users are not filtered: sign-in must find a user before any agency is known. Pages list users explicitly by agency.
        // Clock events, documents and mailings are reached only through their (filtered) case.
        // Template versions are the installation's library, shared by every agency (templates/ is one folder).
        // Job runs, incidents and calendar versions belong to the installation, not to an agency: only administrators see them.
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

/// <summary>Two models per context type: one for contexts that see all agencies, one for an agency's.</summary>
public sealed class ScopedModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is DisclosureDbContext { MadeForAllAgencies: true }, designTime);
}

public sealed class SqliteDisclosureDbContext(DbContextOptions<SqliteDisclosureDbContext> options, Func<AgencyScope> scope)
    : DisclosureDbContext(options, scope);

public sealed class PostgresDisclosureDbContext(DbContextOptions<PostgresDisclosureDbContext> options, Func<AgencyScope> scope)
    : DisclosureDbContext(options, scope);
