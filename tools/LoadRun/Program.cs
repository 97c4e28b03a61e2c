// loadrun: a bounded load run against a running DisclosureCases (docs/benchmarks.md, tools/load.sh).
//
// Signs in with the demo users (cookie + anti-forgery token), then lets N concurrent clients draw scenarios from a mix
// (worklist page, case page, intake post, similar-case lookup) until the request count or the time limit is reached,
// whichever comes first. Prints per scenario: count, errors, p50/p95/p99, throughput; and the server's memory read
// from /proc/<pid>/status (VmHWM = peak resident set since start, VmRSS sampled during the run).
//
//   loadrun --url http://127.0.0.1:5391 --pid 1234 [--clients 50] [--requests 20000] [--seconds 120]
//           [--warmup-seconds 90] [--mix worklist=45,case=40,intake=10,similar=5] [--password Demo@2026] [--think 0]
//
// The warm-up runs the same mix unrecorded for --warmup-seconds (or --warmup N requests, whichever ends first): the
// runtime compiles hot methods again, optimised, in the background for about the first minute under load, and a run
// measured during that time counted the compiler's work too (the case page: 11.4 ms CPU a request in the first
// minute, 7.2 ms after). On a slower machine the compiler took 12 % of the CPU until 60-70 s after the load began (perf,
// docs/benchmarks.md), hence 90 s by default.
//
// Without --think every client sends its next request as soon as the last one is answered (a closed loop: the run
// measures the server's capacity, and latency is mostly the queue of 50 clients); --think N pauses each client
// 0.5–1.5 × N ms between requests, like a person reading the page.
//
// A scenario whose route answers 404 on its first use (the similar-case lookup before it exists) is reported as
// "not available (404)" and dropped from the mix, never counted as errors. A case id absent from the database (a gap
// left by a rolled-back intake) is reported as a gap, not as an error. Exit code 1 when any request failed.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: loadrun --url URL [--pid PID] [--clients 50] [--requests 20000] [--seconds 120] [--warmup-seconds 90] [--warmup N] [--mix worklist=45,case=40,intake=10,similar=5] [--password P] [--think MS]");
    return 2;
}
var run = new LoadRun(options);
return await run.RunAsync();

sealed record Options(Uri Url, int? Pid, int Clients, int Requests, TimeSpan Limit, int Warmup, TimeSpan WarmupLimit, Dictionary<string, int> Mix, string Password, int ThinkMs)
{
    public static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            values[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0 || !values.TryGetValue("url", out var url)) return null;
        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var mix = (values.GetValueOrDefault("mix") ?? "worklist=45,case=40,intake=10,similar=5")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
        var unknown = mix.Keys.Except(LoadRun.Scenarios).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"unknown scenario(s): {string.Join(", ", unknown)}; known: {string.Join(", ", LoadRun.Scenarios)}");
            return null;
        }
        return new Options(new Uri(url), values.TryGetValue("pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Int("clients", 50), Int("requests", 20_000), TimeSpan.FromSeconds(Int("seconds", 120)), Int("warmup", int.MaxValue),
            TimeSpan.FromSeconds(Int("warmup-seconds", 90)), mix,
            values.GetValueOrDefault("password") ?? "Demo@2026", Int("think", 0));
    }
}

sealed partial class LoadRun(Options options)
{
    public static readonly string[] Scenarios = ["worklist", "case", "intake", "similar", "search", "login", "static"];

    static readonly string[] WorklistQueries =
    [
        "",
        "?Scope=agency",
        "?Scope=agency&PageNumber={page}",
        "?Scope=agency&State=processing",
        "?Scope=agency&State=received&PageNumber={page}",
        "?Scope=agency&Sort=received",
        "?Scope=agency&Sort=received&PageNumber={page}",
        "?Scope=agency&DueWithin=5",
        "?Scope=agency&Overdue=true",
        "?Scope=all-states&Sort=number&PageNumber={page}",
        "?Scope=mine&Sort=received",
    ];

    static readonly string[] SimilarTexts =
    [
        "大宁路街道旧区改造项目的房屋征收决定及补偿方案",
        "本市2025年度国有建设用地供应计划",
        "静安区某地块控制性详细规划调整的批复文件",
        "某小区违法建筑拆除的执法记录和处理决定",
    ];

    readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
    readonly ConcurrentDictionary<string, int> _errors = new();
    readonly ConcurrentDictionary<string, string> _firstError = new();
    readonly ConcurrentDictionary<string, bool> _unavailable = new();
    int _gaps;
    string? _firstGap;
    int _started;
    int _maxCaseId;
    long _peakRss;
    double? _serverCpu;
    double _ownCpu;

    /// <summary>User + system CPU seconds the process has used, from /proc/&lt;pid&gt;/stat (fields 14 and 15, in clock ticks).</summary>
    static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": field 3 (state) is fields[0], so utime (14) and stime (15) are fields[11] and fields[12].
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { return null; }
    }

    public async Task<int> RunAsync()
    {
        Console.WriteLine($"loadrun {options.Url} · {options.Clients} clients · at most {options.Requests:N0} requests (+{options.Warmup:N0} warm-up) or {options.Limit.TotalSeconds:N0} s · mix {string.Join(",", options.Mix.Select(kv => $"{kv.Key}={kv.Value}"))}{(options.ThinkMs > 0 ? $" · think {options.ThinkMs} ms" : " · no think time")}");
        var users = new[] { "clerk", "manager", "clerk", "reviewer" };
        var clients = new Client[options.Clients];
        var signIn = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Clients), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            clients[i] = await Client.SignInAsync(options.Url, users[i % users.Length], options.Password, ct));
        Console.WriteLine($"signed in {clients.Length} clients in {signIn.Elapsed.TotalSeconds:F1} s");
        _maxCaseId = await FindMaxCaseIdAsync(clients[0]);
        Console.WriteLine($"case ids 1..{_maxCaseId:N0}");

        using var sampler = new CancellationTokenSource();
        var sampling = SampleMemoryAsync(sampler.Token);

        // Warm-up: the same mix, not recorded (JIT, page caches, connection pools).
        if (options.Warmup > 0 && options.WarmupLimit > TimeSpan.Zero)
        {
            await DriveAsync(clients, options.Warmup, options.WarmupLimit, record: false);
            _latencies.Clear(); _errors.Clear(); _firstError.Clear();
        }
        _started = 0;
        var serverCpu = options.Pid is { } p ? CpuSeconds(p) : null;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await DriveAsync(clients, options.Requests, options.Limit, record: true);
        var elapsed = clock.Elapsed;
        if (options.Pid is { } q && serverCpu is { } before && CpuSeconds(q) is { } after)
            _serverCpu = after - before;
        _ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds;
        await sampler.CancelAsync();
        await sampling;
        Report(elapsed);
        return _errors.Values.Sum() > 0 ? 1 : 0;
    }

    async Task DriveAsync(Client[] clients, int requests, TimeSpan limit, bool record)
    {
        _started = 0;
        using var stop = new CancellationTokenSource(limit);
        await Task.WhenAll(clients.Select(async (client, index) =>
        {
            var random = new Random(index * 7919 + (record ? 1 : 0));
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref _started) <= requests)
            {
                var scenario = Pick(random, client);
                var watch = Stopwatch.StartNew();
                string? error;
                try
                {
                    error = await RunScenarioAsync(scenario, client, random, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                var ms = watch.Elapsed.TotalMilliseconds;
                if (error == "unavailable") continue;
                if (!record) continue;
                _latencies.GetOrAdd(scenario, _ => []).Add(ms);
                if (error is not null)
                {
                    _errors.AddOrUpdate(scenario, 1, (_, n) => n + 1);
                    _firstError.TryAdd(scenario, error);
                }
                if (options.ThinkMs > 0)
                {
                    // A person reads the page before the next click: a pause of 0.5–1.5 × the think time.
                    try { await Task.Delay(TimeSpan.FromMilliseconds(options.ThinkMs * (0.5 + random.NextDouble())), stop.Token); }
                    catch (OperationCanceledException) { break; }
                }
            }
        }));
    }

    string Pick(Random random, Client client)
    {
        var mix = options.Mix.Where(kv => kv.Value > 0 && !_unavailable.ContainsKey(kv.Key)
            && (kv.Key != "intake" || client.CanReceive)).ToList();
        // A client whose user may not receive applications (a manager, a reviewer) has nothing to do in an intake-only mix.
        if (mix.Count == 0) return "worklist";
        var roll = random.Next(mix.Sum(kv => kv.Value));
        foreach (var (name, weight) in mix)
        {
            if (roll < weight) return name;
            roll -= weight;
        }
        return mix[^1].Key;
    }

    async Task<string?> RunScenarioAsync(string scenario, Client client, Random random, CancellationToken ct)
    {
        switch (scenario)
        {
            case "worklist":
            {
                var query = WorklistQueries[random.Next(WorklistQueries.Length)].Replace("{page}", random.Next(1, 200).ToString(CultureInfo.InvariantCulture));
                return await client.GetAsync("/Cases" + query, HttpStatusCode.OK, ct);
            }
            case "case":
            {
                var path = $"/Cases/{random.Next(1, _maxCaseId + 1)}";
                using var response = await client.Http.GetAsync(path, ct);
                await response.Content.LoadIntoBufferAsync(ct);
                // A freshly seeded database numbers its cases densely from 1; one that has seen rolled-back intakes (a
                // PostgreSQL sequence never gives a number back) has gaps, ids nobody would open. Their 404s are counted
                // and reported apart, not taken as the case page's samples or errors.
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    Interlocked.Increment(ref _gaps);
                    _firstGap ??= path;
                    return "unavailable";
                }
                return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} on {path}";
            }
            case "login":
                return await client.GetAsync("/Account/Login", HttpStatusCode.OK, ct);
            case "static":
                return await client.GetAsync("/css/site.css", HttpStatusCode.OK, ct);
            case "search":
                return await client.GetAsync("/Cases?Scope=all-states&Q=" + Uri.EscapeDataString(random.Next(2) == 0 ? "大宁路" : "刘"), HttpStatusCode.OK, ct);
            case "similar":
            {
                using var response = await client.Http.GetAsync("/Cases/Similar?text=" + Uri.EscapeDataString(SimilarTexts[random.Next(SimilarTexts.Length)]), ct);
                await response.Content.LoadIntoBufferAsync(ct);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    if (_unavailable.TryAdd(scenario, true)) Console.WriteLine("similar: not available (404) — dropped from the mix");
                    return "unavailable";
                }
                return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} on /Cases/Similar";
            }
            case "intake":
            {
                var fields = Intake(random);
                fields["__RequestVerificationToken"] = client.IntakeToken!;
                using var response = await client.Http.PostAsync("/Cases/New", new FormUrlEncodedContent(fields), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.Redirect) return null;
                return $"{(int)response.StatusCode} on POST /Cases/New: {FirstError(body)}";
            }
        }
        throw new InvalidOperationException(scenario);
    }

    static Dictionary<string, string> Intake(Random random)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var names = new[] { "刘志强", "王秀英", "陈建华", "张丽娟", "李明" };
        return new()
        {
            ["Input.Channel"] = "InPerson",
            ["Input.ArrivedOn"] = today,
            ["Input.ApplicantKind"] = "NaturalPerson",
            ["Input.ApplicantName"] = names[random.Next(names.Length)],
            ["Input.IdType"] = "ResidentIdCard",
            ["Input.IdNumber"] = "11010519491231002X",
            ["Input.Phone"] = "138" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            ["Input.Address"] = $"上海市静安区共和新路{random.Next(1, 3000)}号",
            ["Input.PostalCode"] = "200070",
            ["Input.Description"] = SimilarTexts[random.Next(SimilarTexts.Length)] + $"（第{random.Next(1, 99)}号）",
            ["Input.ProvisionForm"] = "Paper",
            ["Input.DeliveryMethod"] = "Post",
        };
    }

    [GeneratedRegex(@"class=""field-error""[^>]*>([^<]+)<")]
    private static partial Regex FieldErrorPattern();

    static string FirstError(string html) => FieldErrorPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : html.Length > 200 ? html[..200] : html;

    /// <summary>Seeded ids are dense from 1: double until a 404, then bisect.</summary>
    static async Task<int> FindMaxCaseIdAsync(Client client)
    {
        async Task<bool> Exists(int id)
        {
            using var r = await client.Http.GetAsync($"/Cases/{id}");
            return r.StatusCode == HttpStatusCode.OK;
        }
        if (!await Exists(1)) throw new InvalidOperationException("no case 1: seed the database first (disclosure seed --cases N)");
        int low = 1, high = 2;
        while (await Exists(high)) { low = high; high *= 2; }
        while (high - low > 1)
        {
            var mid = low + (high - low) / 2;
            if (await Exists(mid)) low = mid; else high = mid;
        }
        return low;
    }

    async Task SampleMemoryAsync(CancellationToken ct)
    {
        if (options.Pid is not { } pid) return;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (Memory(pid, "VmRSS") is { } rss) InterlockedMax(ref _peakRss, rss);
                await Task.Delay(200, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    /// <summary>A /proc/PID/status field in KiB.</summary>
    static long? Memory(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    void Report(TimeSpan elapsed)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(culture, $"measured {elapsed.TotalSeconds:F1} s, {_latencies.Values.Sum(b => b.Count):N0} requests, {_latencies.Values.Sum(b => b.Count) / elapsed.TotalSeconds:F0} requests/s in all"));
        Console.WriteLine("| scenario | requests | errors | p50 ms | p95 ms | p99 ms | max ms | requests/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var name in Scenarios)
        {
            if (_unavailable.ContainsKey(name))
            {
                Console.WriteLine($"| {name} | — | — | not available (404) | | | | |");
                continue;
            }
            if (!_latencies.TryGetValue(name, out var bag) || bag.IsEmpty) continue;
            var sorted = bag.Order().ToArray();
            double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Console.WriteLine(string.Create(culture,
                $"| {name} | {sorted.Length:N0} | {_errors.GetValueOrDefault(name)} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} | {sorted[^1]:F0} | {sorted.Length / elapsed.TotalSeconds:F1} |"));
        }
        foreach (var (name, error) in _firstError)
            Console.WriteLine($"first error in {name}: {error}");
        if (_gaps > 0)
            Console.WriteLine($"case ids absent from the database (gaps in the numbering, not counted): {_gaps}, first {_firstGap}");
        var total = _latencies.Values.Sum(b => b.Count);
        if (_serverCpu is { } cpu && total > 0)
            Console.WriteLine(string.Create(culture,
                $"server CPU {cpu:F1} s in {elapsed.TotalSeconds:F1} s ({cpu / elapsed.TotalSeconds:F2} cores), {cpu * 1000 / total:F2} ms a request; this load generator {_ownCpu:F1} s ({_ownCpu / elapsed.TotalSeconds:F2} cores)"));
        if (options.Pid is { } pid)
        {
            var hwm = Memory(pid, "VmHWM");
            var rss = Memory(pid, "VmRSS");
            Console.WriteLine(string.Create(culture,
                $"server pid {pid}: peak RSS since start (VmHWM) {hwm / 1024.0:F0} MB, highest sampled during the run {_peakRss / 1024.0:F0} MB, now {rss / 1024.0:F0} MB"));
        }
    }
}

/// <summary>One simulated user: its own cookies (session and anti-forgery) and connection.</summary>
sealed partial class Client
{
    public required HttpClient Http { get; init; }
    public string? IntakeToken { get; private set; }
    public bool CanReceive => IntakeToken is not null;

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenPattern();

    public static async Task<Client> SignInAsync(Uri url, string user, string password, CancellationToken ct)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var client = new Client { Http = http };
        var token = await client.TokenAsync("/Account/Login", ct);
        using var login = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }), ct);
        if (login.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {user} answered {(int)login.StatusCode}");
        if (user == "clerk") client.IntakeToken = await client.TokenAsync("/Cases/New", ct);
        return client;
    }

    async Task<string> TokenAsync(string page, CancellationToken ct)
    {
        var html = await Http.GetStringAsync(page, ct);
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException($"{page} rendered no anti-forgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<string?> GetAsync(string path, HttpStatusCode expected, CancellationToken ct)
    {
        using var response = await Http.GetAsync(path, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.StatusCode == expected ? null : $"{(int)response.StatusCode} on {path}";
    }
}
