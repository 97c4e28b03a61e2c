using DisclosureCases.Tests.Support;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Workflow;

/// <summary>Whole cases walked through workflows/application.yaml by triggers, as the pages will drive it.</summary>
public class ApplicationWalkTests
{
    static readonly WorkflowDefinition Application =
        WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, "application.yaml"), TestVocabulary.Standard);
    static readonly WorkflowRuntime Runtime = new(TestVocabulary.Standard);

    [Fact]
    public void A_case_goes_from_receipt_to_the_archive_through_correction_consultation_extension_review_and_returned_mail()
    {
        var c = new FakeCase(Application, Runtime) { Today = new DateOnly(2026, 3, 2) };
        var states = new List<string> { c.State };
        void Do(string trigger, string role, params (string, string)[] input)
        {
            c.Do(trigger, role, input);
            states.Add(c.State);
        }

        Do("register", "Clerk", ("handler", "u-17"));
        Do("request-correction", "Clerk", ("items", "请写明所需信息的名称或文号"), ("correction-due", "2026-03-16"));
        c.Today = new DateOnly(2026, 3, 10);
        Do("receive-correction", "Clerk", ("received-on", "2026-03-09"));
        Do("start-consultation", "Clerk", ("party", "third-party"), ("party-name", "某某公司"), ("sent-on", "2026-03-10"));
        c.Today = new DateOnly(2026, 4, 1);
        Do("end-consultation", "Clerk", ("result", "disagree"), ("answered-on", "2026-03-31"));
        Do("request-extension", "Clerk", ("reason", "需调取档案"));
        Do("approve-extension", "Manager");
        Do("submit-reply", "Clerk", ("outcome", "withhold-third-party"), ("reasons", "第三方不同意公开且理由合理"));
        Do("return-reply", "LegalReviewer", ("comments", "请补充依据条款"));
        Do("submit-reply", "Clerk", ("outcome", "withhold-third-party"), ("reasons", "依据条例第15条……"));
        Do("approve-reply", "LegalReviewer", ("issued-on", "2026-04-01"));
        Do("mail", "Clerk", ("method", "ems"), ("tracking-number", "EA0001"), ("posted-on", "2026-04-01"));
        c.Today = new DateOnly(2026, 4, 8);
        Do("mail-returned", "Clerk", ("returned-on", "2026-04-07"), ("reason", "查无此人"));
        Do("mail", "Clerk", ("method", "registered-mail"), ("tracking-number", "XA0002"), ("posted-on", "2026-04-08"));
        Do("confirm-delivery", "Clerk", ("delivered-on", "2026-04-08"));
        Do("archive", "Clerk");

        states.ShouldBe([
            "received", "processing", "awaiting-correction", "processing", "consulting", "processing",
            "extension-requested", "processing", "in-review", "processing", "in-review", "replied", "mailed", "replied",
            "mailed", "delivered", "archived",
        ]);
        c.Clock.ShouldBe([
            new RecordClockEvent("correction-requested", new DateOnly(2026, 3, 2)),
            new RecordClockEvent("correction-received", new DateOnly(2026, 3, 9)),
            new RecordClockEvent("consultation-started", new DateOnly(2026, 3, 10)),
            new RecordClockEvent("consultation-ended", new DateOnly(2026, 3, 31)),
            new RecordClockEvent("extension-approved", new DateOnly(2026, 4, 1)),
            new RecordClockEvent("replied", new DateOnly(2026, 4, 1)),
        ]);
        c.Letters.ShouldBe(["receipt", "correction-notice", "consultation-third-party", "consultation-notice", "extension-notice", "reply"]);
        c.Fields["outcome"].ShouldBe("withhold-third-party");
        c.Fields["handler"].ShouldBe("u-17");
        c.HasCaseNumber.ShouldBeTrue();
        c.Archived.ShouldBeTrue();
        Runtime.Available(Application, c.State, ["Clerk", "Manager", "LegalReviewer", "Admin"], c).ShouldBeEmpty();
    }

    [Fact]
    public void The_shortest_path_follows_the_primary_action_of_each_state()
    {
        var c = new FakeCase(Application, Runtime);
        c.Do("register", "Clerk", ("handler", "u-1"));
        c.Do("submit-reply", "Clerk", ("outcome", "disclose"), ("reasons", "予以公开"));
        c.Do("approve-reply", "LegalReviewer", ("issued-on", "2026-03-02"));
        c.Do("deliver", "Clerk", ("method", "email"), ("delivered-on", "2026-03-02"));
        c.Do("archive", "Clerk");
        c.State.ShouldBe("archived");
    }

    [Fact]
    public void Without_a_correction_in_time_the_case_is_closed_as_other_processing_1()
    {
        var c = new FakeCase(Application, Runtime) { Today = new DateOnly(2026, 3, 2) };
        c.Do("register", "Clerk", ("handler", "u-1"));
        c.Do("request-correction", "Clerk", ("items", "写明名称"), ("correction-due", "2026-03-16"));

        c.Today = new DateOnly(2026, 3, 16);
        c.Try("close-no-correction", "Clerk").ShouldBeOfType<TransitionDecision.Refused>()
            .Reason.ShouldBe("补正期限尚未届满，不能按逾期未补正结案");

        c.Today = new DateOnly(2026, 3, 17);
        c.Do("close-no-correction", "Clerk");
        c.State.ShouldBe("replied");
        c.Fields["outcome"].ShouldBe("other-no-correction");
        TestVocabulary.Outcomes.Find("other-no-correction")!.ReportRow
            .ShouldBe("（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    }

    [Fact]
    public void An_unpaid_fee_closes_the_case_once_the_payment_period_is_over()
    {
        var c = new FakeCase(Application, Runtime) { Today = new DateOnly(2026, 3, 2) };
        c.Do("register", "Clerk", ("handler", "u-1"));
        c.Do("issue-fee-notice", "Clerk", ("amount", "100"), ("fee-due", "2026-03-20"));
        c.Today = new DateOnly(2026, 3, 21);
        c.Do("close-unpaid-fee", "Clerk");
        c.Fields["outcome"].ShouldBe("other-unpaid-fee");
        c.Letters.ShouldBe(["receipt", "fee-notice", "no-further-processing"]);
    }

    [Fact]
    public void Unreasonable_reasons_for_mass_requests_end_in_a_reply_refusing_to_process()
    {
        var c = new FakeCase(Application, Runtime);
        c.Do("register", "Clerk", ("handler", "u-1"));
        c.Do("ask-reasons", "Clerk", ("grounds", "一个月内提出200件申请"));
        c.Do("reject-reasons", "Clerk", ("reasons", "未说明正当理由"));
        c.State.ShouldBe("replied");
        c.Fields["outcome"].ShouldBe("reject-mass");
        c.Fields["reply-reasons"].ShouldBe("未说明正当理由");
        c.Letters.ShouldBe(["receipt", "reasons-notice", "reply"]);
    }

    [Fact]
    public void A_withdrawal_while_awaiting_the_fee_is_counted_as_other()
    {
        var c = new FakeCase(Application, Runtime);
        c.Do("register", "Clerk", ("handler", "u-1"));
        c.Do("issue-fee-notice", "Clerk", ("amount", "100"), ("fee-due", "2026-03-20"));
        c.Do("withdraw", "Clerk", ("withdrawn-on", "2026-03-02"));
        c.State.ShouldBe("replied");
        c.Fields["outcome"].ShouldBe("other");
        c.Clock.ShouldBe([new RecordClockEvent("replied", new DateOnly(2026, 3, 2))]);
    }
}
