using DisclosureCases.Tests.Support;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Workflow;

/// <summary>
/// The names of workflows/application.yaml are a contract: pages, page tests and stored cases use them. Renaming one
/// must be a deliberate change of this test too.
/// </summary>
public class ApplicationDefinitionTests
{
    static readonly WorkflowDefinition Application =
        WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, "application.yaml"), TestVocabulary.Standard);

    [Fact]
    public void The_states_are_the_agreed_ones_with_their_chinese_titles()
    {
        Application.States.Select(s => (s.Name, s.Title)).ShouldBe([
            ("received", "已接收"),
            ("processing", "办理中"),
            ("awaiting-correction", "待补正"),
            ("consulting", "征求意见中"),
            ("extension-requested", "延期审批中"),
            ("awaiting-fee", "待缴费"),
            ("awaiting-reasons", "待说明理由"),
            ("in-review", "法制审核中"),
            ("replied", "已答复"),
            ("mailed", "已邮寄"),
            ("delivered", "已送达"),
            ("archived", "已归档"),
        ]);
        Application.InitialState.Name.ShouldBe("received");
        Application.States.Where(s => s.IsFinal).Select(s => s.Name).ShouldBe(["archived"]);
        Application.State("archived").ReadOnly.ShouldBeTrue();
    }

    [Fact]
    public void The_transitions_are_the_agreed_triggers_with_their_states_and_roles()
    {
        Application.Transitions.Select(t => $"{t.Trigger}: {string.Join("|", t.From)} -> {t.To} [{string.Join(",", t.Roles)}]").ShouldBe([
            "register: received -> processing [Clerk]",
            "request-correction: processing -> awaiting-correction [Clerk]",
            "receive-correction: awaiting-correction -> processing [Clerk]",
            "close-no-correction: awaiting-correction -> replied [Clerk]",
            "start-consultation: processing -> consulting [Clerk]",
            "end-consultation: consulting -> processing [Clerk]",
            "notify-third-party: processing -> processing [Clerk]",
            "request-extension: processing -> extension-requested [Clerk]",
            "approve-extension: extension-requested -> processing [Manager]",
            "refuse-extension: extension-requested -> processing [Manager]",
            "issue-fee-notice: processing -> awaiting-fee [Clerk]",
            "record-fee-paid: awaiting-fee -> processing [Clerk]",
            "close-unpaid-fee: awaiting-fee -> replied [Clerk]",
            "ask-reasons: processing -> awaiting-reasons [Clerk]",
            "accept-reasons: awaiting-reasons -> processing [Clerk]",
            "reject-reasons: awaiting-reasons -> replied [Clerk]",
            "submit-reply: processing -> in-review [Clerk]",
            "return-reply: in-review -> processing [LegalReviewer]",
            "approve-reply: in-review -> replied [LegalReviewer]",
            "withdraw: processing|awaiting-correction|consulting|extension-requested|awaiting-fee|awaiting-reasons|in-review -> replied [Clerk]",
            "mail: replied -> mailed [Clerk]",
            "mail-returned: mailed -> replied [Clerk]",
            "confirm-delivery: mailed -> delivered [Clerk]",
            "deliver: replied -> delivered [Clerk]",
            "archive: delivered -> archived [Clerk]",
        ]);
    }

    [Fact]
    public void The_main_path_has_one_primary_action_in_every_state_but_the_archive()
    {
        foreach (var state in Application.States.Where(s => !s.IsFinal))
            Application.TransitionsFrom(state.Name).Count(t => t.Primary).ShouldBe(1, $"state '{state.Name}'");
    }

    [Fact]
    public void Every_way_of_closing_without_review_stops_the_reply_clock_and_records_an_outcome()
    {
        // The time-limit report and the annual report both need a reply date and an outcome for every closed case.
        foreach (var trigger in new[] { "close-no-correction", "close-unpaid-fee", "reject-reasons", "withdraw" })
        {
            var effects = Application.FindTrigger(trigger)!.Effects;
            effects.OfType<ClockEffect>().ShouldContain(c => c.Event == "replied", trigger);
            effects.OfType<SetEffect>().ShouldContain(s => s.CaseField == "outcome" && s.Value != null, trigger);
        }
    }

    [Fact]
    public void The_reply_form_offers_every_outcome_but_those_with_their_own_path()
    {
        var field = Application.FindTrigger("submit-reply")!.FindField("outcome")!;
        field.Type.ShouldBe(FieldType.Outcome);
        field.Required.ShouldBeTrue();
        field.ExcludedOutcomes.ShouldBe(["other-no-correction", "other-unpaid-fee", "reject-mass"]);
    }

    [Fact]
    public void Every_letter_of_the_catalog_but_the_postal_papers_is_produced_by_some_transition()
    {
        var produced = Application.Transitions.SelectMany(t => t.Effects).OfType<LetterEffect>().Select(l => l.DocumentId).ToHashSet();
        TestVocabulary.Documents.Ids.Where(id => id is not ("envelope" or "mailing-list"))
            .Where(id => !produced.Contains(id)).ShouldBeEmpty();
    }
}
