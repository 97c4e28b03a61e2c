using DisclosureCases.Domain.Reviews;

namespace DisclosureCases.Reviews;

/// <summary>The 复议诉讼 services: one registration line in <c>ApplicationServices</c>.</summary>
public static class ReviewServices
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddOptions<ReviewSettings>().BindConfiguration("Reviews");
        services.AddSingleton(sp => ReviewResultCatalog.Load(Path.Combine(sp.GetRequiredService<AppPaths>().Workflows, "review-results.yaml")));
        services.AddScoped<ReviewIntake>();
        services.AddScoped<ReviewWorkflow>();
        services.AddScoped<ReviewDecisions>();
        services.AddScoped<ReviewReporting>();
        services.AddScoped<ApplicationReviews>();
        services.AddScoped<ReviewDeadlineList>();
        return services;
    }
}
