using DisclosureCases.Proactive;

namespace DisclosureCases.Tests.Proactive;

public class ShingleGroupingTests
{
    static readonly ShingleGrouping Grouping = new(0.8, ignoredWords: ["申请公开", "请公开", "的"]);

    static IReadOnlyList<IReadOnlyList<int>> Group(ShingleGrouping g, params string[] texts) =>
        g.Group(texts.Select((t, i) => new GroupableText(i + 1, t)).ToList());

    [Fact]
    public void Punctuation_spaces_and_full_width_characters_do_not_matter()
    {
        Grouping.Normalize("《大宁路街道325街坊 控制性详细规划》（２０２５年）。").ShouldBe("大宁路街道325街坊控制性详细规划2025年");
        Group(Grouping, "大宁路街道325街坊控制性详细规划", "《大宁路街道３２５街坊 控制性详细规划》。").ShouldBe([[1, 2]]);
    }

    [Fact]
    public void Requests_for_different_information_stay_apart()
    {
        Group(Grouping, "蕃瓜弄旧改地块征收补偿方案", "张园西区保护性征收的房屋征收决定", "彭浦镇0703单元控制性详细规划").ShouldBeEmpty();
    }

    [Fact]
    public void The_words_every_request_uses_are_dropped_before_comparing()
    {
        var a = "申请公开蕃瓜弄旧改地块的征收补偿方案";
        var b = "请公开蕃瓜弄旧改地块征收补偿方案";
        Grouping.Normalize(a).ShouldBe("蕃瓜弄旧改地块征收补偿方案");
        Grouping.Similarity(a, b).ShouldBe(1);
        Group(Grouping, a, b).ShouldBe([[1, 2]]);
    }

    [Fact]
    public void A_near_identical_wording_joins_the_group()
    {
        var a = "2025年蕃瓜弄旧改地块房屋征收补偿方案及其附件和补偿标准";
        var b = "2025年蕃瓜弄旧改地块房屋征收补偿方案及附件和补偿标准";
        Grouping.Similarity(a, b).ShouldBeGreaterThanOrEqualTo(0.8);
        Group(Grouping, a, b).ShouldBe([[1, 2]]);
    }

    [Fact]
    public void Long_identical_wording_around_different_places_is_not_the_same_information()
    {
        Group(Grouping,
            "申请公开本人房屋所在石门二路610弄所属地块的房屋征收范围红线图、建设项目用地预审与选址意见书及附图",
            "申请公开本人房屋所在沪太路844弄所属地块的房屋征收范围红线图、建设项目用地预审与选址意见书及附图",
            "申请公开《静安区天目西路社区C070102单元控制性详细规划》的批复文件及普适图则、附加图则",
            "申请公开《静安区芷江西路社区C070403单元控制性详细规划》的批复文件及普适图则、附加图则").ShouldBeEmpty();
    }

    [Fact]
    public void A_different_year_is_different_information_unless_numbers_are_ignored()
    {
        var texts = new[] { "2024年大宁社区C070301单元控规调整批复", "2025年大宁社区C070301单元控规调整批复" };
        new ShingleGrouping(0.9).Group(texts.Select((t, i) => new GroupableText(i, t)).ToList()).ShouldBeEmpty();
        new ShingleGrouping(0.9, ignoreNumbers: true).Group(texts.Select((t, i) => new GroupableText(i, t)).ToList()).ShouldBe([[0, 1]]);
    }

    [Fact]
    public void Similar_pairs_join_transitively()
    {
        // A~B and B~C although A and C alone fall below the threshold: one group, as union-find joins them.
        var g = new ShingleGrouping(0.7);
        var a = "苏河湾东片区地块规划设计条件";
        var b = "苏河湾东片区地块规划设计条件及附图";
        var c = "苏河湾东片区地块规划设计条件及附图和批复";
        g.Similarity(a, c).ShouldBeLessThan(0.7);
        Group(g, a, b, c).ShouldBe([[1, 2, 3]]);
    }

    [Fact]
    public void A_text_of_only_punctuation_is_not_grouped()
    {
        Group(Grouping, "。。。", "……").ShouldBeEmpty();
    }

    [Fact]
    public void Exactly_at_the_threshold_is_near_identical()
    {
        // "abcde" has abc, bcd, cde; "abcdf" has abc, bcd, cdf: 2 shared of 4 = 0.5.
        var g = new ShingleGrouping(0.5);
        g.Similarity("abcde", "abcdf").ShouldBe(0.5);
        Group(g, "abcde", "abcdf").ShouldBe([[1, 2]]);
        Group(new ShingleGrouping(0.51), "abcde", "abcdf").ShouldBeEmpty();
    }

    [Fact]
    public void The_prefix_filter_finds_the_same_groups_as_comparing_every_pair()
    {
        var random = new Random(7);
        string[] stems = ["征收补偿方案", "控制性详细规划", "建设工程规划许可证", "土地出让合同", "竣工验收备案"];
        string[] places = ["大宁路街道", "彭浦镇", "蕃瓜弄", "张园", "苏河湾", "天目西路"];
        var texts = Enumerable.Range(0, 400).Select(i => new GroupableText(i,
            (random.Next(3) == 0 ? "申请公开" : "") + places[random.Next(places.Length)] + random.Next(1, 4) + "号地块" + stems[random.Next(stems.Length)]
            + (random.Next(4) == 0 ? "及附件" : ""))).ToList();
        foreach (var t in new[] { 0.5, 0.6, 0.8 })
        {
            var g = new ShingleGrouping(t);
            g.Group(texts).ShouldBe(AllPairs(g, texts), $"threshold {t}");
        }
    }

    /// <summary>The reference: every pair compared, joined by union-find.</summary>
    static IReadOnlyList<IReadOnlyList<int>> AllPairs(ShingleGrouping g, IReadOnlyList<GroupableText> texts)
    {
        var parent = texts.ToDictionary(t => t.Id, t => t.Id);
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < texts.Count; i++)
            for (var j = i + 1; j < texts.Count; j++)
                if (g.Similarity(texts[i].Text, texts[j].Text) >= g.Threshold - 1e-9) parent[Find(texts[i].Id)] = Find(texts[j].Id);
        return texts.GroupBy(t => Find(t.Id)).Select(x => (IReadOnlyList<int>)x.Select(t => t.Id).Order().ToList())
            .Where(x => x.Count >= 2).OrderBy(x => x[0]).ToList();
    }
}
