using System.Net;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// The real application on a database of its own (one per factory), with the demo agencies and users and
/// <see cref="DemoCaseCount"/> demo cases: a SQLite file, or — when <c>DISCLOSURE_TEST_PROVIDER=postgres</c> — a fresh
/// PostgreSQL database (<see cref="TestDatabases"/>), dropped with the factory.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    readonly string _dir;
    readonly bool _keepDirectory;
    readonly DatabaseProvider _provider;
    readonly bool _migrateFromEmpty;
    string? _postgres;

    public AppFactory() : this(NewDirectory(), keepDirectory: false)
    {
    }

    /// <summary>An application on the data folder <paramref name="directory"/>; with <paramref name="keepDirectory"/> the folder
    /// (and its database — on PostgreSQL the folder names it) outlives this factory, for a second application started on it
    /// (a restart).</summary>
    /// <param name="provider">The database, whatever the run's provider (<see cref="TestDatabases.Provider"/>) is.</param>
    /// <param name="migrateFromEmpty">On PostgreSQL, start from an empty database rather than the run's migrated template.</param>
    protected AppFactory(string directory, bool keepDirectory, DatabaseProvider? provider = null, bool migrateFromEmpty = false)
    {
        _dir = directory;
        _keepDirectory = keepDirectory;
        _provider = provider ?? TestDatabases.Provider;
        _migrateFromEmpty = migrateFromEmpty;
    }

    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The folder holding this factory's database (SQLite) or files.</summary>
    public string DataDirectory => _dir;

    public string DatabasePath => Path.Combine(_dir, "test.db");
    protected virtual int DemoCaseCount => 0;

    /// <summary>The database provider the app runs on in this factory.</summary>
    public string Provider => _provider.ToString();

    public DatabaseProvider DatabaseProvider => _provider;

    /// <summary>Skips the calling test when this factory's database is not available here (never under CI=true).</summary>
    public void SkipUnlessAvailable()
    {
        if (_provider == DatabaseProvider.PostgreSQL) TestDatabases.SkipUnlessPostgres();
    }

    /// <summary>The settings that point the application (or the command line, or a second node) at this factory's database.</summary>
    public IReadOnlyDictionary<string, string> DatabaseSettings
    {
        get
        {
            if (_provider == DatabaseProvider.Sqlite)
                return new Dictionary<string, string> { ["Database:Provider"] = "Sqlite", ["Database:Path"] = DatabasePath };
            return new Dictionary<string, string> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Postgres"] = PostgresConnectionString };
        }
    }

    /// <summary>This factory's PostgreSQL database, created on first use (or found in a kept folder: a restart).</summary>
    string PostgresConnectionString
    {
        get
        {
            if (_postgres is not null) return _postgres;
            Directory.CreateDirectory(_dir);
            var marker = Path.Combine(_dir, "postgres.txt");
            if (File.Exists(marker))
                return _postgres = File.ReadAllText(marker);
            _postgres = TestDatabases.CreatePostgres(empty: _migrateFromEmpty);
            File.WriteAllText(marker, _postgres);
            return _postgres;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dir);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in DatabaseSettings)
            builder.UseSetting(key, value);
        builder.UseSetting("Demo:Cases", DemoCaseCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:PrintLogins", "false");
        builder.UseSetting("Paths:Root", RepoPaths.Root);
        // No background scheduler unless a test asks for one (SchedulerAppFactory): nothing fires into a test's database
        // behind its back, and the suite stays fast.
        builder.UseSetting("Quartz:Enabled", "false");
    }

    public Database Database => Services.GetRequiredService<Database>();

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see them).</summary>
    public HttpClient NewClient() => Sessions.NewClient(this);

    /// <summary>Signs in as one of the demo users and returns the client holding the cookie.</summary>
    public Task<HttpClient> SignInAsync(string userName, string password = DisclosureCases.Web.Startup.DemoInstallation.Password) =>
        Sessions.SignInAsync(this, userName, password);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_keepDirectory) return;
        if (_postgres is not null) TestDatabases.DropPostgres(_postgres);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Clients of any factory of the app, also one derived with <c>WithWebHostBuilder</c> (other settings).</summary>
public static class Sessions
{
    /// <summary>A client that keeps cookies and does not follow redirects (so tests see them).</summary>
    public static HttpClient NewClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in as one of the demo users and returns the client holding the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> factory, string userName,
        string password = DisclosureCases.Web.Startup.DemoInstallation.Password)
    {
        var client = factory.NewClient();
        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in as {userName} should redirect");
        return client;
    }
}

public static partial class HttpClientForms
{
    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenPattern();

    /// <summary>The anti-forgery token of the form a page renders.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var match = TokenPattern().Match(html);
        match.Success.ShouldBeTrue($"{pageUrl} should render an anti-forgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form the way a browser would: the page is fetched first for its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPageUrl = null)
    {
        var token = await client.AntiforgeryTokenAsync(formPageUrl ?? url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
