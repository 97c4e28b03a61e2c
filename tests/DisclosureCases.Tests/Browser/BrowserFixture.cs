using System.Text;
using DisclosureCases.Tests.Support;
using Microsoft.Playwright;

namespace DisclosureCases.Tests.Browser;

/// <summary>The real application listening on Kestrel on a free loopback port, with its own SQLite file.</summary>
public sealed class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory() => UseKestrel(0);

    /// <summary>Starts the server and returns its address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Start()
    {
        StartServer();
        return ClientOptions.BaseAddress;
    }
}

/// <summary>
/// One application and one headless Chromium shared by the browser tests (starting either costs seconds). Started on
/// first use, so that a skipped test starts nothing. Each test gets its own browser context (cookies, storage) and, when
/// a step fails, a screenshot and the page's HTML under <c>TestResults/browser/</c>, named in the failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    readonly SemaphoreSlim _starting = new(1, 1);
    KestrelAppFactory? _app;
    IPlaywright? _playwright;
    IBrowser? _browser;

    public AppFactory App => _app ?? throw new InvalidOperationException("The fixture has not been started.");
    public Uri BaseAddress { get; private set; } = null!;

    public static string ArtifactsFolder { get; } = Path.Combine(RepoPaths.Root, "TestResults", "browser");

    public Task InitializeAsync() => Task.CompletedTask;

    async Task StartAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_browser is not null) return;
            _app = new KestrelAppFactory();
            BaseAddress = _app.Start();
            _playwright = await Playwright.CreateAsync();
            try
            {
                _browser = await _playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = Chromium.Path,
                    Headless = true,
                    Args = Chromium.Args,
                    Timeout = 60_000,
                });
            }
            catch (PlaywrightException e)
            {
                throw new InvalidOperationException($"Chromium did not start.{Environment.NewLine}{Chromium.Diagnose()}{Environment.NewLine}{e.Message}", e);
            }
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="steps"/> in a fresh browser context. On failure the page is saved (PNG and HTML) and the
    /// exception names both files, the URL and anything the page logged as an error.
    /// </summary>
    public async Task RunAsync(string testName, Func<IPage, Task> steps)
    {
        await StartAsync();
        await using var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        // Assertions wait as long as actions (their own default is 5 s, short for a page while the rest of the suite runs
        // on the same two cores).
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.Response += (_, r) => { if (r.Status >= 500) problems.Add($"HTTP {r.Status} {r.Url}"); };
        try
        {
            await steps(page);
        }
        catch (Exception e) when (e is not BrowserStepFailed)
        {
            var saved = await SaveAsync(page, testName);
            var message = new StringBuilder()
                .AppendLine($"{e.GetType().Name}: {e.Message}")
                .AppendLine($"URL: {page.Url}")
                .AppendLine(saved);
            foreach (var p in problems) message.AppendLine(p);
            throw new BrowserStepFailed(message.ToString(), e);
        }
    }

    /// <summary>A screenshot of the whole page, for a person to look at (and for the failure report).</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsFolder);
        var png = Path.Combine(ArtifactsFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = png, FullPage = true });
        return png;
    }

    static async Task<string> SaveAsync(IPage page, string testName)
    {
        var stem = $"{testName}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var lines = new List<string>();
        try
        {
            lines.Add($"screenshot: {await ScreenshotAsync(page, stem)}");
            var html = Path.Combine(ArtifactsFolder, stem + ".html");
            await File.WriteAllTextAsync(html, await page.ContentAsync());
            lines.Add($"page HTML: {html}");
        }
        catch (PlaywrightException e)
        {
            lines.Add($"(the page could not be saved: {e.Message})");
        }
        return string.Join(Environment.NewLine, lines);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _starting.Dispose();
    }
}

public sealed class BrowserStepFailed(string message, Exception inner) : Exception(message, inner);

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
