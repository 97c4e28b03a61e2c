using System.Diagnostics;

namespace DisclosureCases.Tests.Browser;

/// <summary>
/// The browser the browser tests drive: Debian's Chromium (Playwright's own browser builds cannot be downloaded
/// here). <c>CHROMIUM_PATH</c> points elsewhere; <c>.ci/run</c> installs the package when it is missing.
/// </summary>
public static class Chromium
{
    public static string Path { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>On CI a missing browser is a failure, never a quiet skip (CI runs with <c>CI=true</c>).</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Headless in a container as root: no sandbox (it needs user namespaces a container rarely grants), no GPU, and
    /// nothing that would reach for the network on its own (the machine has none beyond the package registries).
    /// </summary>
    public static readonly IReadOnlyList<string> Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>What a person needs to know when the browser does not start: where it was looked for and what it says.</summary>
    public static string Diagnose()
    {
        var lines = new List<string>
        {
            $"Chromium: {Path} ({(IsInstalled ? "exists" : "MISSING: apt-get install -y chromium fonts-noto-cjk")})",
            $"user: {Environment.UserName}, CI={Environment.GetEnvironmentVariable("CI") ?? "(unset)"}",
        };
        if (IsInstalled)
        {
            try
            {
                using var version = Process.Start(new ProcessStartInfo(Path, "--version")
                {
                    RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                })!;
                var stdout = version.StandardOutput.ReadToEndAsync();
                var stderr = version.StandardError.ReadToEndAsync();
                if (!version.WaitForExit(15_000))
                {
                    version.Kill(entireProcessTree: true);
                    lines.Add("`chromium --version` did not answer within 15 s");
                }
                else
                {
                    lines.Add($"`chromium --version` exit {version.ExitCode}: {stdout.Result.Trim()} {stderr.Result.Trim()}".TrimEnd());
                }
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                lines.Add($"`chromium --version` could not be run: {e.Message}");
            }
        }
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>
/// A fact that needs the real browser. Without Chromium it is skipped with the reason — except on CI
/// (<c>CI=true</c>), where it runs and fails loudly, so that a machine without the browser never looks green.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.OnCi)
            Skip = $"浏览器测试需要 Chromium：{Chromium.Path} 不存在。安装：apt-get install -y chromium fonts-noto-cjk（CI=true 时此测试不跳过而是失败）";
    }
}
