using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DisclosureCases.Tests.Support;
using DisclosureCases.Workflow;

namespace DisclosureCases.Tests.Workflow;

public class WorkflowDiagramTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    static readonly WorkflowDefinition Application =
        WorkflowLoader.LoadFile(Path.Combine(RepoPaths.Workflows, "application.yaml"), TestVocabulary.Standard);

    static XDocument Render(WorkflowDefinition definition, string? current) =>
        XDocument.Parse(WorkflowDiagram.RenderSvg(definition, current));

    static IEnumerable<XElement> StateGroups(XDocument svg) =>
        svg.Descendants(Svg + "g").Where(g => g.Attribute("data-state") is not null);

    [Fact]
    public void The_diagram_is_an_svg_document_titled_with_the_process_and_version()
    {
        var svg = Render(Application, null);
        svg.Root!.Name.ShouldBe(Svg + "svg");
        svg.Root.Element(Svg + "title")!.Value.ShouldBe("政府信息公开申请办理（第1版）");
    }

    [Fact]
    public void Every_state_is_drawn_as_a_box_with_its_chinese_title()
    {
        var texts = StateGroups(Render(Application, null))
            .ToDictionary(g => g.Attribute("data-state")!.Value, g => g.Element(Svg + "text")!.Value);
        texts.ShouldBe(Application.States.ToDictionary(s => s.Name, s => s.Title), ignoreOrder: true);
    }

    [Fact]
    public void Every_transition_is_drawn_as_an_arrow_between_its_states()
    {
        var arrows = Render(Application, null).Descendants(Svg + "g")
            .Where(g => g.Attribute("data-transition") is not null)
            .SelectMany(g => g.Attribute("data-transition")!.Value.Split(' ')
                .Select(trigger => $"{trigger}: {g.Attribute("data-from")!.Value} -> {g.Attribute("data-to")!.Value}"))
            .ToHashSet();
        var expected = Application.Transitions.SelectMany(t => t.From.Select(from => $"{t.Trigger}: {from} -> {t.To}"));
        arrows.ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public void Every_transition_title_is_written_on_the_diagram_once()
    {
        var labels = Render(Application, null).Descendants(Svg + "g")
            .Where(g => g.Attribute("data-label-for") is not null)
            .SelectMany(g => g.Element(Svg + "text")!.Value.Split(" / "))
            .ToList();
        labels.ShouldBe(Application.Transitions.Select(t => t.Title), ignoreOrder: true);
    }

    [Fact]
    public void The_current_state_and_only_it_is_highlighted()
    {
        var marked = StateGroups(Render(Application, "in-review")).Where(g => g.Attribute("data-current")?.Value == "true").ToList();
        marked.ShouldHaveSingleItem().Attribute("data-state")!.Value.ShouldBe("in-review");
        marked[0].Element(Svg + "rect")!.Attribute("fill")!.Value.ShouldNotBe("#ffffff");
        marked[0].Element(Svg + "text")!.Attribute("font-weight")!.Value.ShouldBe("bold");
    }

    [Fact]
    public void Without_a_current_state_nothing_is_highlighted()
    {
        StateGroups(Render(Application, null)).ShouldAllBe(g => g.Attribute("data-current") == null);
    }

    [Fact]
    public void The_final_state_has_a_double_border_and_the_others_a_single_one()
    {
        foreach (var group in StateGroups(Render(Application, null)))
        {
            var final = group.Attribute("data-state")!.Value == "archived";
            group.Attribute("data-kind")!.Value.ShouldBe(final ? "final" : group.Attribute("data-state")!.Value == "received" ? "initial" : "normal");
            group.Elements(Svg + "rect").Count().ShouldBe(final ? 2 : 1, group.Attribute("data-state")!.Value);
        }
    }

    [Fact]
    public void A_current_state_the_definition_lacks_is_refused()
    {
        Should.Throw<ArgumentException>(() => WorkflowDiagram.RenderSvg(Application, "closed"));
    }

    [Fact]
    public void The_same_definition_gives_the_same_text_in_any_culture()
    {
        var first = WorkflowDiagram.RenderSvg(Application, "processing");
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // a decimal comma would break the coordinates
            WorkflowDiagram.RenderSvg(Application, "processing").ShouldBe(first);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_diagram_needs_nothing_from_outside()
    {
        var text = WorkflowDiagram.RenderSvg(Application, "processing");
        text.ShouldNotContain("<script", Case.Insensitive);
        text.ShouldNotContain("href", Case.Insensitive);
        text.ShouldNotContain("@import", Case.Insensitive);
        text.ShouldNotContain("<style", Case.Insensitive);
        Regex.Matches(text, @"url\((?!#)").ShouldBeEmpty();
        Regex.Matches(text, "https?://").Select(m => text.Substring(m.Index, 26)).Distinct()
            .ShouldBe(["http://www.w3.org/2000/svg"]); // the namespace name, never fetched
    }

    [Fact]
    public void Titles_with_markup_characters_are_escaped_not_interpreted()
    {
        var definition = WorkflowLoader.Parse("""
            kind: workflow
            id: escape
            version: 1
            title: "A & B <审批>"
            states:
              - { name: open, title: "\"开始\" & <b>", kind: initial }
              - { name: closed, title: "结束'", kind: final }
            transitions:
              - { trigger: close, title: "<script>alert(1)</script>", from: open, to: closed, roles: [Clerk] }
            """, "escape.yaml", TestVocabulary.Standard);

        var svg = Render(definition, "open");
        svg.Root!.Element(Svg + "title")!.Value.ShouldBe("A & B <审批>（第1版）");
        StateGroups(svg).Select(g => g.Element(Svg + "text")!.Value).ShouldBe(["\"开始\" & <b>", "结束'"]);
        svg.Descendants(Svg + "script").ShouldBeEmpty();
        svg.Descendants(Svg + "b").ShouldBeEmpty();
    }

    [Fact]
    public void A_loop_is_drawn_for_an_action_that_keeps_the_case_in_its_state()
    {
        var loop = Render(Application, null).Descendants(Svg + "g")
            .Single(g => g.Attribute("data-transition")?.Value == "notify-third-party");
        loop.Attribute("data-from")!.Value.ShouldBe("processing");
        loop.Attribute("data-to")!.Value.ShouldBe("processing");
    }
}
