using DisclosureCases.Letters;

namespace DisclosureCases.Tests.Letters;

public class StatuteCitationTests
{
    [Theory]
    [InlineData("第14条", "第十四条")]
    [InlineData("第2条", "第二条")]
    [InlineData("第10条", "第十条")]
    [InlineData("第20条", "第二十条")]
    [InlineData("第36条（二）", "第三十六条第（二）项")]
    [InlineData("第16条第2款", "第十六条第二款")]
    [InlineData("第39条第1款", "第三十九条第一款")]
    [InlineData("第33条第3款", "第三十三条第三款")]
    public void A_data_file_reference_is_printed_in_Chinese_numerals(string reference, string printed) =>
        StatuteCitation.ToChinese(reference).ShouldBe(printed);

    [Theory]
    [InlineData("第36条至第39条")]
    [InlineData("36")]
    [InlineData("第十五条")]
    public void Anything_else_is_not_a_single_reference(string text) => StatuteCitation.ToChinese(text).ShouldBeNull();

    [Fact]
    public void A_list_of_references_is_split_on_the_enumeration_comma() =>
        StatuteCitation.Split("第30条、第42条").ShouldBe(["第30条", "第42条"]);
}
