using System.Threading.RateLimiting;

namespace DisclosureCases.Web;

/// <summary>
/// At most <see cref="Concurrent"/> requests are worked on at once; the others wait their turn, first come first served,
/// and a request finds a full queue (<see cref="Queued"/>) answered at once with 503 and <c>Retry-After</c> rather than
/// after a long wait.
/// <para>
/// Why: with fifty requests sharing two cores, each moved a little at every turn, and how long one took depended on how
/// often it had to wait for its next turn. In arrival order a request waits once, before it starts, and then runs with
/// few others: a narrower spread, at a throughput no different within the machine's drift. On the million-case load run
/// (SQLite, 50 clients) a gate of three to six brought the case page's p95 from 1.33–1.40 times the mean latency down to
/// 1.23–1.30 (docs/benchmarks.md).
/// </para>
/// <para>
/// On PostgreSQL the gate is off unless configured: a request there waits for the server between its statements, and
/// holding its place while it waits left the cores idle (a gate of 4, 8 or 16 gave 17–27 % fewer requests a second on the
/// same load run, and Npgsql's multiplexing batches fewer statements when fewer requests are in flight).
/// </para>
/// <para>
/// <c>/health</c> is never queued: a monitor asks whether the node is up, and a busy node is. Static files are served
/// before the gate. The error pages (status code pages, the exception handler) sit outside it: a 404 or an exception
/// gives its place back before its error page is run, which then queues like any request, so none waits for a second
/// place while holding one. A request holds its place until its response is written, so a download to a slow client
/// holds one too; set <c>Web:ConcurrentRequests</c> higher where many large downloads are expected, or 0 to switch the gate off.
/// </para>
/// </summary>
public sealed class RequestGate : IDisposable
{
    readonly ConcurrencyLimiter _limiter;

    public RequestGate(int concurrent, int queued)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrent, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queued);
        Concurrent = concurrent;
        Queued = queued;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = concurrent,
            QueueLimit = queued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int Concurrent { get; }
    public int Queued { get; }

    /// <summary>Requests waiting for their turn now.</summary>
    public long Waiting => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>
    /// The gate the settings ask for, or null when it is off (<c>Web:ConcurrentRequests</c> = 0, and by default on
    /// PostgreSQL).
    /// </summary>
    public static RequestGate? For(RequestGateOptions options, Data.DatabaseProvider provider)
    {
        var concurrent = options.ConcurrentRequests
            ?? (provider == Data.DatabaseProvider.Sqlite ? RequestGateOptions.DefaultPerProcessor * Environment.ProcessorCount : 0);
        return concurrent == 0 ? null : new RequestGate(concurrent, options.QueuedRequests);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }
        using var lease = await _limiter.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("服务器繁忙：等待处理的请求已满，请稍后重试。", context.RequestAborted);
            return;
        }
        await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary><c>Web</c> in appsettings: the request gate's places and queue (<see cref="RequestGate"/>), checked at start.</summary>
public sealed class RequestGateOptions : IHasProblems
{
    public const string Section = "Web";

    /// <summary>Requests worked on at once for each processor on SQLite, unless <see cref="ConcurrentRequests"/> is set.</summary>
    public const int DefaultPerProcessor = 2;

    /// <summary>Requests worked on at once; 0 switches the gate off. Unset: 2 a processor on SQLite, off on PostgreSQL.</summary>
    public int? ConcurrentRequests { get; set; }

    /// <summary>Requests that may wait; one more is answered 503 at once.</summary>
    public int QueuedRequests { get; set; } = 1000;

    public IEnumerable<string> Problems()
    {
        if (ConcurrentRequests < 0) yield return $"Web:ConcurrentRequests 应为不小于0的整数（0 表示不限），而不是{ConcurrentRequests}";
        if (QueuedRequests < 0) yield return $"Web:QueuedRequests 应为不小于0的整数，而不是{QueuedRequests}";
    }
}
