using System.CommandLine;
using System.Globalization;
using DisclosureCases.Data;
using DisclosureCases.Proactive;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure proactive recompute [--agency CODE]</c>: recomputes one agency's 依申请转主动公开 suggestions now (as the
/// nightly run and the page's 重新计算 do) and prints the counts and the time taken. Exit code 2 for an unknown agency.
/// </summary>
public static class ProactiveVerbs
{
    public static Command Build(CliConsole console, CliHost host)
    {
        var agency = new Option<string?>("--agency") { Description = "机关代码（默认第一个机关）", HelpName = "CODE" };
        var recompute = new Command("recompute", "重新计算依申请转主动公开建议（条例第44条）") { agency };
        recompute.SetAction(async (parse, ct) =>
        {
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            if (await AgencyChoice.FindAsync(database, parse.GetValue(agency), console, ct) is not { } found) return 2;
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ProactiveSuggestions>().RecomputeAsync(found.Id, ct);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{found.Name}：{result.ReleasedCases}件予以公开、部分公开的申请，{result.Suggestions}条建议待处理，用时{result.Elapsed.TotalSeconds:0.00}秒（读取{result.Loading.TotalSeconds:0.00}秒，分组{result.Grouping.TotalSeconds:0.00}秒）"));
            return 0;
        });
        var proactive = new Command("proactive", "依申请转主动公开建议");
        proactive.Subcommands.Add(recompute);
        return proactive;
    }
}
