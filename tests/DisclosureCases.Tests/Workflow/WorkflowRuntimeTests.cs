using DisclosureCases.Tests.Support;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Workflow;

public class WorkflowRuntimeTests
{
    static readonly WorkflowDefinition Application =
        WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, "application.yaml"), TestVocabulary.Standard);
    static readonly WorkflowRuntime Runtime = new(TestVocabulary.Standard);
    static readonly DateOnly Today = new(2026, 3, 2);

    /// <summary>A registered case in 'processing' with a handler.</summary>
    static FakeCase Processing()
    {
        var c = new FakeCase(Application, Runtime) { Today = Today };
        c.Do("register", "Clerk", ("handler", "u-17"));
        return c;
    }

    static TransitionDecision.Refused Refused(TransitionDecision decision) =>
        decision.ShouldBeOfType<TransitionDecision.Refused>();

    static TransitionPlan Accepted(TransitionDecision decision) =>
        decision.ShouldBeOfType<TransitionDecision.Accepted>().Plan;

    static TransitionDecision Decide(string state, string trigger, string role, ICaseConditions? conditions = null, params (string, string?)[] input) =>
        Runtime.Decide(Application, state, trigger, [role], input.ToDictionary(i => i.Item1, i => i.Item2), conditions ?? new AllHold(), Today);

    sealed class AllHold : ICaseConditions
    {
        public bool Holds(string conditionName) => true;
    }

    sealed class NoneHold : ICaseConditions
    {
        public bool Holds(string conditionName) => false;
    }

    // State and trigger -----------------------------------------------------------------------------------------

    [Fact]
    public void An_action_not_offered_in_the_current_state_is_refused_naming_both_in_chinese()
    {
        var refusal = Refused(Decide("archived", "register", "Clerk"));
        refusal.Kind.ShouldBe(TransitionRefusal.NotInThisState);
        refusal.Reason.ShouldBe("当前状态「已归档」不能执行「登记」");
        refusal.FieldErrors.ShouldBeEmpty();
    }

    [Fact]
    public void A_trigger_the_definition_does_not_have_is_refused()
    {
        var refusal = Refused(Decide("processing", "reopen", "Clerk"));
        refusal.Kind.ShouldBe(TransitionRefusal.UnknownTrigger);
        refusal.Reason.ShouldBe("流程「政府信息公开申请办理」中没有「reopen」这项操作");
    }

    [Fact]
    public void A_state_the_definition_does_not_have_is_a_programming_error_not_a_refusal()
    {
        Should.Throw<ArgumentException>(() => Decide("procesing", "submit-reply", "Clerk"))
            .Message.ShouldContain("no state 'procesing'");
        Should.Throw<ArgumentException>(() => Runtime.Available(Application, "procesing", ["Clerk"], new AllHold()));
    }

    // Roles -----------------------------------------------------------------------------------------------------

    [Fact]
    public void Only_a_manager_may_approve_an_extension()
    {
        var refusal = Refused(Decide("extension-requested", "approve-extension", "Clerk"));
        refusal.Kind.ShouldBe(TransitionRefusal.RoleNotAllowed);
        refusal.Reason.ShouldBe("只有负责人可以批准延期");
        Decide("extension-requested", "approve-extension", "Manager").IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void A_user_with_several_roles_may_act_under_any_of_them()
    {
        Runtime.Decide(Application, "extension-requested", "approve-extension", ["Clerk", "Manager"],
            new Dictionary<string, string?>(), new AllHold(), Today).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void Role_names_are_compared_exactly()
    {
        Refused(Decide("extension-requested", "approve-extension", "manager")).Kind.ShouldBe(TransitionRefusal.RoleNotAllowed);
    }

    [Fact]
    public void A_refusal_for_an_action_open_to_several_roles_names_them_all()
    {
        var definition = WorkflowLoader.Parse("""
            kind: workflow
            id: two-roles
            version: 1
            title: 测试
            states:
              - { name: open, title: 办理中, kind: initial }
              - { name: closed, title: 已结束, kind: final }
            transitions:
              - { trigger: close, title: 结束, from: open, to: closed, roles: [Clerk, Manager] }
            """, "two-roles.yaml", TestVocabulary.Standard);
        var decision = Runtime.Decide(definition, "open", "close", ["LegalReviewer"], new Dictionary<string, string?>(), new AllHold(), Today);
        Refused(decision).Reason.ShouldBe("只有经办人或负责人可以结束");
    }

    // Conditions ------------------------------------------------------------------------------------------------

    [Fact]
    public void A_second_extension_is_refused_citing_article_33()
    {
        var c = Processing();
        c.Do("request-extension", "Clerk", ("reason", "涉及多个科室，需调档"));
        c.Do("approve-extension", "Manager");

        var refusal = Refused(c.Try("request-extension", "Clerk", ("reason", "仍未检索完毕")));
        refusal.Kind.ShouldBe(TransitionRefusal.ConditionNotMet);
        refusal.Reason.ShouldBe("本案已延期过一次。条例第33条规定延长答复期限最长不超过20个工作日，只能延期一次");
    }

    [Fact]
    public void Conditions_are_checked_before_the_input_so_the_user_is_not_asked_to_fill_in_a_form_in_vain()
    {
        Refused(Decide("processing", "request-extension", "Clerk", new NoneHold())).Kind.ShouldBe(TransitionRefusal.ConditionNotMet);
    }

    [Fact]
    public void The_role_is_checked_before_the_conditions()
    {
        Refused(Decide("extension-requested", "approve-extension", "Clerk", new NoneHold())).Kind.ShouldBe(TransitionRefusal.RoleNotAllowed);
    }

    [Fact]
    public void A_second_correction_notice_is_refused_because_article_30_allows_one()
    {
        var c = Processing();
        c.Do("request-correction", "Clerk", ("items", "请写明信息名称"), ("correction-due", "2026-03-16"));
        c.Do("receive-correction", "Clerk", ("received-on", "2026-03-02"));

        Refused(c.Try("request-correction", "Clerk", ("items", "再次补正"), ("correction-due", "2026-03-20")))
            .Reason.ShouldStartWith("本案已告知过补正");
    }

    // Input -----------------------------------------------------------------------------------------------------

    [Fact]
    public void A_missing_required_field_is_refused_naming_its_label()
    {
        var refusal = Refused(Decide("processing", "submit-reply", "Clerk", null, ("reasons", "经检索，该信息不存在")));
        refusal.Kind.ShouldBe(TransitionRefusal.InvalidInput);
        refusal.Reason.ShouldBe("「答复结果」为必填项");
        refusal.FieldErrors.ShouldBe([new FieldError("outcome", "「答复结果」为必填项")]);
    }

    [Fact]
    public void Whitespace_counts_as_empty()
    {
        Refused(Decide("processing", "submit-reply", "Clerk", null, ("outcome", "  "), ("reasons", "理由")))
            .FieldErrors.ShouldHaveSingleItem().Field.ShouldBe("outcome");
    }

    [Fact]
    public void Every_field_problem_is_reported_at_once()
    {
        var refusal = Refused(Decide("replied", "mail", "Clerk", null, ("method", "顺丰"), ("posted-on", "2026-3-1")));
        refusal.FieldErrors.Select(e => e.Field).ShouldBe(["method", "tracking-number", "posted-on"]);
        refusal.Reason.ShouldBe("「邮寄方式」的值「顺丰」不在可选范围内；「邮件号」为必填项；「邮寄日期」不是有效的日期，请按“年-月-日”填写，如 2026-03-31");
    }

    [Theory]
    [InlineData("2026/03/01")]
    [InlineData("2026-02-30")]
    [InlineData("昨天")]
    public void A_malformed_date_is_refused(string posted)
    {
        Refused(Decide("replied", "mail", "Clerk", null, ("method", "ems"), ("tracking-number", "EA123"), ("posted-on", posted)))
            .FieldErrors.ShouldBe([new FieldError("posted-on", "「邮寄日期」不是有效的日期，请按“年-月-日”填写，如 2026-03-31")]);
    }

    [Fact]
    public void A_posting_date_in_the_future_is_refused()
    {
        Refused(Decide("replied", "mail", "Clerk", null, ("method", "ems"), ("tracking-number", "EA123"), ("posted-on", "2026-03-03")))
            .Reason.ShouldBe("「邮寄日期」不能晚于今天");
    }

    [Fact]
    public void A_posting_date_of_today_is_accepted()
    {
        Accepted(Decide("replied", "mail", "Clerk", null, ("method", "ems"), ("tracking-number", "EA123"), ("posted-on", "2026-03-02")))
            .Date("posted-on").ShouldBe(Today);
    }

    [Fact]
    public void A_correction_period_must_end_after_today()
    {
        Refused(Decide("processing", "request-correction", "Clerk", null, ("items", "写明名称"), ("correction-due", "2026-03-02")))
            .Reason.ShouldBe("「补正期限」应晚于今天");
        Decide("processing", "request-correction", "Clerk", null, ("items", "写明名称"), ("correction-due", "2026-03-03"))
            .IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void A_choice_is_matched_by_its_value_not_its_label()
    {
        Refused(Decide("replied", "mail", "Clerk", null, ("method", "挂号信"), ("tracking-number", "X1"), ("posted-on", "2026-03-02")))
            .Reason.ShouldBe("「邮寄方式」的值「挂号信」不在可选范围内");
    }

    [Theory]
    [InlineData("reject-mass")]
    [InlineData("other-no-correction")]
    [InlineData("withheld")]
    public void An_outcome_that_is_unknown_or_has_its_own_path_is_refused_on_the_reply_form(string outcome)
    {
        Refused(Decide("processing", "submit-reply", "Clerk", null, ("outcome", outcome), ("reasons", "理由")))
            .Reason.ShouldBe($"「答复结果」的值「{outcome}」不是此处可选的答复结果");
    }

    [Theory]
    [InlineData("abc", "「收费金额（元）」不是有效的数字")]
    [InlineData("1,200", "「收费金额（元）」不是有效的数字")]
    [InlineData("0", "「收费金额（元）」应大于零")]
    [InlineData("-100", "「收费金额（元）」应大于零")]
    public void A_fee_must_be_a_positive_number(string amount, string message)
    {
        Refused(Decide("processing", "issue-fee-notice", "Clerk", null, ("amount", amount), ("fee-due", "2026-03-20")))
            .Reason.ShouldBe(message);
    }

    [Fact]
    public void A_valid_fee_is_parsed_as_a_decimal()
    {
        Accepted(Decide("processing", "issue-fee-notice", "Clerk", null, ("amount", "1200.50"), ("fee-due", "2026-03-20")))
            .Number("amount").ShouldBe(1200.50m);
    }

    [Fact]
    public void Inputs_that_are_not_fields_are_ignored()
    {
        var plan = Accepted(Decide("received", "register", "Clerk", null, ("handler", "u-17"), ("__RequestVerificationToken", "x")));
        plan.Values.Keys.ShouldBe(["handler"]);
    }

    [Fact]
    public void An_optional_field_left_empty_is_absent_from_the_values()
    {
        var plan = Accepted(Decide("consulting", "end-consultation", "Clerk", null, ("result", "no-answer"), ("answered-on", "2026-03-02"), ("opinion", "")));
        plan.Values.ContainsKey("opinion").ShouldBeFalse();
        plan.Text("opinion").ShouldBeNull();
    }

    // Plans -----------------------------------------------------------------------------------------------------

    [Fact]
    public void Registering_assigns_a_number_sets_the_handler_and_issues_a_receipt_in_that_order()
    {
        var plan = Accepted(Decide("received", "register", "Clerk", null, ("handler", " u-17 ")));
        plan.From.Name.ShouldBe("received");
        plan.To.Name.ShouldBe("processing");
        plan.Transition.Trigger.ShouldBe("register");
        plan.Effects.ShouldBe([new AssignCaseNumber(), new SetCaseField("handler", "u-17"), new IssueLetter("receipt")]);
    }

    [Fact]
    public void Consulting_a_third_party_sends_the_third_party_letter_and_tells_the_applicant()
    {
        var plan = Accepted(Decide("processing", "start-consultation", "Clerk", null,
            ("party", "third-party"), ("party-name", "某某公司"), ("sent-on", "2026-02-27")));
        plan.Effects.ShouldBe([
            new RecordClockEvent("consultation-started", new DateOnly(2026, 2, 27)),
            new IssueLetter("consultation-third-party"),
            new IssueLetter("consultation-notice"),
        ]);
    }

    [Fact]
    public void Consulting_another_agency_sends_the_agency_letter_instead()
    {
        var plan = Accepted(Decide("processing", "start-consultation", "Clerk", null,
            ("party", "other-agency"), ("party-name", "区财政局"), ("sent-on", "2026-02-27")));
        plan.Effects.OfType<IssueLetter>().Select(l => l.DocumentId).ShouldBe(["consultation-other-agency", "consultation-notice"]);
    }

    [Fact]
    public void A_clock_effect_without_a_date_field_takes_the_day_of_the_action()
    {
        Accepted(Decide("extension-requested", "approve-extension", "Manager")).Effects
            .ShouldBe([new RecordClockEvent("extension-approved", Today), new IssueLetter("extension-notice")]);
    }

    [Fact]
    public void Approving_the_reply_stops_the_clock_on_the_issue_date_and_issues_the_reply()
    {
        var plan = Accepted(Decide("in-review", "approve-reply", "LegalReviewer", null, ("issued-on", "2026-02-28")));
        plan.To.Name.ShouldBe("replied");
        plan.Effects.ShouldBe([new RecordClockEvent("replied", new DateOnly(2026, 2, 28)), new IssueLetter("reply")]);
    }

    [Fact]
    public void Closing_for_want_of_a_correction_records_the_outcome_constant()
    {
        var plan = Accepted(Decide("awaiting-correction", "close-no-correction", "Clerk"));
        plan.Effects.ShouldBe([
            new SetCaseField("outcome", "other-no-correction"),
            new RecordClockEvent("replied", Today),
            new IssueLetter("no-further-processing"),
        ]);
    }

    [Fact]
    public void Archiving_seals_the_case()
    {
        var plan = Accepted(Decide("delivered", "archive", "Clerk"));
        plan.To.ReadOnly.ShouldBeTrue();
        plan.Effects.ShouldBe([new ArchiveCase()]);
    }

    // Available -------------------------------------------------------------------------------------------------

    [Fact]
    public void A_clerk_in_processing_is_offered_the_clerk_actions_in_definition_order()
    {
        Runtime.Available(Application, "processing", ["Clerk"], new AllHold()).Select(t => t.Trigger).ShouldBe([
            "request-correction", "start-consultation", "notify-third-party", "request-extension", "issue-fee-notice",
            "ask-reasons", "submit-reply", "withdraw",
        ]);
    }

    [Fact]
    public void Actions_whose_condition_fails_are_not_offered()
    {
        var offered = Runtime.Available(Application, "processing", ["Clerk"], new NoneHold()).Select(t => t.Trigger).ToList();
        offered.ShouldNotContain("request-extension");
        offered.ShouldNotContain("request-correction");
        offered.ShouldNotContain("submit-reply");
        offered.ShouldContain("start-consultation");
    }

    [Fact]
    public void A_legal_reviewer_is_offered_only_the_review_actions()
    {
        Runtime.Available(Application, "in-review", ["LegalReviewer"], new AllHold()).Select(t => t.Trigger)
            .ShouldBe(["return-reply", "approve-reply"]);
        Runtime.Available(Application, "processing", ["LegalReviewer"], new AllHold()).ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_is_offered_in_the_archive()
    {
        Runtime.Available(Application, "archived", ["Clerk", "LegalReviewer", "Manager", "Admin"], new AllHold()).ShouldBeEmpty();
    }
}
