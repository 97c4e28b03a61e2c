using System.Collections.Concurrent;
using System.Net;
using DisclosureCases.Data;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace DisclosureCases.Tests.Web;

/// <summary>The request gate: a few requests at a time, the rest in arrival order, a full queue refused at once.</summary>
public sealed class RequestGateTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    static HttpContext Request(string path = "/Cases")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    static async Task Until(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience) throw new TimeoutException($"waited {Patience.TotalSeconds} s for {what}");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task At_most_the_set_number_run_at_once_and_the_others_start_in_the_order_they_came()
    {
        using var gate = new RequestGate(concurrent: 2, queued: 10);
        var started = new ConcurrentQueue<int>();
        var release = Enumerable.Range(0, 6).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var running = 0;
        var most = 0;
        var requests = new List<Task>();
        for (var i = 0; i < 6; i++)
        {
            var n = i;
            var context = Request();
            requests.Add(gate.InvokeAsync(context, async _ =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                started.Enqueue(n);
                await release[n].Task;
                Interlocked.Decrement(ref running);
            }));
            // Each arrives after the one before it has started or taken its place in the queue.
            await Until(() => started.Count + gate.Waiting == n + 1, $"request {n} to arrive");
        }
        started.ShouldBe([0, 1]);
        gate.Waiting.ShouldBe(4);

        // Finishing them out of order still lets the waiting ones in by arrival: 2, then 3, ...
        release[1].SetResult();
        await Until(() => started.Count == 3, "the third to start");
        release[0].SetResult();
        await Until(() => started.Count == 4, "the fourth to start");
        foreach (var r in release.Skip(2)) r.TrySetResult();
        await Task.WhenAll(requests).WaitAsync(Patience);

        started.ShouldBe([0, 1, 2, 3, 4, 5]);
        most.ShouldBe(2);
    }

    static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    [Fact]
    public async Task A_request_that_finds_the_queue_full_is_answered_503_at_once_and_its_page_never_runs()
    {
        using var gate = new RequestGate(concurrent: 1, queued: 1);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new ConcurrentBag<string>();
        var first = gate.InvokeAsync(Request(), async _ => { ran.Add("first"); await hold.Task; });
        var second = gate.InvokeAsync(Request(), _ => { ran.Add("second"); return Task.CompletedTask; });
        await Until(() => gate.Waiting == 1, "the second to wait");

        var third = Request();
        await gate.InvokeAsync(third, _ => { ran.Add("third"); return Task.CompletedTask; }).WaitAsync(Patience);
        third.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        third.Response.Headers.RetryAfter.ToString().ShouldBe("5");
        third.Response.Body.Position = 0;
        new StreamReader(third.Response.Body).ReadToEnd().ShouldContain("请稍后重试");
        ran.ShouldNotContain("third");

        hold.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Patience);
        ran.OrderBy(x => x).ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Health_is_answered_while_every_place_is_taken()
    {
        using var gate = new RequestGate(concurrent: 1, queued: 0);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = gate.InvokeAsync(Request(), _ => hold.Task);
        var health = Request("/health");
        var answered = false;
        await gate.InvokeAsync(health, _ => { answered = true; return Task.CompletedTask; }).WaitAsync(Patience);
        answered.ShouldBeTrue();
        health.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
        hold.SetResult();
        await busy.WaitAsync(Patience);
    }

    static RequestGateOptions Options(string? concurrent, string? queued = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Web:ConcurrentRequests"] = concurrent, ["Web:QueuedRequests"] = queued,
        }.Where(kv => kv.Value is not null)).Build().GetSection(RequestGateOptions.Section).Get<RequestGateOptions>() ?? new();

    [Fact]
    public void An_empty_setting_is_refused_naming_it_like_the_app_s_other_settings()
    {
        Should.Throw<InvalidOperationException>(() => Options(null, "")).Message.ShouldContain("Web:QueuedRequests");
    }

    [Fact]
    public void By_default_SQLite_works_two_requests_a_processor_at_once_and_PostgreSQL_has_no_gate()
    {
        using var gate = RequestGate.For(Options(null), DatabaseProvider.Sqlite)!;
        gate.Concurrent.ShouldBe(RequestGateOptions.DefaultPerProcessor * Environment.ProcessorCount);
        gate.Queued.ShouldBe(1000);
        RequestGate.For(Options(null), DatabaseProvider.PostgreSQL).ShouldBeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public void The_configuration_sets_the_places_and_the_queue_on_either_database(DatabaseProvider provider)
    {
        using var gate = RequestGate.For(Options("3", "40"), provider)!;
        gate.Concurrent.ShouldBe(3);
        gate.Queued.ShouldBe(40);
    }

    [Fact]
    public void Zero_switches_the_gate_off_and_a_wrong_value_is_refused_naming_the_setting()
    {
        RequestGate.For(Options("0"), DatabaseProvider.Sqlite).ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => Options("many")).Message.ShouldContain("Web:ConcurrentRequests");
        Options("-2").Problems().ShouldHaveSingleItem().ShouldContain("Web:ConcurrentRequests");
        Options(null, "-1").Problems().ShouldHaveSingleItem().ShouldContain("Web:QueuedRequests");
        Options("4", "0").Problems().ShouldBeEmpty();
    }

    [Fact]
    public void An_app_whose_gate_settings_are_wrong_does_not_start_and_says_which()
    {
        using var app = new AppFactory();
        using var wrong = app.WithWebHostBuilder(b => b.UseSetting("Web:QueuedRequests", "-1"));
        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => wrong.CreateClient())
            .Message.ShouldContain("Web:QueuedRequests");
    }

    [Fact]
    public async Task An_app_that_works_one_request_at_a_time_answers_pages_error_pages_and_many_clients()
    {
        using var app = new AppFactory();
        using var factory = app.WithWebHostBuilder(b => b.UseSetting("Web:ConcurrentRequests", "1"));
        var clerk = await factory.SignInAsync("clerk");
        var other = await factory.SignInAsync("clerk2");
        var page = await clerk.GetAsync("/Cases").WaitAsync(Patience);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        // A 404's error page is run again through the pipeline: with one place it must not wait for a second.
        var missing = await clerk.GetAsync("/Cases/987654321").WaitAsync(Patience);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("未找到");
        var many = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? clerk : other).GetAsync("/Cases")))
            .WaitAsync(Patience * 3);
        many.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
    }
}
