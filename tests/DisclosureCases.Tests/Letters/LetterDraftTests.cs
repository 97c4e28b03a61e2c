using DisclosureCases.Letters;
using static DisclosureCases.Tests.Letters.Letters;

namespace DisclosureCases.Tests.Letters;

/// <summary>DOMAIN.md §5: a letter missing any required element must not be issuable.</summary>
public class LetterDraftTests
{
    static readonly DateOnly IssuedOn = new(2026, 11, 30);

    static LetterDraft Draft(LetterData data) =>
        new(Template("reply-withhold-third-party"), data with { Letter = new LetterFacts() });

    [Fact]
    public void A_refusal_whose_reasons_are_empty_cannot_be_issued()
    {
        var draft = Draft(SampleData("withhold-third-party"));
        draft.MissingSlots().Select(s => s.Name).ShouldBe(["reasons"]);
        draft.CanIssue.ShouldBeFalse();
        draft.IsReadyForReview.ShouldBeFalse();
        Should.Throw<LetterNotIssuableException>(() => draft.Issue("静规资信〔2026〕第0123号", IssuedOn))
            .Problems.ShouldBe(["请填写“不予公开的理由（涉及的第三方合法权益，征求第三方意见的情况）”"]);
    }

    [Fact]
    public void A_blank_slot_value_counts_as_missing() =>
        Draft(SampleData("withhold-third-party", ("reasons", "  \n "))).MissingSlots().Count.ShouldBe(1);

    [Fact]
    public void A_filled_draft_goes_to_review_without_number_and_date_and_is_issued_with_them()
    {
        var draft = Draft(ThirdPartyRefusal());
        draft.MissingSlots().ShouldBeEmpty();
        draft.MissingFields().Select(f => f.Path).ShouldBe(["letter.number", "letter.issuedOn"]);
        draft.IsReadyForReview.ShouldBeTrue();
        draft.CanIssue.ShouldBeFalse();
        draft.Preview.Document.Of(LetterElements.Number).Single().Text.ShouldBe("【文号】");

        var merged = draft.Issue("静规资信〔2026〕第0123号", IssuedOn);
        var letter = LetterRenderer.Render(Template("reply-withhold-third-party"), merged);
        letter.Document.HasPlaceholders.ShouldBeFalse();
        letter.Document.Of(LetterElements.Dateline).Single().Text.ShouldBe("2026年11月30日");
    }

    [Fact]
    public void An_agency_without_a_configured_review_body_cannot_issue_a_reply()
    {
        var data = ThirdPartyRefusal() with { Agency = ThirdPartyRefusal().Agency with { ReviewBody = "" } };
        var ex = Should.Throw<LetterNotIssuableException>(() => Draft(data).Issue("静规资信〔2026〕第0123号", IssuedOn));
        ex.Problems.ShouldBe(["缺少“复议机关”"]);
    }

    [Fact]
    public void An_optional_slot_may_stay_empty()
    {
        var draft = new LetterDraft(Template("reply-disclose"), SampleData("disclose", ("provision", "现将该政府信息随本答复书一并提供。")));
        draft.Slots.Single(s => s.Name == "attachments").Optional.ShouldBeTrue();
        draft.MissingSlots().ShouldBeEmpty();
        draft.CanIssue.ShouldBeTrue();
        draft.Preview.Document.Of(LetterElements.Left).ShouldBeEmpty();
    }

    [Fact]
    public void The_slots_of_a_letter_are_listed_in_the_order_it_shows_them() =>
        new LetterDraft(Template("reply-partial"), SampleData("partial")).Slots.Select(s => s.Name).ShouldBe(["disclosed", "withheld", "reasons"]);
}
