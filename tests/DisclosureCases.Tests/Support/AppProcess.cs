using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// The built application (<c>dotnet DisclosureCases.dll</c>) as a process of its own, on a free loopback port, with the
/// given settings as environment variables: what an operator runs, and what can be killed outright.
/// </summary>
public sealed class AppProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The last lines the application printed, for a failure message.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The application's build output, built with the test project (same configuration).</summary>
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net10.0/
            var dll = Path.Combine(RepoPaths.Source, "bin", configuration, "net10.0", "DisclosureCases.dll");
            File.Exists(dll).ShouldBeTrue($"{dll} should have been built with the tests");
            return dll;
        }
    }

    /// <summary>Starts the application and waits until <c>/health</c> answers 200.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string workingDirectory)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Paths__Root"] = RepoPaths.Root;
        start.Environment["Demo__Cases"] = "0";
        start.Environment["Demo__PrintLogins"] = "false";
        start.Environment["Quartz__Enabled"] = "false";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start)!;
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
                throw new ShouldAssertException($"The application exited with {process.ExitCode} before answering:\n{app.Output}");
            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                app.Dispose();
                throw new ShouldAssertException($"The application did not answer /health within 90 s:\n{app.Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, like <see cref="AppFactory.NewClient"/>.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>SIGKILL: no shutdown, no flushing, no finally blocks — a power cut as far as the process can tell.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 20_000) _output.Remove(0, _output.Length - 20_000);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
