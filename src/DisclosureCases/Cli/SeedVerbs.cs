using System.CommandLine;
using System.Globalization;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Data.SimilarityMigrations;
using DisclosureCases.Samples;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure seed --cases N [--agency CODE] [--batch N] [--seed N]</c>: N synthetic cases in bulk for benchmarks
/// (see <see cref="CaseSeeder"/>), with progress and the rate on standard output. The similarity index's upkeep is
/// suspended for the insert and the index rebuilt at the end on SQLite (<see cref="SimilarityIndexSuspension"/>), timed separately.
/// Exit codes: 0 done; 2 a wrong value or an unknown agency.
/// </summary>
public static class SeedVerbs
{
    public const int Done = 0;
    public const int WrongInput = 2;

    public static Command Build(CliConsole console, CliHost host)
    {
        var cases = new Option<int>("--cases") { Description = "生成的案件数", Required = true, HelpName = "N" };
        var agency = new Option<string?>("--agency") { Description = "机关代码（默认为最先建立的机关，即演示机关）", HelpName = "CODE" };
        var batch = new Option<int>("--batch") { Description = "每个事务写入的案件数", DefaultValueFactory = _ => 10_000, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "随机数种子：相同种子生成相同的申请人和申请内容", DefaultValueFactory = _ => 1, HelpName = "N" };
        var command = new Command("seed", "批量生成合成案件，用于性能测试（直接写库，不逐步走流程；每件案件仍有收到申请的计时事件、期限和可校验的审计链）")
        {
            cases, agency, batch, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(cases);
            var batchSize = parse.GetValue(batch);
            if (count <= 0 || batchSize <= 0)
            {
                await console.Error.WriteLineAsync("--cases 和 --batch 应为正整数");
                return WrongInput;
            }
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            if (await AgencyChoice.FindAsync(database, parse.GetValue(agency), console, ct) is not { } target)
                return WrongInput;
            var seeder = ActivatorUtilities.CreateInstance<CaseSeeder>(services);
            // SQLite's similarity index is rebuilt once at the end rather than kept current row by row (several times
            // slower); also when the seed fails or is cancelled, so that the index covers every case. PostgreSQL keeps
            // its GIN index and refreshes the statistics the lookup reads.
            await using (var db = database.CreateContext(AgencyScope.All))
                await SimilarityIndexSuspension.SuspendAsync(db, ct);
            try
            {
                return await SeedAsync(seeder, target, count, batchSize, parse.GetValue(seed), console, ct);
            }
            finally
            {
                await console.Out.WriteLineAsync(database.Provider == DatabaseProvider.Sqlite ? "重建相似申请索引……" : "更新相似申请索引统计……");
                await using var db = database.CreateContext(AgencyScope.All);
                var took = await SimilarityIndexSuspension.RebuildAsync(db, CancellationToken.None);
                await console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "相似申请索引已就绪，用时 {0:F1} 秒。", took.TotalSeconds));
            }
        });
        return command;
    }

    public static async Task<int> SeedAsync(CaseSeeder seeder, AgencyChoice agency, int count, int batchSize, int seed, CliConsole console, CancellationToken ct)
    {
        var culture = CultureInfo.InvariantCulture;
        await console.Out.WriteLineAsync($"为 {agency.Name}（{agency.Code}）生成 {count.ToString("N0", culture)} 件合成案件，每批 {batchSize.ToString("N0", culture)} 件……");
        SeedProgress? last = null;
        await seeder.SeedAsync(agency.Id, count, batchSize, seed, p =>
        {
            last = p;
            console.Out.WriteLine(string.Format(culture, "  {0:N0} / {1:N0} 件，{2:F1} 秒，每秒 {3:N0} 件", p.Done, p.Total, p.Elapsed.TotalSeconds, p.PerSecond));
        }, ct);
        await console.Out.WriteLineAsync(string.Format(culture, "完成：{0:N0} 件，用时 {1:F1} 秒，每秒 {2:N0} 件。可用 disclosure audit verify 校验审计链。",
            last!.Done, last.Elapsed.TotalSeconds, last.PerSecond));
        return Done;
    }
}
