using DisclosureCases.Tests.Support;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Workflow;

/// <summary>
/// One fixture per kind of mistake, under Fixtures/invalid/. Each must be refused with exactly one message naming the
/// file, the line to fix and what is wrong there.
/// </summary>
public class InvalidDefinitionTests
{
    static readonly string FixtureDir = Path.Combine(RepoPaths.Root, "tests", "DisclosureCases.Tests", "Workflow", "Fixtures", "invalid");

    public static TheoryData<string, int, string> Cases => new()
    {
        { "malformed-yaml", 18, "malformed YAML: While scanning a quoted scalar, found unexpected end of stream." },
        { "not-a-workflow", 2, "the file is not marked as a workflow definition: add 'kind: workflow' at the top" },
        { "unknown-key", 26, "field 'handler' of transition 'register' has an unknown key 'requried' (allowed: name, label, type, required, hint, options, rules, exclude)" },
        { "unknown-state", 20, "transition 'register' goes to unknown state 'procesing'" },
        { "unknown-from-state", 24, "transition 'archive' starts from unknown state 'proccessing'" },
        { "unreachable-state", 12, "state 'orphan' cannot be reached from the initial state 'received'" },
        { "dead-end-state", 12, "state 'stuck' is not final, but no transition leaves it; a case there could never end" },
        { "duplicate-trigger", 29, "state 'processing' already has a transition with trigger 'archive' (line 22)" },
        { "unknown-role", 21, "transition 'register' allows unknown role 'Clrek' (known: Admin, Clerk, LegalReviewer, Manager, Partner)" },
        { "unknown-effect", 29, "transition 'archive' has unknown effect 'notify' (known: clock, letter, set, assign-case-number, archive)" },
        { "unknown-clock-event", 23, "transition 'register' records unknown clock event 'registered' (known: answer-submitted, consultation-ended, consultation-started, copy-received, correction-received, correction-requested, decision-extended, decision-served, extension-approved, hearing-held, received, replied, review-accepted)" },
        { "unknown-letter", 23, "transition 'register' produces unknown letter 'receipt-slip' (not a document id of the catalog)" },
        { "unknown-condition", 23, "transition 'register' has a guard with unknown condition 'applicant-is-nice' (known: correction-not-requested-before, correction-period-over, decision-not-extended, extension-not-used, fee-period-over, handler-assigned, outcome-selected)" },
        { "unknown-field-type", 25, "field 'received-on' of transition 'register' has unknown type 'dat' (known: text, textarea, date, choice, outcome, user, number)" },
        { "unknown-case-field", 28, "transition 'register' sets unknown case field 'handler-name' (known: case-number, correction-due, decided-on, deferred-reply-due, delivered-on, fee-due, handler, mailing-method, outcome, posted-on, reply-reasons, return-reason, returned-on, tracking-number)" },
        { "unknown-outcome", 29, "transition 'archive' sets outcome to unknown outcome 'withdrawn'" },
        { "unknown-deadline", 12, "state 'processing' watches unknown deadline 'reply-by' (known: appeal, consultation-answer, correction-answer, correction-notice, defence, reply, review-answer, review-decision, review-report)" },
        { "undeclared-effect-field", 29, "the clock effect 'received' of transition 'register' takes its date from field 'recieved-on', which the transition does not declare" },
        { "optional-effect-field", 28, "the set effect 'handler' of transition 'register' reads field 'handler', which is not required; mark it 'required: true'" },
        { "missing-initial-state", 6, "no state is marked 'kind: initial'; a definition has exactly one initial state" },
        { "multiple-initial-states", 10, "state 'processing' is marked initial, but so is 'received' (line 7); a definition has exactly one initial state" },
        { "no-final-state", 6, "no state is marked 'kind: final'; a case must be able to end" },
        { "final-state-with-transition", 31, "transition 'reopen' leaves final state 'archived'; a final state has no outgoing transitions" },
        { "choice-without-options", 23, "choice field 'channel' of transition 'register' has no 'options'" },
        { "rule-on-wrong-type", 26, "rule 'not-in-future' applies to date fields, but field 'amount' of transition 'register' is a number field" },
        { "two-primary-transitions", 35, "state 'processing' already has a primary transition, 'archive' (line 22); at most one per state" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_definition_with_a_mistake_is_refused_naming_file_line_and_problem(string fixture, int line, string message)
    {
        var ex = Should.Throw<WorkflowDefinitionException>(
            () => WorkflowLoader.LoadFile(Path.Combine(FixtureDir, fixture + ".yaml"), TestVocabulary.Standard));

        var error = ex.Errors.ShouldHaveSingleItem();
        error.Source.ShouldBe($"invalid/{fixture}.yaml");
        error.Line.ShouldBe(line);
        error.Message.ShouldBe(message);
        ex.Message.ShouldBe($"invalid/{fixture}.yaml:{line}: {message}");
    }

    [Fact]
    public void Several_mistakes_are_all_reported_in_line_order_without_follow_on_noise()
    {
        var ex = Should.Throw<WorkflowDefinitionException>(
            () => WorkflowLoader.LoadFile(Path.Combine(FixtureDir, "several-errors.yaml"), TestVocabulary.Standard));

        // The unknown target state leaves 'processing' and 'archived' unreachable as written, but saying so would
        // only bury the one typo that causes it.
        ex.Message.Split('\n').ShouldBe([
            "invalid/several-errors.yaml:20: transition 'register' goes to unknown state 'procesing'",
            "invalid/several-errors.yaml:26: transition 'archive' allows unknown role 'Clark' (known: Admin, Clerk, LegalReviewer, Manager, Partner)",
            "invalid/several-errors.yaml:29: transition 'archive' produces unknown letter 'reply-letter' (not a document id of the catalog)",
        ]);
    }

    [Fact]
    public void Every_fixture_file_is_checked_by_a_test()
    {
        var covered = Cases.Select(row => (string)row[0]).Append("several-errors").ToHashSet();
        Directory.EnumerateFiles(FixtureDir, "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !covered.Contains(name!))
            .ShouldBeEmpty();
    }
}
