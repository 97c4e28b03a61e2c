using System.Globalization;
using DisclosureCases.Data;
using DisclosureCases.Similarity;
using DisclosureCases.Tests.Support;
using Xunit.Abstractions;

namespace DisclosureCases.Tests.Similarity;

/// <summary>
/// Quality of the similar-application search, measured on the evaluation set: 351 applications of 43 topics in varied
/// wording (eval-applications.jsonl). Every application is the query once, against all the others, through the real
/// engine (the FTS5 trigram index, then the re-ranking). precision@5 is the share of the top five that ask about the
/// query's topic; MRR the mean of 1/rank of the first one that does. Printed with two baselines: exact-text matching
/// (what FOI systems offer: the whole query as a substring) and a plain count of shared trigrams (no rarity weights).
/// </summary>
public class SimilarityEvaluationTests(AppFactory factory, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    readonly AppFactory _factory = factory;

    [Fact]
    public async Task The_engine_finds_the_same_topic_in_other_words_and_beats_both_baselines()
    {
        var set = EvalSet.Load();
        set.Count.ShouldBeGreaterThanOrEqualTo(300);
        set.Select(a => a.Topic).Distinct().Count().ShouldBeGreaterThanOrEqualTo(40);
        var ids = await EvalSet.StoreAsync(_factory.Database, set);
        var topicOf = set.ToDictionary(a => ids[a.Id], a => a.Topic);

        var engine = new List<(double P5, double Rr)>();
        await using (var db = _factory.Database.CreateContext(AgencyScope.All))
        {
            foreach (var a in set)
            {
                var found = await SimilarCases.FindAsync(db, new SimilarQuery(a.Text, ExcludeCaseId: ids[a.Id], Top: 5), new DateOnly(2026, 1, 1), default);
                engine.Add(Measure(found.Select(f => topicOf[f.CaseId]).ToList(), a.Topic));
            }
        }
        var exact = set.Select(a => Measure(set.Where(o => o.Id != a.Id && o.Text.Contains(a.Text, StringComparison.Ordinal)).Take(5).Select(o => o.Topic).ToList(), a.Topic)).ToList();
        var plain = set.Select(a =>
        {
            var q = TextGrams.GramSet(a.Text);
            var top = set.Where(o => o.Id != a.Id).Select(o => (o, n: TextGrams.GramSet(o.Text).Count(q.Contains)))
                .Where(x => x.n > 0).OrderByDescending(x => x.n).ThenByDescending(x => x.o.Id).Take(5).Select(x => x.o.Topic).ToList();
            return Measure(top, a.Topic);
        }).ToList();

        var (p5, mrr) = Mean(engine);
        Report("本系统（三元组索引 + 重排序）", engine);
        Report("基线：整句精确匹配", exact);
        Report("基线：共有三元组计数（无权重）", plain);

        // Floors: measured 2026-11-22 on this set — precision@5 0.577, MRR 0.913; plain trigram count 0.454 / 0.864,
        // exact text 0.047 / 0.191 — minus about 0.05, so that a small re-weighting passes while a broken index, lost
        // weights or a ranking that ignores the text fails. precision@5 cannot reach 1 here: the set deliberately
        // names the same places under many topics (蕃瓜弄 in 征收补偿, 旧区改造, 土地出让合同 …), as a district's
        // applications do, and a request about the same plot is a fair neighbour even when its topic differs.
        p5.ShouldBeGreaterThanOrEqualTo(PrecisionFloor, "precision@5");
        mrr.ShouldBeGreaterThanOrEqualTo(MrrFloor, "MRR");
        p5.ShouldBeGreaterThan(Mean(plain).P5, "the weighted ranking adds something over counting shared trigrams");
        p5.ShouldBeGreaterThan(Mean(exact).P5 + 0.3, "n-grams find what exact matching cannot");
    }

    internal const double PrecisionFloor = 0.52;
    internal const double MrrFloor = 0.86;

    [Fact]
    public void Rewordings_by_the_same_applicant_are_repeats_and_other_requests_of_the_same_applicant_are_not()
    {
        var set = EvalSet.Load();
        var byId = set.ToDictionary(a => a.Id);
        var repeats = set.Where(a => a.Dup is not null).GroupBy(a => a.Dup).Select(g => g.ToList()).ToList();
        repeats.Count.ShouldBeGreaterThanOrEqualTo(25);
        var repeatScores = repeats.Select(g => DuplicateRule.Overlap(g[0].Text, g[1].Text)).OrderBy(s => s).ToList();
        var others = set.Where(a => a.SameApplicantOtherRequest is not null)
            .Select(a => DuplicateRule.Overlap(a.Text, byId[a.SameApplicantOtherRequest!.Value].Text)).OrderBy(s => s).ToList();
        var sameTopic = set.SelectMany(a => set.Where(o => o.Id > a.Id && o.Topic == a.Topic && (o.Dup is null || o.Dup != a.Dup))
            .Select(o => DuplicateRule.Overlap(a.Text, o.Text))).OrderBy(s => s).ToList();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "重复申请（{0} 组）重合度：最低 {1:F2}，中位 {2:F2}", repeatScores.Count, repeatScores[0], repeatScores[repeatScores.Count / 2]));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "同一申请人的其他申请（{0} 对）：最高 {1:F2}，中位 {2:F2}", others.Count, others[^1], others[others.Count / 2]));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "同主题不同申请（{0} 对）：最高 {1:F2}，高于阈值 {2} 对", sameTopic.Count, sameTopic[^1], sameTopic.Count(s => s >= DuplicateRule.Threshold)));

        var recall = repeats.Count(g => DuplicateRule.NearIdentical(g[0].Text, g[1].Text)) / (double)repeats.Count;
        var falseRepeats = set.Where(a => a.SameApplicantOtherRequest is not null)
            .Count(a => DuplicateRule.NearIdentical(a.Text, byId[a.SameApplicantOtherRequest!.Value].Text));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "阈值 {0:F2} 且数字相同：重复申请检出率 {1:P0}，同一申请人的其他申请误判 {2} 对", DuplicateRule.Threshold, recall, falseRepeats));
        recall.ShouldBe(1.0, "every reworded repeat is offered");
        falseRepeats.ShouldBe(0, "another request of the same applicant is never offered as a repeat");
    }

    static (double P5, double Rr) Measure(IReadOnlyList<string> topics, string topic)
    {
        var p5 = topics.Take(5).Count(t => t == topic) / 5.0;
        var first = topics.Select((t, i) => (t, i)).FirstOrDefault(x => x.t == topic, (null!, -1)).Item2;
        return (p5, first < 0 ? 0 : 1.0 / (first + 1));
    }

    static (double P5, double Mrr) Mean(IReadOnlyList<(double P5, double Rr)> xs) => (xs.Average(x => x.P5), xs.Average(x => x.Rr));

    void Report(string name, IReadOnlyList<(double P5, double Rr)> xs)
    {
        var (p5, mrr) = Mean(xs);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}：precision@5 = {1:F3}，MRR = {2:F3}（{3} 条查询）", name, p5, mrr, xs.Count));
    }
}
