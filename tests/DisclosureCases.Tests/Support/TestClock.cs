using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// A clock the scheduler and the application read from several threads and a test moves: it stands still until
/// <see cref="Advance"/> or <see cref="Set"/> (atomic updates, so a reader never sees half a change).
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    long _utcTicks = start.UtcTicks;

    /// <summary>A clock standing at <paramref name="hour"/>:<paramref name="minute"/> Beijing time on <paramref name="day"/>.</summary>
    public static TestClock AtBeijing(DateOnly day, int hour, int minute = 0) => new(Beijing(day, hour, minute));

    public static DateTimeOffset Beijing(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public DateOnly Today => ShanghaiTime.Today(this);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public void Set(DateTimeOffset to) => Interlocked.Exchange(ref _utcTicks, to.UtcTicks);
}
