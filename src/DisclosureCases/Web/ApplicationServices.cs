using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Calendar;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Fees;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using DisclosureCases.Reviews;
using DisclosureCases.Workflow;

namespace DisclosureCases.Web;

/// <summary>
/// The application's own services, in the order a reader meets them. The reviewed data (calendar, catalogs,
/// workflow definitions) is loaded when first asked for — and <see cref="Startup.StartupWork"/> asks at start-up, so
/// a bad file stops the app with its file and line before it takes a request.
/// </summary>
public static class ApplicationServices
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CalendarHolder(StatutoryCalendar.Load(sp.GetRequiredService<AppPaths>().Calendar)));
        services.AddSingleton(sp => OutcomeCatalog.Load(Path.Combine(sp.GetRequiredService<AppPaths>().Workflows, "outcomes.yaml")));
        services.AddSingleton(sp => FeeSchedule.Load(Path.Combine(sp.GetRequiredService<AppPaths>().Workflows, "fees.yaml")));
        services.AddSingleton(sp => DocumentCatalog.Load(Path.Combine(sp.GetRequiredService<AppPaths>().Templates, "catalog.yaml")));
        services.AddSingleton(sp => WorkflowVocabulary.Standard(
            sp.GetRequiredService<DocumentCatalog>().Ids, sp.GetRequiredService<OutcomeCatalog>().Codes));
        services.AddSingleton(sp =>
        {
            // Publishing needs the schema: migrate first. Both run once, at start-up, before any request.
            var database = sp.GetRequiredService<Database>();
            database.MigrateAsync().GetAwaiter().GetResult();
            return WorkflowRegistry.PublishAsync(database, sp.GetRequiredService<AppPaths>(), sp.GetRequiredService<WorkflowVocabulary>(),
                sp.GetRequiredService<TimeProvider>(), CancellationToken.None).GetAwaiter().GetResult();
        });

        services.AddSingleton(sp => new WorkflowRuntime(sp.GetRequiredService<WorkflowVocabulary>()));
        services.AddSingleton(sp => new TemplateLinter(sp.GetRequiredService<DocumentCatalog>(), sp.GetRequiredService<OutcomeCatalog>()));
        services.AddSingleton<TemplateCache>();
        services.AddSingleton(sp =>
        {
            // Like the workflow versions: the template files are stored as approved versions once, at start-up.
            var database = sp.GetRequiredService<Database>();
            database.MigrateAsync().GetAwaiter().GetResult();
            return TemplateStore.SeedAsync(database, sp.GetRequiredService<AppPaths>(), sp.GetRequiredService<TemplateLinter>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<TemplateStore>(),
                CancellationToken.None).GetAwaiter().GetResult();
        });
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseEdit>();
        services.AddScoped<Reports.ReportLocks>();
        services.AddScoped<MailingBatch>();
        services.AddScoped<ArchiveExport>();
        services.AddScoped<Evidence.EvidencePackage>();

        // Moving cases in and out: JSONL export and import, bulk seeding for benchmarks.
        services.AddTransient<Transfer.TransferredCaseValidator>();
        services.AddTransient<Transfer.JsonlExport>();
        services.AddTransient<Transfer.JsonlImport>();
        services.AddTransient<Samples.CaseSeeder>();
        services.AddScoped<TemplateStore>();
        services.AddScoped<CaseLetters>();
        services.AddReviews();
        // Applicant history (条例第35、42条) and 依申请转主动公开 suggestions (条例第44条): settings checked at start.
        services.AddOptions<Applicants.ApplicantOptions>().BindConfiguration(Applicants.ApplicantOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Applicants.ApplicantOptions>, OptionsProblems<Applicants.ApplicantOptions>>();
        services.AddScoped<Applicants.ApplicantHistoryQuery>();
        services.AddOptions<Proactive.ProactiveOptions>().BindConfiguration(Proactive.ProactiveOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Proactive.ProactiveOptions>, OptionsProblems<Proactive.ProactiveOptions>>();
        services.AddSingleton<Proactive.IRequestGrouping>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Proactive.ProactiveOptions>>().Value;
            return new Proactive.ShingleGrouping(o.Similarity, o.IgnoreNumbers, o.IgnoredWords);
        });
        services.AddScoped<Proactive.ProactiveSuggestions>();
        services.AddSingleton<Similarity.SimilarCandidatesFill>();
        return services;
    }
}
