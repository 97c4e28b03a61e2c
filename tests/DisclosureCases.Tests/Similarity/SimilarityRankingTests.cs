using DisclosureCases.Similarity;

namespace DisclosureCases.Tests.Similarity;

public class SimilarityRankingTests
{
    static readonly DateOnly Today = new(2026, 11, 20);

    static SimilarCandidate Candidate(int id, string text, bool sameApplicant = false, bool typical = false, bool sameDepartment = false) =>
        new(id, text, sameApplicant, sameDepartment, new DateOnly(2026, 3, 1), 1, typical);

    [Fact]
    public void The_same_question_phrased_differently_ranks_above_unrelated_ones()
    {
        var ranking = new SimilarityRanking("我住彭浦新村12号，楼里要装电梯，请公开加装电梯的审批文件");
        var ranked = ranking.Rank([
            Candidate(1, "申请公开2025年区本级财政预算草案及三公经费预算"),
            Candidate(2, "要求公开彭浦新村12号楼既有多层住宅加装电梯的建设工程规划许可证和公示材料"),
            Candidate(3, "请提供临汾小区内砍伐大树的绿化许可申请和审批意见"),
        ], Today, 10);
        ranked[0].Candidate.CaseId.ShouldBe(2);
        ranked.Select(r => r.Candidate.CaseId).ShouldNotContain(1, "a budget request shares nothing but boilerplate");
    }

    [Fact]
    public void A_typical_case_that_is_similar_comes_first_even_when_another_is_closer()
    {
        var ranking = new SimilarityRanking("申请公开蕃瓜弄旧区改造项目的建设用地规划许可证及附图");
        var ranked = ranking.Rank([
            Candidate(1, "申请公开蕃瓜弄旧区改造项目的建设用地规划许可证及附图、规划设计条件"),
            Candidate(2, "请提供张园西区旧区改造项目的建设用地规划许可证", typical: true),
        ], Today, 10);
        ranked.Select(r => r.Candidate.CaseId).ShouldBe([2, 1]);
        ranked[0].Reasons.ShouldContain(MatchReason.Typical);
    }

    [Fact]
    public void A_typical_case_that_is_not_similar_is_not_shown()
    {
        var ranking = new SimilarityRanking("申请公开蕃瓜弄旧区改造项目的建设用地规划许可证及附图");
        var ranked = ranking.Rank([Candidate(1, "请公开区中心医院2024年医疗服务收费标准", typical: true)], Today, 10);
        ranked.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_applicant_and_department_lift_an_equally_similar_case_and_say_so()
    {
        var ranking = new SimilarityRanking("申请公开大宁路325街坊土地出让合同");
        var ranked = ranking.Rank([
            Candidate(1, "申请公开大宁路325街坊土地出让合同"),
            Candidate(2, "申请公开大宁路325街坊土地出让合同", sameApplicant: true, sameDepartment: true),
        ], Today, 10);
        ranked[0].Candidate.CaseId.ShouldBe(2);
        ranked[0].Reasons.ShouldBe([MatchReason.SharedTerms, MatchReason.SameApplicant, MatchReason.SameDepartment]);
    }

    [Fact]
    public void Matched_terms_are_the_shared_stretches_without_boilerplate()
    {
        var terms = MatchedText.Terms(MatchedText.Pieces("申请公开加装电梯的审批文件", "要求公开彭浦新村加装电梯项目审批材料"));
        terms.ShouldContain("加装电梯");
        terms.ShouldContain("审批");
        terms.ShouldNotContain("公开");
    }

    [Fact]
    public void Highlighted_pieces_put_the_text_back_together_unchanged()
    {
        const string text = "<script>alert(1)</script>加装电梯";
        var pieces = MatchedText.Pieces("加装电梯", text);
        string.Concat(pieces.Select(p => p.Text)).ShouldBe(text);
        pieces.Single(p => p.Shared).Text.ShouldBe("加装电梯");
    }

    [Fact]
    public void Every_gram_of_hostile_input_is_quoted_for_FTS5()
    {
        var query = TextGrams.Fts5AnyOf(TextGrams.Grams("\"abc\" OR NEAR(x* AND col:y) ^z"));
        query.Split(" OR ").ShouldAllBe(t => t.StartsWith('"') && t.EndsWith('"'));
        TextGrams.Fts5AnyOf(["a\"b"]).ShouldBe("\"a\"\"b\"");
    }

    [Fact]
    public void A_two_character_request_still_has_a_gram()
    {
        TextGrams.Grams("电梯").ShouldBe(["电梯"]);
        TextGrams.Bigrams("申请公开：预算").ShouldBe(["预算"]);
    }

    [Fact]
    public void The_packed_bigram_keys_are_exactly_the_bigrams()
    {
        // The ranking compares packed keys; they must be the bigrams the rest of the code speaks of, boilerplate and
        // doubled characters left out, runs cut at punctuation, Latin letters folded.
        var random = new Random(11);
        const string alphabet = "申请公开政府信息本人预算电梯加装彭浦新村12号ABab，。、（）《》 \t\u3000";
        var texts = EvalSet.Load().Select(a => a.Text)
            .Concat(Enumerable.Range(0, 500).Select(_ => new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())))
            .Append("").Append("电梯").Append("AAaa").Append("申请公开：预算");
        var keys = new HashSet<uint>();
        foreach (var text in texts)
        {
            TextGrams.BigramKeys(text, keys);
            keys.ShouldBe(TextGrams.Bigrams(text).Select(TextGrams.BigramKey).ToHashSet(), ignoreOrder: true, customMessage: text);
        }
    }

