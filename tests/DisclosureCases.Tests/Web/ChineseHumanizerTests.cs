using DisclosureCases.Web.Text;

namespace DisclosureCases.Tests.Web;

public class ChineseHumanizerTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact] public void Three_days_ago_reads_in_Chinese() => Now.AddDays(-3).Ago(Now).ShouldBe("3天前");
    [Fact] public void Two_hours_ahead_reads_in_Chinese() => Now.AddHours(2).Ago(Now).ShouldBe("2小时后");
    [Fact] public void Yesterday_is_a_word() => Now.AddDays(-1).Ago(Now).ShouldBe("昨天");
    [Fact] public void A_moment_ago_is_just_now() => Now.Ago(Now).ShouldBe("刚刚");
}
