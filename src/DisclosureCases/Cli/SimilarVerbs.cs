using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Samples;
using DisclosureCases.Similarity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cli;

/// <summary>
/// <c>disclosure similar --text "…" [--applicant ID] [--top 10] [--agency CODE]</c>: the past applications most like the
/// text (<see cref="SimilarCases"/>), one JSON object a line, best first: case number, score, outcome, the matched terms,
/// the reasons. <c>disclosure similar bench</c> (hidden) measures lookups, recorded in docs/benchmarks.md.
/// Exit codes: 0 done (also when nothing is similar: no lines); 2 wrong input.
/// </summary>
public static class SimilarVerbs
{
    public const int Done = 0;
    public const int WrongInput = 2;

    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Build(CliConsole console, CliHost host)
    {
        var text = new Option<string?>("--text") { Description = "申请内容（所需信息的名称、文号或特征性描述）", HelpName = "TEXT" };
        var applicant = new Option<string?>("--applicant") { Description = "申请人证件号码或统一社会信用代码：同一申请人的申请优先，并用于判断重复申请", HelpName = "ID" };
        var top = new Option<int>("--top") { Description = "列出的件数", DefaultValueFactory = _ => 10, HelpName = "N" };
        var agency = new Option<string?>("--agency") { Description = "机关代码（默认为最先建立的机关）", HelpName = "CODE" };
        var command = new Command("similar", "查找相似的既往申请（同类申请、典型案例、重复申请），每行一个 JSON 对象") { text, applicant, top, agency };
        command.SetAction(async (parse, ct) =>
        {
            var query = parse.GetValue(text);
            var n = parse.GetValue(top);
            if (string.IsNullOrWhiteSpace(query))
            {
                await console.Error.WriteLineAsync("--text 为必填项：请给出申请内容");
                return WrongInput;
            }
            if (n is <= 0 or > 100)
            {
                await console.Error.WriteLineAsync("--top 应为 1 到 100 之间的整数");
                return WrongInput;
            }
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            if (await AgencyChoice.FindAsync(database, parse.GetValue(agency), console, ct) is not { } target)
                return WrongInput;
            var outcomes = services.GetRequiredService<OutcomeCatalog>();
            await using var db = database.CreateContext(AgencyScope.For(target.Id));
            var today = ShanghaiTime.Today(services.GetRequiredService<TimeProvider>());
            var applicantId = parse.GetValue(applicant);
            var found = await SimilarCases.FindAsync(db, new SimilarQuery(query, applicantId, Top: n, AgencyId: target.Id), today, ct);
            foreach (var s in found)
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(Line(s, outcomes, query, applicantId), Json));
            return Done;
        });
        command.Subcommands.Add(Bench(console, host));
        command.Subcommands.Add(Fill(console, host));
        return command;
    }

    /// <summary>
    /// <c>disclosure similar fill [--workers 2]</c>: finds and keeps the similar-case candidates of every case that has
    /// none (<see cref="SimilarCandidatesFill"/>), reading each agency's ranking inputs into memory once — for a seeded or
    /// imported database; the <c>similar-candidates</c> job keeps up with new cases afterwards.
    /// </summary>
    static Command Fill(CliConsole console, CliHost host)
    {
        var workers = new Option<int>("--workers") { Description = "同时计算的案件数", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var command = new Command("fill", "为尚无相似申请候选的案件计算并保存候选（导入或批量生成数据后运行）") { workers };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(workers);
            if (n is < 1 or > 64)
            {
                await console.Error.WriteLineAsync("--workers 应为 1 到 64 之间的整数");
                return WrongInput;
            }
            await using var services = await host.ServicesAsync(ct);
            var watch = Stopwatch.StartNew();
            var filled = await services.GetRequiredService<SimilarCandidatesFill>()
                .FillAsync(null, inMemory: true, n, line => console.Out.WriteLine(line), ct);
            await console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "已为 {0:N0} 件案件保存相似申请候选，用时 {1:F1} 秒", filled, watch.Elapsed.TotalSeconds));
            return Done;
        });
        return command;
    }

    static object Line(SimilarCase s, OutcomeCatalog outcomes, string query, string? applicantId) => new
    {
        caseNumber = s.CaseNumber,
        caseId = s.CaseId,
        score = Math.Round(s.Score, 4),
        receivedOn = s.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        outcome = s.Outcome,
        outcomeLabel = s.Outcome is { } o ? outcomes.Find(o)?.Label ?? o : null,
        replyNumber = s.ReplyNumber,
        matchedTerms = s.MatchedTerms,
        reasons = s.Reasons.Select(r => r.ToString()).ToArray(),
        typical = s.Typical,
        repeat = applicantId is not null && s.Outcome is not null && s.RepliedOn is not null
            && s.SameApplicant && DuplicateRule.NearIdentical(query, s.Description),
    };

    /// <summary>
    /// <c>disclosure similar bench [--agency CODE] [--queries N] [--rebuild]</c>: lookups with new applications worded
    /// like the seeded ones (<see cref="SampleRequests"/>, another seed), half of them with an existing applicant's ID;
    /// p50/p95/p99, the database size and, with <c>--rebuild</c>, the time to rebuild the index from scratch.
    /// </summary>
    static Command Bench(CliConsole console, CliHost host)
    {
        var agency = new Option<string?>("--agency") { Description = "机关代码", HelpName = "CODE" };
        var queries = new Option<int>("--queries") { Description = "查询次数", DefaultValueFactory = _ => 500, HelpName = "N" };
        var rebuild = new Option<bool>("--rebuild") { Description = "先重建索引并计时" };
        var own = new Option<bool>("--case-page") { Description = "按案件页面的方式查询：随机抽取已有案件，以其本身的申请内容查询" };
        var candidates = new Option<int?>("--candidates") { Description = "候选数（默认 200）", HelpName = "N" };
        var live = new Option<bool>("--live") { Description = "案件页面方式：不用保存的候选，每次检索全部案件" };
        var compare = new Option<bool>("--compare") { Description = "案件页面方式：另以全部检索查询一次，比较所列前 10 件的重合度（不计时）" };
        var command = new Command("bench", "性能基准：相似申请查询的延迟分布") { agency, queries, rebuild, own, candidates, live, compare };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await host.ServicesAsync(ct);
            var database = services.GetRequiredService<Database>();
            if (await AgencyChoice.FindAsync(database, parse.GetValue(agency), console, ct) is not { } target)
                return WrongInput;
            var culture = CultureInfo.InvariantCulture;
            await using var db = database.CreateContext(AgencyScope.For(target.Id));
            var count = await db.Cases.CountAsync(ct);
            await console.Out.WriteLineAsync($"{target.Name}：{count.ToString("N0", culture)} 件案件，数据库 {database.Provider}");
            if (parse.GetValue(rebuild))
            {
                await Data.SimilarityMigrations.SimilarityIndexSuspension.SuspendAsync(db, ct);
                if (database.Provider == DatabaseProvider.PostgreSQL)
                    await db.Database.ExecuteSqlRawAsync($"""DROP INDEX IF EXISTS "{Data.SimilarityMigrations.SimilarityIndexSql.PostgresIndex}" """, ct);
                var took = await Data.SimilarityMigrations.SimilarityIndexSuspension.RebuildAsync(db, CancellationToken.None);
                await console.Out.WriteLineAsync(string.Format(culture, "重建索引：{0:F1} 秒", took.TotalSeconds));
            }
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
                await console.Out.WriteLineAsync(string.Format(culture, "数据库文件：{0:N0} MB", new FileInfo(path).Length / 1048576.0));
            }
            var random = new Random(4242);
            var ids = await db.Cases.OrderBy(c => c.Id).Select(c => c.Applicant.IdNumber).Take(5000).ToListAsync(ct);
            var today = ShanghaiTime.Today(services.GetRequiredService<TimeProvider>());
            var n = parse.GetValue(queries);
            var casePage = parse.GetValue(own);
            var limit = parse.GetValue(candidates) ?? SimilarCases.CandidateLimit;
            var textScores = 0.0;
            var maxId = casePage ? await db.Cases.MaxAsync(c => c.Id, ct) : 0;
            var times = new List<double>(n);
            var hits = 0L;
            var cpu = TimeSpan.Zero;
            long compared = 0, same = 0;
            var liveScores = 0.0;
            for (var i = -20; i < n; i++) // the first 20 warm up the connection pool and the JIT
            {
                SimilarQuery q;
                if (casePage)
                {
                    // The case page's panel: an existing case (any, as a bookmark or search opens it) and its own text.
                    var id = random.Next(1, maxId + 1);
                    var c = await db.Cases.AsNoTracking().Where(x => x.Id == id)
                        .Select(x => new { x.Description, x.Applicant.IdNumber, x.DepartmentId }).FirstOrDefaultAsync(ct);
                    if (c is null) { i--; continue; }
                    q = new SimilarQuery(c.Description, c.IdNumber, c.DepartmentId, id, Candidates: limit, UseKept: !parse.GetValue(live));
                }
                else
                    q = new SimilarQuery(SampleRequests.Next(random).Description,
                        random.Next(2) == 0 && ids.Count > 0 ? ids[random.Next(ids.Count)] : null, Top: 10, Candidates: limit);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var found = await SimilarCases.FindAsync(db, q, today, ct);
                watch.Stop();
                if (i < 0) continue;
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                times.Add(watch.Elapsed.TotalMilliseconds);
                hits += found.Count;
                textScores += found.Count == 0 ? 0 : found.Average(f => f.TextScore);
                if (casePage && parse.GetValue(compare))
                {
                    var searched = await SimilarCases.FindAsync(db, q with { UseKept = false }, today, ct);
                    compared += searched.Count;
                    same += searched.Select(f => f.CaseId).Intersect(found.Select(f => f.CaseId)).Count();
                    liveScores += searched.Count == 0 ? 0 : searched.Average(f => f.TextScore);
                }
            }
            times.Sort();
            double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
            await console.Out.WriteLineAsync(string.Format(culture,
                "{0} 次查询（前 10 件）：p50 {1:F1} 毫秒，p95 {2:F1} 毫秒，p99 {3:F1} 毫秒，最长 {4:F1} 毫秒；平均每次 {5:F1} 件结果",
                n, P(0.50), P(0.95), P(0.99), times[^1], hits / (double)n));
            await console.Out.WriteLineAsync(string.Format(culture, "平均每次 CPU {0:F2} 毫秒，平均耗时 {1:F2} 毫秒；候选 {2} 件，所列结果的文本相似度平均 {3:F3}",
                cpu.TotalMilliseconds / n, times.Average(), limit, textScores / n));
            if (compared > 0)
                await console.Out.WriteLineAsync(string.Format(culture, "与全部检索相比：所列前 10 件相同 {0:P1}（{1:N0} / {2:N0}），全部检索所列的文本相似度平均 {3:F3}",
                    same / (double)compared, same, compared, liveScores / n));
            return Done;
        });
        return command;
    }
}
