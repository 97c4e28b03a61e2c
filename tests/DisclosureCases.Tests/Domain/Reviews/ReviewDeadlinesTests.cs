using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Tests.Support;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Reviews;

/// <summary>Each review and litigation deadline with real dates across 国庆 2026 (10-01–10-07 off, Saturday 10-10 worked).</summary>
public class ReviewDeadlinesTests
{
    static ReviewCase Reconsideration(Action<ReviewCase>? change = null)
    {
        var r = new ReviewCase { Kind = ReviewKind.Reconsideration, FiledOn = D("2026-09-20") };
        change?.Invoke(r);
        return r;
    }

    static ReviewCase Litigation(Action<ReviewCase>? change = null)
    {
        var r = new ReviewCase { Kind = ReviewKind.Litigation, FiledOn = D("2026-09-10") };
        change?.Invoke(r);
        return r;
    }

    static CaseDeadline Deadline(ReviewCase r, string key) =>
        ReviewDeadlines.Compute(r, D("2026-09-21"), 10, RealCalculator).Single(d => d.Deadline.Key == key).Deadline;

    [Fact]
    public void The_answer_to_a_copy_received_just_before_national_day_is_due_ten_working_days_later_counting_the_worked_saturday()
    {
        var answer = Deadline(Reconsideration(r => r.CopyReceivedOn = D("2026-09-29")), ReviewDeadlineKeys.Answer);

        answer.Due.ShouldBe(D("2026-10-19"));
        answer.Status.ShouldBe(ClockStatus.Running);
        var lines = string.Join("\n", answer.Explanation!.Lines);
        lines.ShouldContain("起算日：2026-09-29");
        lines.ShouldContain("《行政复议法》第四十八条");
        lines.ShouldContain("2026-10-01至2026-10-07 国庆节");
        lines.ShouldContain("2026-10-10 周六（国庆节）");
    }

    [Fact]
    public void In_the_simplified_procedure_the_answer_is_due_after_five_working_days()
    {
        var answer = Deadline(Reconsideration(r => { r.CopyReceivedOn = D("2026-09-29"); r.Simplified = true; }), ReviewDeadlineKeys.Answer);

        answer.Due.ShouldBe(D("2026-10-12"));
        answer.Explanation!.Basis.Article.ShouldContain("第五十四条");
    }

    [Fact]
    public void An_answer_submitted_meets_the_deadline()
    {
        var answer = Deadline(Reconsideration(r => { r.CopyReceivedOn = D("2026-09-29"); r.AnswerSubmittedOn = D("2026-10-09"); }),
            ReviewDeadlineKeys.Answer);

        answer.Status.ShouldBe(ClockStatus.Met);
        answer.MetOn.ShouldBe(D("2026-10-09"));
    }

    [Fact]
    public void The_decision_sixty_days_after_acceptance_ending_in_the_holiday_moves_to_the_first_working_day_after_it()
    {
        var decision = Deadline(Reconsideration(r => r.AcceptedOn = D("2026-08-05")), ReviewDeadlineKeys.Decision);

        decision.Due.ShouldBe(D("2026-10-08"));
        string.Join("\n", decision.Explanation!.Lines).ShouldContain("期间届满日：2026-10-04");
        decision.Explanation.Basis.Article.ShouldContain("第六十二条");
    }

    [Fact]
    public void An_extension_adds_thirty_days_once_from_the_end_of_the_sixty()
    {
        var decision = Deadline(Reconsideration(r => { r.AcceptedOn = D("2026-08-05"); r.DecisionExtendedOn = D("2026-09-30"); }),
            ReviewDeadlineKeys.Decision);

        // 2026-10-08 + 30 = 2026-11-07, a Saturday: the Monday after.
        decision.Due.ShouldBe(D("2026-11-09"));
        var lines = string.Join("\n", decision.Explanation!.Lines);
        lines.ShouldContain("2026-09-30 复议机关决定延长");
        lines.ShouldContain("顺延：2026-11-07 是周六");
    }

    [Fact]
    public void The_extension_condition_refuses_a_second_extension_and_any_in_the_simplified_procedure()
    {
        new DisclosureCases.Reviews.ReviewConditions(Reconsideration()).Holds("decision-not-extended").ShouldBeTrue();
        new DisclosureCases.Reviews.ReviewConditions(Reconsideration(r => r.DecisionExtendedOn = D("2026-09-30"))).Holds("decision-not-extended").ShouldBeFalse();
        new DisclosureCases.Reviews.ReviewConditions(Reconsideration(r => r.Simplified = true)).Holds("decision-not-extended").ShouldBeFalse();
    }

    [Fact]
    public void In_the_simplified_procedure_the_decision_is_due_thirty_days_after_acceptance()
    {
        var decision = Deadline(Reconsideration(r => { r.AcceptedOn = D("2026-09-01"); r.Simplified = true; }), ReviewDeadlineKeys.Decision);

        decision.Due.ShouldBe(D("2026-10-08"));
    }

    [Fact]
    public void The_defendants_answer_fifteen_days_after_the_complaint_copy_moves_out_of_the_holiday()
    {
        var defence = Deadline(Litigation(r => r.CopyReceivedOn = D("2026-09-22")), ReviewDeadlineKeys.Defence);

        defence.Due.ShouldBe(D("2026-10-08"));
        defence.Explanation!.Basis.Article.ShouldContain("《行政诉讼法》第六十七条");
    }

    [Fact]
    public void The_appeal_window_is_fifteen_days_from_a_judgment()
    {
        var appeal = Deadline(Litigation(r => { r.ServedOn = D("2026-09-16"); r.JudgmentKind = JudgmentKind.Judgment; }), ReviewDeadlineKeys.Appeal);

        appeal.Due.ShouldBe(D("2026-10-08"));
        appeal.Explanation!.Basis.Article.ShouldContain("第八十五条");
    }

    [Fact]
    public void The_appeal_window_is_ten_days_from_a_ruling_and_may_end_on_a_worked_sunday()
    {
        var appeal = Deadline(Litigation(r => { r.ServedOn = D("2026-09-10"); r.JudgmentKind = JudgmentKind.Ruling; }), ReviewDeadlineKeys.Appeal);

        // 2026-09-20 is a Sunday worked for the 中秋/国庆 arrangement: a working day, so the window ends on it.
        appeal.Due.ShouldBe(D("2026-09-20"));
    }

    [Fact]
    public void Reporting_is_due_after_the_configured_working_days_from_the_copy_and_says_the_period_is_unverified()
    {
        var report = Deadline(Reconsideration(r => r.CopyReceivedOn = D("2026-09-29")), ReviewDeadlineKeys.Report);

        report.Due.ShouldBe(D("2026-10-19"));
        report.Explanation!.Basis.Article.ShouldContain("未经核实");
    }

    [Fact]
    public void Without_a_copy_reporting_runs_from_the_day_the_case_was_registered()
    {
        var report = Deadline(Reconsideration(), ReviewDeadlineKeys.Report);

        report.Explanation!.Start.ShouldBe(D("2026-09-21"));
    }

    [Fact]
    public void The_worklist_follows_the_agencys_own_duties_not_the_review_bodys_decision()
    {
        var all = ReviewDeadlines.Compute(Reconsideration(r => { r.AcceptedOn = D("2026-08-05"); r.ReportedOn = D("2026-09-21"); }),
            D("2026-09-21"), 10, RealCalculator);

        ReviewDeadlines.Next(all).ShouldBeNull();
    }
}
