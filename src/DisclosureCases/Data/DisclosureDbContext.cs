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
public class DisclosureDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    Func<AgencyScope> _scope = static () => AgencyScope.Nothing;

    /// <summary>
    /// Read when each query runs, not when the context is made: in a web request the context can be created during
    /// authentication (Identity's stamp validator needs it), before the signed-in user is known.
    /// </summary>
    public AgencyScope Scope => _scope();

    /// <summary>
    /// Whether this context was made to see every agency (the command line, background jobs): fixed when it is made,
    /// and the model is chosen by it (<see cref="ScopedModelCacheKeyFactory"/>). An agency's context filters with a plain
    /// <c>AgencyId = @id</c> that the (AgencyId, …) indexes serve, sorted scans included; an OR with a parameter for
    /// "sees all" in the same predicate would keep SQLite and PostgreSQL from using them (on a million cases the
    /// worklist sorted a third of the table per request). A web request never sees all: before sign-in its scope is
    /// <see cref="AgencyScope.Nothing"/>.
    /// </summary>
    public bool MadeForAllAgencies { get; private set; }

    /// <summary>
    /// Gives the context its scope (<see cref="Database"/>, right after making or leasing it, before its first query):
    /// whether it sees every agency is fixed then, with the model it chooses. A context leased again from the pool
    /// (<see cref="Database.LeaseContext"/>) is always an agency's and takes the new lease's scope.
    /// </summary>
    internal void Bind(Func<AgencyScope> scope, bool allAgencies)
    {
        _scope = scope;
        MadeForAllAgencies = allAgencies;
    }

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
    public DbSet<Similarity.StoredCandidates> SimilarCandidates => Set<Similarity.StoredCandidates>();

    /// <summary>
    /// The agency filter of one entity with an <c>AgencyId</c> column. A context made for every agency keeps the "sees
    /// all" test (should its scope ever stop being "all", it sees no agency's rows, not every one); an agency's context
    /// (or none, -1) filters with a plain <c>AgencyId = @id</c> that the (AgencyId, …) indexes serve — should its scope
    /// turn into "all" later, the id is -1 and nothing is seen.
    /// </summary>
    void ScopeByAgency<T>(ModelBuilder builder) where T : class
    {
        if (MadeForAllAgencies)
            builder.Entity<T>().HasQueryFilter(e => SeesAll || EF.Property<int?>(e, "AgencyId") == ScopeAgencyId);
        else
            builder.Entity<T>().HasQueryFilter(e => EF.Property<int?>(e, "AgencyId") == ScopeAgencyId);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DisclosureDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.CaseConfiguration).Namespace);

        // Every agency-owned entity, each once. The partner API's key check reads partners with AgencyScope.All (no agency
        // is known before the key); calls with an unknown key belong to no agency and are seen only by such contexts.
        // Review links are reached through their (filtered) review case, and point at (filtered) cases.
        ScopeByAgency<Case>(builder);
        ScopeByAgency<CaseEvent>(builder);
        ScopeByAgency<Department>(builder);
        ScopeByAgency<Letter>(builder);
        ScopeByAgency<Notification>(builder);
        ScopeByAgency<Reports.ReportFiling>(builder);
        ScopeByAgency<Api.ApiPartner>(builder);
        ScopeByAgency<Api.ApiCall>(builder);
        ScopeByAgency<Domain.Reviews.ReviewCase>(builder);
        ScopeByAgency<Domain.Reviews.ReviewEvent>(builder);
        ScopeByAgency<Similarity.TypicalCase>(builder);
        ScopeByAgency<Proactive.ProactiveSuggestion>(builder);
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

/// <summary>Two models per context type: one for contexts that see all agencies, one for an agency's.</summary>
public sealed class ScopedModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is DisclosureDbContext { MadeForAllAgencies: true }, designTime);
}

public sealed class SqliteDisclosureDbContext(DbContextOptions<SqliteDisclosureDbContext> options) : DisclosureDbContext(options)
{
    SqliteStatements? _statements;
    Microsoft.Data.Sqlite.SqliteConnection? _connection;

    /// <summary>Puts the context on a kept connection (<see cref="SqliteStatements"/>), handed back when it is disposed.</summary>
    internal void UseKeptConnection(SqliteStatements statements)
    {
        _statements = statements;
        _connection = statements.Lease();
        Database.SetDbConnection(_connection, contextOwnsConnection: false);
    }

    public override void Dispose()
    {
        var (statements, connection) = TakeConnection();
        base.Dispose();
        if (connection is not null) statements!.Return(connection);
    }

    public override async ValueTask DisposeAsync()
    {
        var (statements, connection) = TakeConnection();
        await base.DisposeAsync();
        if (connection is not null) statements!.Return(connection);
    }

    /// <summary>
    /// Once only: a context may be disposed twice, a connection must not be handed out twice. Taken before the context
    /// is disposed (a pooled one may be leased again, with a connection of its own, as soon as it is) and handed back
    /// after, when the context no longer touches it.
    /// </summary>
    (SqliteStatements?, Microsoft.Data.Sqlite.SqliteConnection?) TakeConnection() =>
        (_statements, Interlocked.Exchange(ref _connection, null));
}

public sealed class PostgresDisclosureDbContext(DbContextOptions<PostgresDisclosureDbContext> options) : DisclosureDbContext(options);
