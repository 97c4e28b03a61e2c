namespace DisclosureCases.Web;

/// <summary>The application's own services, one line each, in the order a reader meets them.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddHostedService<Startup.StartupWork>();
        return services;
    }
}
