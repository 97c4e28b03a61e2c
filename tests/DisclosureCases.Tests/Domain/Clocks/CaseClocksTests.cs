using DisclosureCases.Domain.Clocks;
using static DisclosureCases.Domain.Clocks.ClockEventKind;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Clocks;

/// <summary>An application's deadlines from its dated events, on the real 2026 calendar.</summary>
public class CaseClocksTests
{
    static ClockEvent E(ClockEventKind kind, string date, string? answerBy = null) =>
        new(kind, D(date), AnswerBy: answerBy is null ? null : D(answerBy));

    static CaseClockSet Clocks(params ClockEvent[] events) => CaseClocks.Compute(events, RealCalculator);

    [Fact]
    public void No_events_no_deadlines() =>
        Clocks().Deadlines.ShouldBeEmpty();

    [Fact]
    public void A_received_application_must_be_answered_within_20_working_days()
    {
        var reply = Clocks(E(Received, "2026-11-02")).Reply!;
        reply.Key.ShouldBe("reply");
        reply.Title.ShouldBe("答复期限");
        reply.Due.ShouldBe(D("2026-11-30"));
        reply.Status.ShouldBe(ClockStatus.Running);
        reply.Provisional.ShouldBeFalse();
        reply.PausedWorkingDays.ShouldBe(0);
    }

    [Fact]
    public void The_single_correction_notice_is_due_7_working_days_after_receipt()
    {
        var notice = Clocks(E(Received, "2026-11-02")).Find(DeadlineKeys.CorrectionNotice)!;
        notice.Title.ShouldBe("补正告知期限");
        notice.Due.ShouldBe(D("2026-11-11"));
        notice.Status.ShouldBe(ClockStatus.Running);
    }