    [Fact]
    public void Folding_is_lower_casing_for_every_character()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
            if (TextGrams.Fold(c) != char.ToLowerInvariant(c))
                throw new ShouldAssertException($"U+{(int)c:X4} folds to U+{(int)TextGrams.Fold(c):X4}, not U+{(int)char.ToLowerInvariant(c):X4}");
        TextGrams.Fold('A').ShouldBe('a');
        TextGrams.Fold('规').ShouldBe('规');
    }

    [Fact]
    public void A_bigram_weighs_as_the_rarest_query_trigram_that_contains_it()
    {
        // The text score as the class documents it, computed the long way: each query bigram weighs the least weight of
        // the query trigrams containing it (1 when none does, at least 0.01); 80 % weighted coverage, 20 % Dice overlap.
        const string query = "申请公开静安区大宁路325街坊旧区改造项目的房屋征收决定及补偿方案（2025）";
        double Weight(string trigram) => 0.05 + (trigram[0] + 7 * trigram[1] + 13 * trigram[2]) % 97 / 10.0;
        var ranking = new SimilarityRanking(query, Weight);

        var bigrams = TextGrams.Bigrams(query);
        var trigrams = TextGrams.Grams(query).Where(g => g.Length == 3).ToList();
        var weights = bigrams.Select(b => trigrams.Where(t => t.Contains(b, StringComparison.Ordinal)).Select(Weight).DefaultIfEmpty(1.0).Min())
            .Select(w => Math.Max(0.01, w)).ToList();
        double Expected(string text)
        {
            var other = TextGrams.Bigrams(text).ToHashSet(StringComparer.Ordinal);
            var shared = bigrams.Select((b, i) => other.Contains(b) ? weights[i] : 0).Sum();
            var count = bigrams.Count(other.Contains);
            return 0.8 * shared / weights.Sum() + 0.2 * 2.0 * count / (bigrams.Count + other.Count);
        }

        foreach (var text in new[]
        {
            "要求公开大宁路325街坊旧改项目的征收决定和补偿方案",
            "申请公开2025年区本级财政预算草案",
            "请提供静安区房屋征收补偿方案（2025）及征收范围图",
        })
            ranking.TextScore(text).ShouldBe(Expected(text), 1e-12, text);
    }
}

