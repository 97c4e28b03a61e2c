using DisclosureCases.Domain.Reviews;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Reviews;

/// <summary>The applicant's own windows to challenge a reply, with real dates.</summary>
public class ApplicantWindowsTests
{
    [Fact]
    public void Sixty_days_for_reconsideration_ending_in_national_day_move_to_the_first_working_day_after_it()
    {
        var windows = ApplicantWindows.Compute((D("2026-08-05"), "答复书签收日期"), [], RealCalculator);

        var review = windows.Single(w => w.Title == "申请行政复议");
        review.Due.Date.ShouldBe(D("2026-10-08"));
        review.From.ShouldBe("答复书签收日期");
        review.Due.Explanation.Basis.Article.ShouldContain("《行政复议法》第二十条");
    }

    [Fact]
    public void Six_months_for_a_lawsuit_from_the_last_day_of_march_end_on_the_last_day_of_september()
    {
        var windows = ApplicantWindows.Compute((D("2026-03-31"), "答复书签收日期"), [], RealCalculator);

        windows.Single(w => w.Title == "提起行政诉讼").Due.Date.ShouldBe(D("2026-09-30"));
    }

    [Fact]
    public void After_a_reconsideration_decision_the_applicant_has_fifteen_days_to_sue()
    {
        var windows = ApplicantWindows.Compute((D("2026-03-02"), "答复书签收日期"), [D("2026-09-22")], RealCalculator);

        var suit = windows.Single(w => w.Title == "复议后起诉");
        suit.Due.Date.ShouldBe(D("2026-10-08"));
        suit.Due.Explanation.Basis.Article.ShouldContain("第四十五条");
    }

    [Fact]
    public void A_reply_is_final_once_every_window_has_passed_and_no_review_case_is_open()
    {
        var windows = ApplicantWindows.Compute((D("2026-03-02"), "答复书签收日期"), [], RealCalculator);

        ApplicantWindows.IsFinal(windows, anyOpenReviewCase: false, today: D("2026-09-03")).ShouldBeTrue();
        ApplicantWindows.IsFinal(windows, anyOpenReviewCase: true, today: D("2026-09-03")).ShouldBeFalse();
        ApplicantWindows.IsFinal(windows, anyOpenReviewCase: false, today: D("2026-08-31")).ShouldBeFalse();
    }
}
