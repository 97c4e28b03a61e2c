namespace DisclosureCases.Web;

/// <summary>Builds the web application: services first, then the request pipeline.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        builder.Services.AddSingleton(TimeProvider.System);

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapGet("/health", () => Results.Json(new { status = "ok" }));
        return app;
    }
}
