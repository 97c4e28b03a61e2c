using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Letters;
using DisclosureCases.Samples;
using static DisclosureCases.Tests.Letters.Letters;

namespace DisclosureCases.Tests.Samples;

/// <summary>The texts a demo clerk writes into reply letters (<see cref="SampleRequests.ReplySlots"/>).</summary>
public class SampleRequestsTests
{
    /// <summary>The outcomes a reply letter is written for: all but the two closures, whose letter is the 不再处理告知书.</summary>
    public static TheoryData<string> ReplyOutcomes() =>
        new(Outcomes.Outcomes.Select(o => o.Code).Where(c => c is not ("other-no-correction" or "other-unpaid-fee")));

    static IEnumerable<(SampleRequest Request, DeliveryMethod Delivery)> Requests()
    {
        var random = new Random(11);
        foreach (var delivery in Enum.GetValues<DeliveryMethod>())
            for (var i = 0; i < 40; i++)
                yield return (SampleRequests.Next(random), delivery);
    }

    [Theory]
    [MemberData(nameof(ReplyOutcomes))]
    public void The_reply_slots_of_each_outcome_fill_every_slot_its_template_requires(string outcome)
    {
        var template = Library.ForLetter(Documents.Find("reply")!, outcome);
        template.ShouldNotBeNull($"a reply template for {outcome}");
        foreach (var (request, delivery) in Requests())
        {
            var slots = SampleRequests.ReplySlots(outcome, request, delivery, new DateOnly(2026, 3, 2), new Random(3));
            var draft = new LetterDraft(template, SampleData(outcome).WithSlots(slots.ToDictionary(s => s.Key, s => s.Value!)));
            draft.MissingSlots().Select(s => s.Name).ShouldBeEmpty($"{outcome} for {request.Topic}");
            slots.Keys.ShouldBeSubsetOf(draft.Slots.Select(s => s.Name), "no text for a slot the template does not have");
        }
    }

    [Theory]
    [MemberData(nameof(ReplyOutcomes))]
    public void The_reply_slots_leave_the_form_of_address_to_the_template(string outcome)
    {
        // The template says 您 to a person and 你单位 to an organisation; a slot that said 您 would be wrong for the latter.
        foreach (var (request, delivery) in Requests())
            SampleRequests.ReplySlots(outcome, request, delivery, new DateOnly(2026, 3, 2), new Random(3)).Values
                .ShouldAllBe(text => !text!.Contains('您') && !text.Contains("你单位"));
    }

    [Fact]
    public void A_disclosed_copy_is_sent_electronically_when_the_applicant_asked_for_email_and_on_paper_when_by_post()
    {
        var request = SampleRequests.Next(new Random(5));
        SampleRequests.ReplySlots("disclose", request, DeliveryMethod.Email, new DateOnly(2026, 3, 2), new Random(3))["provision"]!
            .ShouldContain("电子邮箱");
        SampleRequests.ReplySlots("disclose", request, DeliveryMethod.Post, new DateOnly(2026, 3, 2), new Random(3))["provision"]!
            .ShouldContain("复印件");
    }

    [Fact]
    public void A_repeated_application_names_an_earlier_weekday_reply_before_the_new_one_arrived()
    {
        var receivedOn = new DateOnly(2026, 3, 2);
        for (var seed = 0; seed < 50; seed++)
        {
            var text = SampleRequests.ReplySlots("reject-repeat", SampleRequests.Next(new Random(seed)), DeliveryMethod.Post, receivedOn, new Random(seed))["reasons"]!;
            var match = Regex.Match(text, @"(\d{4})年(\d{1,2})月(\d{1,2})日");
            match.Success.ShouldBeTrue(text);
            int Part(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
            var day = new DateOnly(Part(1), Part(2), Part(3));
            day.ShouldBeLessThan(receivedOn);
            day.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
        }
    }
}
