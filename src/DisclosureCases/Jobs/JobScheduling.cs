using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Notifications;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// Background jobs in the container: Quartz with its ADO.NET job store in the application's own database (tables from
/// our migrations, validated by Quartz at start), clustered on PostgreSQL with generated instance ids, a single node on
/// SQLite; the run-history and retry listener; the jobs and the services they call. Quartz's hosted service starts the
/// scheduler after the application has started and shuts it down with the host, waiting for running jobs.
/// </summary>
public static class JobScheduling
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, Database database)
    {
        var settings = SchedulerSettings.From(configuration, database.Provider);
        services.AddSingleton(settings);
        foreach (var definition in JobCatalog.Standard(settings))
            services.AddSingleton(definition);
        services.AddSingleton(sp => new JobCatalog(sp.GetServices<JobDefinition>()));
        services.AddSingleton<JobControl>();
        services.AddTransient<JobDashboard>();
        services.AddSingleton<NotificationWriter>();
        services.AddScoped<Inbox>();
        services.AddTransient<DeadlineSweep>();
        services.AddTransient<DeadlinesRecompute>();
        services.AddTransient<CalendarReload>();
        services.AddHostedService<SchedulerStartup>();
        if (!settings.Enabled)
            return services;

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = settings.InstanceName;
                // A clustered node generates its id at start (host name and time): "AUTO" here would be taken literally, and
                // nodes sharing one id read each other's firings as their own and never see each other fail.
                if (settings.Clustered)
                    o.GenerateInstanceId = true;
                else
                    o.InstanceId = SchedulerStartup.NonClusteredInstanceId;
                o.IdleWaitTime = settings.IdleWait;
                o.DefaultTimeZone = Domain.Cases.ShanghaiTime.Zone;
            });
            q.UseDefaultThreadPool(settings.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = QuartzSchema.TablePrefix;
                    // Job data holds ids only, as strings: nothing is serialized into it.
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = settings.MisfireThreshold;
                    // The tables come from our migrations; Quartz only checks them.
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                if (database.Provider == DatabaseProvider.PostgreSQL)
                    store.UsePostgres(database.ConnectionString);
                else
                    store.UseSqlite(database.ConnectionString);
                if (settings.Clustered)
                    store.UseClustering(c => c.CheckinInterval = settings.ClusterCheckin);
                store.UseSystemTextJsonSerializer();
            });
            q.AddJobListener<JobRunListener>();
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        return services;
    }
}
