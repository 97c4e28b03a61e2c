using DisclosureCases.Tests.Architecture;

namespace DisclosureCases.Tests.Letters;

/// <summary>Letters/ stays free of EF Core, ASP.NET Core and Quartz, so it is tested on its own (the checks of LayeringTests).</summary>
public class LettersLayeringTests
{
    [Fact]
    public void Source_files_of_Letters_name_no_infrastructure_namespace() =>
        new LayeringTests().Source_files_of_a_pure_folder_name_no_infrastructure_namespace("Letters");

    [Fact]
    public void Compiled_types_of_Letters_touch_no_infrastructure_assembly() =>
        new LayeringTests().Compiled_types_of_a_pure_namespace_touch_no_infrastructure_assembly("Letters");
}
