namespace DisclosureCases.Tests.Support;

/// <summary>
/// Waits for something a background job does, by asking again every few milliseconds: a deadline that means "if it
/// has not happened by now, it is broken", never a timing assertion.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<T> Async<T>(Func<Task<T?>> probe, string waitingFor, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline)
                throw new ShouldAssertException($"Still waiting after {(timeout ?? Patience).TotalSeconds:0}s for {waitingFor}.");
            await Task.Delay(50);
        }
    }

    public static async Task Async(Func<Task<bool>> condition, string waitingFor, TimeSpan? timeout = null) =>
        await Async<object>(async () => await condition() ? new object() : null, waitingFor, timeout);
}
