using DisclosureCases.Letters;
using static DisclosureCases.Tests.Letters.Letters;

namespace DisclosureCases.Tests.Letters;

/// <summary>
/// One named fact per required element of DOMAIN.md §5: a valid reply with that one element taken away fails the linter
/// with the file, the line and the element. The fixture below passes; each fact blanks one of its lines (line numbers
/// stay where they are).
/// </summary>
public class TemplateLinterTests
{
    const string Source = "templates/reply-withhold-third-party.hbs";

    const string Valid = """
        ---
        document: reply
        outcomes: [withhold-third-party]
        basis: 第15条
        version: 1
        ---
        {{#heading}}{{agency.name}}{{/heading}}
        {{#title}}政府信息公开申请答复书{{/title}}
        {{#number}}{{letter.number}}{{/number}}
        {{#addressee}}{{applicant.name}}：{{/addressee}}
        {{#recital}}本机关于{{date case.receivedOn}}收到{{applicant.you}}要求获取“{{case.request}}”的政府信息公开申请。{{/recital}}
        {{#decision}}经审查，{{applicant.you}}申请获取的政府信息涉及第三方的商业秘密，本机关决定不予公开。{{/decision}}
        {{#reasons}}理由如下：{{slot "reasons" label="不予公开的理由" multiline=true}}{{/reasons}}
        {{#basis}}本答复依据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定作出。{{/basis}}
        {{#remedies}}{{applicant.you}}如对本答复不服，可以在收到本答复之日起60日内向{{agency.reviewBody}}申请行政复议，或者在收到本答复之日起6个月内向{{agency.court}}提起行政诉讼。{{/remedies}}
        {{#seal}}{{agency.sealText}}{{/seal}}
        {{#dateline}}{{date letter.issuedOn}}{{/dateline}}
        """;

    static IReadOnlyList<string> Lint(string text, string id = "reply-withhold-third-party") =>
        Linter.Check(text, id, $"templates/{id}.hbs").Select(e => e.ToString()).ToList();

    /// <summary>The fixture with line <paramref name="line"/> (1-based) emptied.</summary>
    static string Without(int line)
    {
        var lines = Valid.Split('\n');
        lines[line - 1] = "";
        return string.Join("\n", lines);
    }

    static string Replaced(string oldText, string newText)
    {
        Valid.ShouldContain(oldText);
        return Valid.Replace(oldText, newText);
    }

    [Fact]
    public void The_fixture_itself_passes() => Lint(Valid).ShouldBeEmpty();

