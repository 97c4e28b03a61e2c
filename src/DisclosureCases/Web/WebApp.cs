using DisclosureCases.Api;
using DisclosureCases.Data;
using DisclosureCases.Jobs;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;

namespace DisclosureCases.Web;

/// <summary>Builds the web application: services first, then the request pipeline, then start-up work.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args)
    {
        // The build output holds appsettings.json and the static-assets manifest; the working directory is where the
        // data folder goes (Database:Path is relative to it).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The start-up work (migrations, demo installation) is the first hosted service, so that it runs before any other:
        // Data Protection's own reads its key ring from the database at start, and on a new installation it found no table
        // and logged an error with a stack trace at the newcomer's first `dotnet run`.
        services.AddHostedService<Startup.StartupWork>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(AppPaths.Discover(configuration["Paths:Root"]));
        var database = Database.FromConfiguration(configuration);
        services.AddSingleton(database);
        if (database.Provider == DatabaseProvider.Sqlite)
            services.AddSingleton(_ => SqliteInstallationLock.Acquire(database.SqliteFile));
        services.AddHttpContextAccessor();
        services.AddScoped(sp =>
        {
            var http = sp.GetRequiredService<IHttpContextAccessor>();
            return sp.GetRequiredService<Database>().LeaseContext(() => Actor.ScopeOf(http.HttpContext?.User));
        });

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<DisclosureDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "disclosure.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Events.OnValidatePrincipal = SecurityStampCheck.Wrap(o.Events.OnValidatePrincipal);
        });
        services.AddAuthorization(o =>
        {
            // Login is required everywhere unless a page says [AllowAnonymous].
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Error");
        })
            .AddMvcOptions(ChineseModelBinding.Configure)
            .AddMvcOptions(o => o.Filters.Add(new UnknownHandlerFilter()))
            // No client-side validation library is served: the data-val-* attributes (in English) would be dead weight.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddAntiforgery(o => o.Cookie.Name = "disclosure.csrf");
        // Cookies and anti-forgery tokens are protected with keys kept in the database, shared by every node.
        services.AddDataProtection().SetApplicationName("DisclosureCases");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(database)));
        // Chinese text is written as text, not as numeric entities; HTML-special characters are still escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOptions<RequestGateOptions>().BindConfiguration(RequestGateOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestGateOptions>, OptionsProblems<RequestGateOptions>>();
        services.AddApplicationServices();
        services.AddPartnerApi();
        // After the application's services: its start-up work (migrations) runs before the jobs' start-up work.
        services.AddJobs(configuration, database);

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseStaticFiles();
        // Requests are worked on a few at a time, in arrival order (RequestGate); static files are served without waiting.
        if (RequestGate.For(app.Services.GetRequiredService<IOptions<RequestGateOptions>>().Value, database.Provider) is { } gate)
        {
            app.Lifetime.ApplicationStopped.Register(gate.Dispose);
            app.Use(gate.InvokeAsync);
        }
        app.UseRouting();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<Api.ApiCallLog>());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapGet("/health", HealthEndpoint.Report).AllowAnonymous();
        app.MapPartnerApi();
        return app;
    }
}
