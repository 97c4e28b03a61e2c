using DisclosureCases.Letters;

namespace DisclosureCases.Tests.Letters;

/// <summary>行政复议法 (2023) 第24条、第27条: the 复议机关 the remedies clause names.</summary>
public class ReviewBodyRuleTests
{
    static AgencySettings Agency(string reviewBody, bool vertical) => SampleLetterData.DistrictAgency with { ReviewBody = reviewBody, IsVertical = vertical };

    [Fact]
    public void A_district_department_going_to_the_district_government_is_right() =>
        ReviewBodyRule.Check(Agency("上海市静安区人民政府", vertical: false)).ShouldBeNull();

    [Fact]
    public void A_vertical_agency_going_to_its_superior_department_is_right() =>
        ReviewBodyRule.Check(Agency("国家税务总局上海市税务局", vertical: true)).ShouldBeNull();

    [Fact]
    public void A_district_department_still_naming_its_superior_department_is_warned() =>
        ReviewBodyRule.Check(Agency("上海市规划和自然资源局", vertical: false)).ShouldNotBeNull().ShouldContain("行政复议法第24条");

    [Fact]
    public void A_vertical_agency_naming_a_government_is_warned() =>
        ReviewBodyRule.Check(Agency("上海市静安区人民政府", vertical: true)).ShouldNotBeNull().ShouldContain("行政复议法第27条");

    [Fact]
    public void Two_review_bodies_to_choose_from_is_the_law_before_2024_and_warned() =>
        ReviewBodyRule.Check(Agency("上海市静安区人民政府或者上海市规划和自然资源局", vertical: false)).ShouldNotBeNull().ShouldStartWith("复议机关“上海市静安区人民政府或者上海市规划和自然资源局”列了不止一个机关");

    [Fact]
    public void A_draft_shows_the_warning_but_can_still_be_issued()
    {
        var data = Letters.ThirdPartyRefusal() with { Agency = Agency("上海市规划和自然资源局", vertical: false), Letter = new LetterFacts() };
        var draft = new LetterDraft(Letters.Template("reply-withhold-third-party"), data);
        draft.Warnings().ShouldHaveSingleItem();
        draft.Issue("静规资信〔2026〕第0123号", new DateOnly(2026, 11, 30)).ShouldNotBeNull();
    }
}
