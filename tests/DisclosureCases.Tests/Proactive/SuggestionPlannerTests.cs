using DisclosureCases.Proactive;

namespace DisclosureCases.Tests.Proactive;

public class SuggestionPlannerTests
{
    static readonly ShingleGrouping Grouping = new(0.6);
    const string Same = "大宁路街道325街坊控制性详细规划";

    static ReleasedCase Case(int id, string applicant, string text = Same) => new(id, applicant, text);

    static SuggestionPlan Plan(IReadOnlyList<ReleasedCase> cases, int minimum = 3, IReadOnlySet<int>? decided = null, IReadOnlyList<OpenSuggestion>? open = null) =>
        SuggestionPlanner.Plan(cases, Grouping, minimum, decided ?? new HashSet<int>(), open ?? []);

    [Fact]
    public void Two_applicants_are_not_enough_for_a_minimum_of_three()
    {
        Plan([Case(1, "A"), Case(2, "B")]).Groups.ShouldBeEmpty();
    }

    [Fact]
    public void Exactly_three_distinct_applicants_make_a_suggestion()
    {
        var group = Plan([Case(1, "A"), Case(2, "B"), Case(3, "C")]).Groups.ShouldHaveSingleItem();
        group.CaseIds.ShouldBe([1, 2, 3]);
        group.Applicants.ShouldBe(3);
        group.Title.ShouldBe(Same);
    }

    [Fact]
    public void Two_requests_of_the_same_applicant_count_once()
    {
        Plan([Case(1, "A"), Case(2, "A"), Case(3, "B")]).Groups.ShouldBeEmpty();
        Plan([Case(1, "A"), Case(2, "A"), Case(3, "B"), Case(4, "C")]).Groups.ShouldHaveSingleItem().Applicants.ShouldBe(3);
    }

    [Fact]
    public void A_group_whose_cases_were_all_decided_does_not_come_back()
    {
        Plan([Case(1, "A"), Case(2, "B"), Case(3, "C")], decided: new HashSet<int> { 1, 2, 3 }).Groups.ShouldBeEmpty();
    }

    [Fact]
    public void A_decided_group_comes_back_when_a_new_case_joins_it()
    {
        var group = Plan([Case(1, "A"), Case(2, "B"), Case(3, "C"), Case(4, "A")], decided: new HashSet<int> { 1, 2, 3 }).Groups.ShouldHaveSingleItem();
        group.CaseIds.ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public void An_open_suggestion_keeps_its_id_when_its_group_grows_and_one_without_a_group_is_removed()
    {
        var plan = Plan([Case(1, "A"), Case(2, "B"), Case(3, "C"), Case(4, "D")],
            open: [new OpenSuggestion(7, new HashSet<int> { 1, 2, 3 }), new OpenSuggestion(8, new HashSet<int> { 9, 10, 11 })]);
        plan.Groups.ShouldHaveSingleItem().ExistingId.ShouldBe(7);
        plan.Obsolete.ShouldBe([8]);
    }

    [Fact]
    public void The_title_is_the_wording_used_most_often()
    {
        SuggestionPlanner.Title([Case(1, "A", "请公开" + Same), Case(2, "B", Same), Case(3, "C", "请公开" + Same)])
            .ShouldBe("请公开" + Same);
        SuggestionPlanner.Title([Case(1, "A", "请公开" + Same), Case(2, "B", Same), Case(3, "C", " " + Same)])
            .ShouldBe(Same);
    }
}
