namespace DisclosureCases.Domain.Cases;

/// <summary>
/// Statutory days are Beijing-time calendar days: a period ends at 24:00 of its last day in China Standard Time,
/// whatever the server's own time zone.
/// </summary>
public static class ShanghaiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
}
