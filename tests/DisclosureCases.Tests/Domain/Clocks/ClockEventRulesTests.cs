using DisclosureCases.Domain.Clocks;
using static DisclosureCases.Domain.Clocks.ClockEventKind;
using static DisclosureCases.Tests.Support.Calendars;

namespace DisclosureCases.Tests.Domain.Clocks;

/// <summary>Which event may be recorded next, one fact per refusal.</summary>
public class ClockEventRulesTests
{
    static ClockEvent E(ClockEventKind kind, string date, string? answerBy = null) =>
        new(kind, D(date), AnswerBy: answerBy is null ? null : D(answerBy));

    static readonly ClockEvent[] Received2November = [E(Received, "2026-11-02")];

    [Fact]
    public void Receipt_is_the_first_event_and_is_accepted() =>
        CaseClocks.Refusal([], E(Received, "2026-11-02")).ShouldBeNull();

    [Fact]
    public void Nothing_can_be_recorded_before_the_receipt() =>
        CaseClocks.Refusal([], E(Replied, "2026-11-02"))
            .ShouldBe("尚未登记收到申请：各项期限自收到申请之日起算（《政府信息公开条例》第三十一条）");

    [Fact]
    public void A_second_receipt_is_refused() =>
        CaseClocks.Refusal(Received2November, E(Received, "2026-11-03"))
            .ShouldBe("已登记收到申请（2026-11-02），收到申请之日只有一个");

    [Fact]
    public void An_event_dated_before_the_receipt_is_refused() =>
        CaseClocks.Refusal(Received2November, E(ConsultationStarted, "2026-11-01"))
            .ShouldBe("2026-11-01 早于收到申请之日 2026-11-02");

    [Fact]
    public void Events_must_be_recorded_in_date_order() =>
        CaseClocks.Refusal([.. Received2November, E(ConsultationStarted, "2026-11-10")], E(ConsultationEnded, "2026-11-09"))
            .ShouldBe("2026-11-09 早于上一事件（开始征求意见，2026-11-10）：事件须按日期顺序登记");

    [Fact]
    public void Events_on_the_same_day_are_accepted() =>
        CaseClocks.Refusal([.. Received2November, E(ConsultationStarted, "2026-11-10")], E(ConsultationEnded, "2026-11-10"))
            .ShouldBeNull();

    [Fact]
    public void A_correction_received_without_a_pending_notice_is_refused() =>
        CaseClocks.Refusal(Received2November, E(CorrectionReceived, "2026-11-05"))
            .ShouldBe("没有待补正的补正告知，不能登记收到补正");

    [Fact]
    public void Only_one_correction_notice_may_be_sent() =>
        CaseClocks.Refusal([.. Received2November, E(CorrectionRequested, "2026-11-03"), E(CorrectionReceived, "2026-11-06")],
                E(CorrectionRequested, "2026-11-09"))
            .ShouldBe("补正告知只能一次（《政府信息公开条例》第三十条：一次性告知需要补正的事项）");

    [Fact]
    public void A_consultation_cannot_end_before_it_started() =>
        CaseClocks.Refusal(Received2November, E(ConsultationEnded, "2026-11-05"))
            .ShouldBe("没有进行中的征求意见，不能登记征求意见结束");

    [Fact]
    public void A_consultation_cannot_start_while_another_is_open() =>
        CaseClocks.Refusal([.. Received2November, E(ConsultationStarted, "2026-11-03")], E(ConsultationStarted, "2026-11-04"))
            .ShouldBe("已有进行中的征求意见（2026-11-03起），须先登记其结束；同时征求多方意见登记为一次");

    [Fact]
    public void A_consultation_cannot_start_while_a_correction_is_pending() =>
        CaseClocks.Refusal([.. Received2November, E(CorrectionRequested, "2026-11-03")], E(ConsultationStarted, "2026-11-04"))
            .ShouldBe("申请待补正，答复期限已停止计算，补正后才能征求意见");

    [Fact]
    public void No_extension_while_a_correction_is_pending() =>
        CaseClocks.Refusal([.. Received2November, E(CorrectionRequested, "2026-11-03")], E(ExtensionApproved, "2026-11-04"))
            .ShouldBe("申请待补正，答复期限已停止计算，不能延期");

    [Fact]
    public void Nothing_follows_the_reply() =>
        CaseClocks.Refusal([.. Received2November, E(Replied, "2026-11-20")], E(ExtensionApproved, "2026-11-21"))
            .ShouldBe("已于 2026-11-20 答复，答复期限已结束");

    [Fact]
    public void A_correction_period_cannot_end_before_the_notice() =>
        CaseClocks.Refusal(Received2November, E(CorrectionRequested, "2026-11-05", answerBy: "2026-11-04"))
            .ShouldBe("补正期限 2026-11-04 早于补正告知日期 2026-11-05");
}
