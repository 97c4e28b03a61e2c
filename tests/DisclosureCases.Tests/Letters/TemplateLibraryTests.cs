using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using static DisclosureCases.Tests.Letters.Letters;

namespace DisclosureCases.Tests.Letters;

/// <summary>The templates of the checkout: all pass the linter and together answer every outcome.</summary>
public class TemplateLibraryTests
{
    public static TheoryData<string> TemplateFiles() => new(TemplateLibrary.Files(RepoPaths.Templates).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_template_in_the_checkout_passes_the_linter(string file)
    {
        var path = Path.Combine(RepoPaths.Templates, file);
        Linter.Check(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), $"templates/{file}").ShouldBeEmpty();
    }

    [Fact]
    public void The_library_covers_the_catalog_and_every_outcome() =>
        Linter.CheckDirectory(RepoPaths.Templates).ShouldBeEmpty();

    [Fact]
    public void Each_outcome_is_answered_by_reply_and_its_code_except_the_two_closures_of_the_no_further_processing_notice()
    {
        foreach (var outcome in Outcomes.Outcomes)
        {
            var expected = outcome.Code is "other-no-correction" or "other-unpaid-fee" ? "no-further-processing" : "reply-" + outcome.Code;
            Library.ForOutcome(outcome.Code).ShouldNotBeNull(outcome.Code).Id.ShouldBe(expected);
        }
    }

    [Fact]
    public void A_reply_letter_is_found_by_document_type_and_outcome()
    {
        Library.ForLetter(Documents.Find("reply")!, "withhold-process")!.Id.ShouldBe("reply-withhold-process");
        Library.ForLetter(Documents.Find("reply")!, null).ShouldBeNull();
        Library.ForLetter(Documents.Find("correction-notice")!, null)!.Id.ShouldBe("correction-notice");
    }

    [Fact]
    public void Every_letter_the_workflow_issues_has_a_template()
    {
        var issued = File.ReadLines(Path.Combine(RepoPaths.Workflows, "application.yaml"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("- letter: ", StringComparison.Ordinal))
            .Select(l => l["- letter: ".Length..].Trim()).Distinct().ToList();
        issued.ShouldNotBeEmpty();
        foreach (var id in issued)
        {
            var document = Documents.Find(id).ShouldNotBeNull(id);
            if (!document.PerOutcome) Library.Find(id).ShouldNotBeNull(id);
        }
    }

    [Fact]
    public void Every_template_renders_with_sample_data_and_names_the_agency()
    {
        foreach (var template in Library.Templates)
            foreach (var outcome in template.Outcomes.DefaultIfEmpty())
            {
                var letter = LetterRenderer.Render(template, SampleData(outcome));
                letter.Document.PlainText.ShouldContain(SampleLetterData.DistrictAgency.Name, customMessage: template.Id);
            }
    }
}
