using System.Globalization;
using Humanizer;
using Humanizer.Configuration;
using Humanizer.Localisation;
using Humanizer.Localisation.Formatters;

namespace DisclosureCases.Web.Text;

/// <summary>
/// Humanizer's zh-CN phrases ("3天前", "2小时后", "5分钟"). The zh-CN resource package is not in our registry, so the
/// phrases are registered here; <see cref="Register"/> is idempotent.
/// </summary>
public sealed class ChineseHumanizer : DefaultFormatter
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");
    static int _registered;

    public ChineseHumanizer() : base("zh-CN") { }

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            Configurator.Formatters.Register("zh-CN", new ChineseHumanizer());
    }

    static string Unit(TimeUnit unit) => unit switch
    {
        TimeUnit.Millisecond => "毫秒",
        TimeUnit.Second => "秒",
        TimeUnit.Minute => "分钟",
        TimeUnit.Hour => "小时",
        TimeUnit.Day => "天",
        TimeUnit.Week => "周",
        TimeUnit.Month => "个月",
        TimeUnit.Year => "年",
        _ => unit.ToString(),
    };

    public override string DateHumanize_Now() => "刚刚";
    public override string DateHumanize_Never() => "从未";

    public override string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit)
    {
        if (unit == 0 || timeUnit is TimeUnit.Millisecond or TimeUnit.Second)
            return DateHumanize_Now();
        if (timeUnit == TimeUnit.Day && unit == 1)
            return timeUnitTense == Tense.Past ? "昨天" : "明天";
        return $"{unit}{Unit(timeUnit)}{(timeUnitTense == Tense.Past ? "前" : "后")}";
    }

    public override string TimeSpanHumanize_Zero() => "0秒";

    public override string TimeSpanHumanize(TimeUnit timeUnit, int unit, bool toWords = false) => $"{unit}{Unit(timeUnit)}";
}

public static class HumanizeExtensions
{
    /// <summary>"3天前" style, relative to <paramref name="now"/>.</summary>
    public static string Ago(this DateTimeOffset instant, DateTimeOffset now)
    {
        ChineseHumanizer.Register();
        return instant.Humanize(now, ChineseHumanizer.Culture);
    }
}