    [Fact]
    public void A_reply_without_the_agency_name_fails() =>
        Lint(Without(7)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#heading}}}} 机关名称");

    [Fact]
    public void A_reply_without_a_title_fails() =>
        Lint(Without(8)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#title}}}} 标题");

    [Fact]
    public void A_reply_whose_title_is_not_the_catalog_title_fails() =>
        Lint(Replaced("政府信息公开申请答复书", "政府信息公开申请回复")).ShouldBe([
            $"{Source}:8: the title should contain “政府信息公开申请答复书” (templates/catalog.yaml)",
        ]);

    [Fact]
    public void A_reply_without_a_document_number_fails() =>
        Lint(Without(9)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#number}}}} 文号");

    [Fact]
    public void A_reply_without_an_addressee_fails() =>
        Lint(Without(10)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#addressee}}}} 主送（申请人）");

    [Fact]
    public void A_reply_without_the_recital_fails() =>
        Lint(Without(11)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#recital}}}} 收到申请的叙述");

    [Fact]
    public void A_recital_without_the_date_of_receipt_fails() =>
        Lint(Replaced("本机关于{{date case.receivedOn}}收到", "本机关收到")).ShouldBe([
            $"{Source}:11: the recital should state the date of receipt, {{{{date case.receivedOn}}}} (条例第31条)",
        ]);

    [Fact]
    public void A_reply_without_the_decision_fails() =>
        Lint(Without(12)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#decision}}}} 答复决定");

    [Fact]
    public void A_refusal_without_reasons_fails() =>
        Lint(Without(13)).ShouldHaveSingleItem().ShouldStartWith(
            $"{Source}:7: missing element {{{{#reasons}}}} 理由 (outcome 'withhold-third-party'): outcome 'withhold-third-party' refuses the request");

    [Fact]
    public void Reasons_written_into_the_template_instead_of_a_slot_fail() =>
        Lint(Replaced("""理由如下：{{slot "reasons" label="不予公开的理由" multiline=true}}""", "理由如下：涉及商业秘密。")).ShouldBe([
            $"{Source}:13: the reasons element should hold a slot the clerk must fill: the reasons are particular to each case",
        ]);

    [Fact]
    public void A_reply_without_the_legal_basis_fails() =>
        Lint(Without(14)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#basis}}}} 法律依据 (outcome 'withhold-third-party'): the legal basis, article and item: 第十五条");

    [Fact]
    public void A_legal_basis_citing_another_article_than_outcomes_yaml_fails() =>
        Lint(Replaced("第十五条、", "第十四条、")).ShouldBe([
            $"{Source}:14: the legal basis should cite 第十五条 (第15条) (outcome 'withhold-third-party')",
        ]);

    [Fact]
    public void A_header_basis_that_differs_from_outcomes_yaml_fails() =>
        Lint(Replaced("basis: 第15条", "basis: 第14条")).ShouldBe([
            $"{Source}:4: 'basis' should include 第15条 (workflows/outcomes.yaml)",
        ]);

    [Fact]
    public void A_reply_without_the_remedies_clause_fails() =>
        Lint(Without(15)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#remedies}}}} 救济途径");

    [Fact]
    public void A_remedies_clause_without_60_days_fails() =>
        Lint(Replaced("60日内", "法定期限内")).ShouldBe([
            $"{Source}:15: the remedies clause should state the 60日 of 行政复议法第20条 (“60日”)",
        ]);

    [Fact]
    public void A_remedies_clause_without_6_months_fails() =>
        Lint(Replaced("6个月内", "法定期限内")).ShouldBe([
            $"{Source}:15: the remedies clause should state the 6个月 of 行政诉讼法第46条 (“6个月”)",
        ]);

    [Fact]
    public void A_remedies_clause_without_the_review_body_fails() =>
        Lint(Replaced("向{{agency.reviewBody}}申请", "向上海市静安区人民政府申请")).ShouldBe([
            $"{Source}:15: the remedies clause should name the 复议机关, {{{{agency.reviewBody}}}} (本级人民政府, or the 上一级主管部门 of a vertical agency)",
        ]);

    [Fact]
    public void A_remedies_clause_without_the_court_fails() =>
        Lint(Replaced("向{{agency.court}}提起", "向人民法院提起")).ShouldBe([
            $"{Source}:15: the remedies clause should name the court, {{{{agency.court}}}}",
        ]);

    [Fact]
    public void A_remedies_clause_with_a_slot_fails_because_statutory_text_is_locked() =>
        Lint(Replaced("提起行政诉讼。{{/remedies}}", """提起行政诉讼。{{slot "note" label="补充"}}{{/remedies}}""")).ShouldBe([
            $"{Source}:15: the remedies clause is statutory text: it holds no slot the clerk could change",
        ]);

    [Fact]
    public void A_remedies_clause_inside_a_condition_fails() =>
        Lint(Replaced("{{#remedies}}", "{{#if agency.court}}{{#remedies}}").Replace("{{/remedies}}", "{{/remedies}}{{/if}}")).ShouldBe([
            $"{Source}:15: element {{{{#remedies}}}} 救济途径 is inside a condition: a letter could go out without it",
        ]);

    [Fact]
    public void A_reply_without_the_seal_fails() =>
        Lint(Without(16)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#seal}}}} 印章");

    [Fact]
    public void A_reply_without_the_date_fails() =>
        Lint(Without(17)).ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: missing element {{{{#dateline}}}} 成文日期");

    [Fact]
    public void A_value_printed_with_three_braces_fails_because_it_would_not_be_escaped() =>
        Lint(Replaced("{{applicant.name}}：", "{{{applicant.name}}}：")).ShouldBe([
            $"{Source}:10: 'applicant.name' would be printed without HTML escaping; write {{{{applicant.name}}}} with two braces",
        ]);

    [Fact]
    public void A_misspelt_field_fails_with_its_line() =>
        Lint(Replaced("{{agency.sealText}}", "{{agency.sealtext}}")).ShouldBe([
            $"{Source}:16: unknown field 'agency.sealtext' (fields: templates/README.md)",
            $"{Source}:16: element {{{{#seal}}}} should print {{{{agency.sealText}}}}",
        ]);

    [Fact]
    public void Html_in_the_template_text_fails() =>
        Lint(Replaced("本机关决定不予公开。", "本机关<b>决定不予公开</b>。")).ShouldBe([
            $"{Source}:12: write text, not HTML: '<' and '>' are not allowed in a template (the renderer lays the letter out)",
        ]);

    [Fact]
    public void Text_outside_an_element_fails() =>
        Lint(Valid + "\n特此答复。").ShouldBe([
            $"{Source}:18: text outside an element: “特此答复。” (put it in {{{{#para}}}}…{{{{/para}}}} or another element)",
        ]);

    [Fact]
    public void An_unclosed_element_fails_with_the_line_it_opens_on() =>
        Lint(Replaced("{{/decision}}", "")).ShouldContain($"{Source}:12: '{{{{#decision}}}}' is never closed with '{{{{/decision}}}}'");

    [Fact]
    public void A_slot_without_a_label_fails() =>
        Lint(Replaced("""{{slot "reasons" label="不予公开的理由" multiline=true}}""", """{{slot "reasons"}}""")).ShouldBe([
            $"{Source}:13: slot 'reasons' needs a label=\"…\": the clerk sees it on the form and in the draft",
        ]);

    [Fact]
    public void A_reply_named_after_another_outcome_fails() =>
        Lint(Valid, "reply-withhold-internal").ShouldBe([
            "templates/reply-withhold-internal.hbs:1: the template for outcome 'withhold-third-party' must be named reply-withhold-third-party.hbs",
        ]);

    [Fact]
    public void An_unknown_outcome_fails() =>
        Lint(Replaced("[withhold-third-party]", "[withhold-secret]"), "reply-withhold-secret").ShouldContain(
            "templates/reply-withhold-secret.hbs:3: unknown outcome 'withhold-secret' (not in workflows/outcomes.yaml)");

    [Fact]
    public void A_header_without_a_version_fails() =>
        Lint(Without(5)).ShouldBe([$"{Source}:2: the header is missing 'version' (1 for a new template; raise it for every change)"]);

    [Fact]
    public void A_refusing_outcome_without_an_article_cannot_declare_basis_none()
    {
        var text = Replaced("outcomes: [withhold-third-party]", "outcomes: [reject-confirmation]").Replace("basis: 第15条", "basis: none");
        Lint(text, "reply-reject-confirmation").ShouldContain(
            "templates/reply-reject-confirmation.hbs:4: outcome 'reject-confirmation' refuses the request, so its reply must cite a legal basis; 'basis: none' is not enough");
    }

    [Fact]
    public void Every_outcome_needs_a_template_and_only_one()
    {
        var templates = Library.Templates.Where(t => t.Id != "reply-disclose").ToList();
        templates.Add(Library.Find("reply-partial")!);
        var errors = Linter.CheckCoverage(templates).Select(e => e.ToString()).ToList();
        errors.ShouldContain(e => e.StartsWith("workflows/outcomes.yaml:") && e.EndsWith("outcome 'disclose' has no reply template (add templates/reply-disclose.hbs)"));
        errors.ShouldContain(e => e.EndsWith("outcome 'partial' is answered by more than one template: reply-partial, reply-partial"));
    }

    [Fact]
    public void A_document_type_without_a_template_is_reported_against_the_catalog() =>
        Linter.CheckCoverage(Library.Templates.Where(t => t.Id != "fee-notice").ToList()).Select(e => e.ToString())
            .ShouldHaveSingleItem().ShouldMatch(@"^templates/catalog\.yaml:\d+: document 'fee-notice' has no template \(add templates/fee-notice\.hbs\)$");

    [Fact]
    public void A_template_that_fails_only_when_rendered_is_reported_at_the_start_of_its_body() =>
        Lint(Replaced("{{#seal}}{{agency.sealText}}{{/seal}}", "{{#seal}}{{agency.sealText}}{{ordinal \"x\"}}{{/seal}}"))
            .ShouldHaveSingleItem().ShouldStartWith($"{Source}:7: the template does not render for outcome 'withhold-third-party': ");
}
