namespace DisclosureCases.Tests.Support;

/// <summary>A clock standing at 10:00 Beijing time on the given day (or at an exact instant), movable by tests.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public FixedTime(DateOnly beijingDay) : this(new DateTimeOffset(beijingDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8))) { }

    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public void Advance(TimeSpan by) => Now += by;
}