    [Fact]
    public void Sending_the_correction_notice_meets_its_deadline_and_stops_the_reply_clock()
    {
        var clocks = Clocks(E(Received, "2026-11-02"), E(CorrectionRequested, "2026-11-05", answerBy: "2026-11-20"));
        clocks.Find(DeadlineKeys.CorrectionNotice)!.ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(ClockStatus.Met),
            d => d.MetOn.ShouldBe(D("2026-11-05")));
        clocks.Reply!.Status.ShouldBe(ClockStatus.Stopped);
        clocks.Reply.Due.ShouldBeNull();
        clocks.Reply.Explanation!.Lines[^1].ShouldBe("到期日：停止计时，待收到补正后重新起算");
    }

    [Fact]
    public void The_applicants_correction_period_runs_to_the_date_the_notice_gave()
    {
        var answer = Clocks(E(Received, "2026-11-02"), E(CorrectionRequested, "2026-11-05", answerBy: "2026-11-20"))
            .Find(DeadlineKeys.CorrectionAnswer)!;
        answer.Title.ShouldBe("补正期限");
        answer.Due.ShouldBe(D("2026-11-20"));
        answer.Status.ShouldBe(ClockStatus.Running);
    }

    [Fact]
    public void A_correction_notice_without_a_period_gives_no_correction_deadline() =>
        Clocks(E(Received, "2026-11-02"), E(CorrectionRequested, "2026-11-05"))
            .Find(DeadlineKeys.CorrectionAnswer).ShouldBeNull();

    [Fact]
    public void The_reply_clock_restarts_from_zero_on_the_day_the_correction_arrives()
    {
        var clocks = Clocks(E(Received, "2026-11-02"), E(CorrectionRequested, "2026-11-05", answerBy: "2026-11-20"),
            E(CorrectionReceived, "2026-11-16"));
        clocks.Reply!.Due.ShouldBe(D("2026-12-14")); // 20 working days after 11-16; the 3 days before the notice are gone
        clocks.Reply.Status.ShouldBe(ClockStatus.Running);
        clocks.Reply.Explanation!.Start.ShouldBe(D("2026-11-16"));
        clocks.Find(DeadlineKeys.CorrectionAnswer)!.Status.ShouldBe(ClockStatus.Met);
        clocks.Reply.Explanation.Lines.ShouldBe([
            "起算日：2026-11-16（当日不计入）",
            "规则：答复期限 20个工作日（《政府信息公开条例》第三十三条第二款）",
            "2026-11-02 收到申请",
            "2026-11-05 发出补正告知，答复期限停止计算，收到补正后重新起算（《政府信息公开条例》第三十条）",
            "2026-11-16 收到补正后的申请，答复期限自该日重新起算，此前经过的时间不计入（《政府信息公开条例》第三十条）",
            "跳过：2026-11-21 周六、2026-11-22 周日、2026-11-28 周六、2026-11-29 周日、2026-12-05 周六、2026-12-06 周日、2026-12-12 周六、2026-12-13 周日",
            "到期日：2026-12-14",
        ]);
    }

    [Fact]
    public void During_a_consultation_the_reply_clock_is_paused_with_its_remaining_days()
    {
        var clocks = Clocks(E(Received, "2026-09-01"), E(ConsultationStarted, "2026-09-03"));
        var reply = clocks.Reply!;
        reply.Status.ShouldBe(ClockStatus.Paused);
        reply.Due.ShouldBeNull();
        reply.RemainingWorkingDays.ShouldBe(18); // 09-02 and 09-03 counted
        reply.Explanation!.Lines.ShouldContain(
            "2026-09-03 开始征求意见，答复期限暂停（《政府信息公开条例》第三十三条第三款）；此前已计2个工作日，尚余18个工作日");
        CaseClocks.Standing(reply, D("2026-09-10"), RealCalculator).Text.ShouldBe("暂停计时，剩余18个工作日");
    }

    [Fact]
    public void After_a_consultation_the_reply_clock_resumes_where_it_stopped()
    {
        var reply = Clocks(E(Received, "2026-09-01"), E(ConsultationStarted, "2026-09-03"), E(ConsultationEnded, "2026-09-17")).Reply!;
        reply.PausedWorkingDays.ShouldBe(10);
        reply.Due.ShouldBe(D("2026-10-19")); // 18 working days after 09-17, across National Day
        reply.Due.ShouldBe(RealCalculator.AddWorkingDays(D("2026-09-17"), 18));
        reply.Status.ShouldBe(ClockStatus.Running);
    }

    [Fact]
    public void The_consultation_has_15_working_days_and_is_met_when_it_ends()
    {
        var open = Clocks(E(Received, "2026-11-02"), E(ConsultationStarted, "2026-11-05")).Find(DeadlineKeys.ConsultationAnswer)!;
        open.Title.ShouldBe("征求意见答复期限");
        open.Due.ShouldBe(D("2026-11-26"));
        open.Status.ShouldBe(ClockStatus.Running);
        Clocks(E(Received, "2026-11-02"), E(ConsultationStarted, "2026-11-05"), E(ConsultationEnded, "2026-11-20"))
            .Find(DeadlineKeys.ConsultationAnswer)!.Status.ShouldBe(ClockStatus.Met);
    }

    [Fact]
    public void An_approved_extension_adds_20_working_days_once()
    {
        var clocks = Clocks(E(Received, "2026-09-01"), E(ExtensionApproved, "2026-09-20"));
        clocks.ExtensionUsed.ShouldBeTrue();
        clocks.Reply!.Due.ShouldBe(RealCalculator.AddWorkingDays(D("2026-09-01"), 40));
    }

    [Fact]
    public void A_second_extension_is_refused_citing_article_33()
    {
        var history = new[] { E(Received, "2026-09-01"), E(ExtensionApproved, "2026-09-20") };
        CaseClocks.Refusal(history, E(ExtensionApproved, "2026-09-25"))
            .ShouldBe("延期答复只能一次（《政府信息公开条例》第三十三条第二款）");
        Should.Throw<ArgumentException>(() => Clocks([.. history, E(ExtensionApproved, "2026-09-25")]))
            .Message.ShouldStartWith("第3个事件（批准延期答复，2026-09-25）不成立：延期答复只能一次");
    }

    [Fact]
    public void The_reply_explanation_tells_the_pause_and_the_extension()
    {
        var reply = Clocks(E(Received, "2026-09-01"), E(ConsultationStarted, "2026-09-03"), E(ConsultationEnded, "2026-09-17"),
            E(ExtensionApproved, "2026-09-28")).Reply!;
        reply.Due.ShouldBe(D("2026-11-16"));
        var lines = reply.Explanation!.Lines;
        lines.ShouldContain("2026-09-17 征求意见结束，答复期限恢复计算；暂停期间10个工作日不计入");
        lines.ShouldContain("2026-09-28 经负责人同意延期答复，答复期限延长20个工作日（《政府信息公开条例》第三十三条第二款）");
        lines.ShouldContain("计入：起算日后第50个工作日（20个工作日 + 延期20个工作日 + 征求意见暂停期间不计入的10个工作日）");
        lines[^1].ShouldBe("到期日：2026-11-16");
    }

    [Fact]
    public void An_extension_approved_after_the_original_deadline_is_recorded_and_flagged()
    {
        var reply = Clocks(E(Received, "2026-11-02"), E(ExtensionApproved, "2026-12-03")).Reply!;
        reply.Explanation!.Lines.ShouldContain(l => l.EndsWith("；批准时原答复期限已过（2026-11-30到期）"));
    }

    [Fact]
    public void The_reply_meets_the_reply_deadline()
    {
        var reply = Clocks(E(Received, "2026-11-02"), E(Replied, "2026-11-20")).Reply!;
        reply.Status.ShouldBe(ClockStatus.Met);
        reply.MetOn.ShouldBe(D("2026-11-20"));
        reply.Due.ShouldBe(D("2026-11-30"));
        CaseClocks.Standing(reply, D("2026-12-10"), RealCalculator).Text.ShouldBe("已按期完成");
    }

    [Fact]
    public void A_late_reply_is_met_late_by_the_working_days_it_missed()
    {
        var reply = Clocks(E(Received, "2026-11-02"), E(Replied, "2026-12-03")).Reply!;
        CaseClocks.Standing(reply, D("2026-12-10"), RealCalculator)
            .ShouldBe(new DeadlineStanding(null, 3, "已完成，逾期3个工作日"));
    }

    [Fact]
    public void A_reply_ends_a_correction_notice_window_that_was_not_used() =>
        Clocks(E(Received, "2026-11-02"), E(Replied, "2026-11-03"))
            .Find(DeadlineKeys.CorrectionNotice)!.Status.ShouldBe(ClockStatus.Stopped);

    [Fact]
    public void Recomputing_the_same_events_gives_equal_deadlines()
    {
        ClockEvent[] events = [E(Received, "2026-09-01"), E(ConsultationStarted, "2026-09-03"), E(ConsultationEnded, "2026-09-17")];
        Clocks(events).Deadlines.ShouldBe(Clocks(events).Deadlines);
        Clocks(events).Reply.ShouldNotBe(Clocks([.. events, E(ExtensionApproved, "2026-09-18")]).Reply);
    }

    [Fact]
    public void A_reply_due_in_2027_is_provisional() =>
        Clocks(E(Received, "2026-12-15")).Reply!.Provisional.ShouldBeTrue();

    [Theory]
    [InlineData("2026-11-20", 6, null, "剩余6个工作日")]
    [InlineData("2026-11-28", 1, null, "剩余1个工作日")]   // a Saturday: only Monday the 30th is left
    [InlineData("2026-11-30", 0, null, "今日到期")]
    [InlineData("2026-12-03", null, 3, "已超期3个工作日")]
    public void Standing_counts_working_days_left_or_overdue(string today, int? left, int? overdue, string text) =>
        CaseClocks.Standing(Clocks(E(Received, "2026-11-02")).Reply!, D(today), RealCalculator)
            .ShouldBe(new DeadlineStanding(left, overdue, text));

    [Fact]
    public void Standing_on_the_weekend_after_a_Friday_deadline_names_the_due_date()
    {
        var reply = Clocks(E(Received, "2026-10-23")).Reply!;
        reply.Due.ShouldBe(D("2026-11-20"));
        CaseClocks.Standing(reply, D("2026-11-21"), RealCalculator) // Saturday
            .ShouldBe(new DeadlineStanding(null, 0, "已超期（2026-11-20到期）"));
    }

    [Fact]
    public void Standing_of_a_stopped_clock_says_so() =>
        CaseClocks.Standing(Clocks(E(Received, "2026-11-02"), E(CorrectionRequested, "2026-11-05")).Reply!, D("2026-11-10"), RealCalculator)
            .ShouldBe(new DeadlineStanding(null, null, "停止计时"));
}
