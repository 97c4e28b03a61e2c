using DisclosureCases.Letters;

namespace DisclosureCases.Tests.Letters;

public class TemplateDiffTests
{
    static string Show(string a, string b) => string.Join("|", TemplateDiff.Lines(a, b));

    [Fact]
    public void Equal_texts_are_all_unchanged() =>
        TemplateDiff.Lines("a\nb\n", "a\nb").ShouldAllBe(l => l.Kind == DiffKind.Unchanged);

    [Fact]
    public void An_inserted_line_is_the_only_addition() => Show("a\nb\nc", "a\nb\nx\nc").ShouldBe("  a|  b|+ x|  c");

    [Fact]
    public void A_deleted_line_is_the_only_removal() => Show("a\nb\nc", "a\nc").ShouldBe("  a|- b|  c");

    [Fact]
    public void A_replaced_line_is_removed_before_its_replacement_is_added() => Show("a\nb\nc", "a\nB\nc").ShouldBe("  a|- b|+ B|  c");

    [Fact]
    public void Line_numbers_refer_to_each_side()
    {
        var lines = TemplateDiff.Lines("a\nb\nc", "x\na\nc");
        lines.ShouldBe([
            new DiffLine(DiffKind.Added, "x", null, 1),
            new DiffLine(DiffKind.Unchanged, "a", 1, 2),
            new DiffLine(DiffKind.Removed, "b", 2, null),
            new DiffLine(DiffKind.Unchanged, "c", 3, 3),
        ]);
    }

    [Fact]
    public void Windows_line_endings_do_not_count_as_changes() => Show("a\r\nb", "a\nb").ShouldBe("  a|  b");

    [Fact]
    public void From_nothing_every_line_is_added() => Show("", "a\nb").ShouldBe("+ a|+ b");
}
