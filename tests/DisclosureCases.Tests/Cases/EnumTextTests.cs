using DisclosureCases.Cases;
using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Tests.Cases;

/// <summary><see cref="EnumText"/>: an enum value's display name, the same on every ask, its own name when it has none.</summary>
public class EnumTextTests
{
    enum Plain { Unnamed }

    [Fact]
    public void A_value_reads_as_its_display_name_every_time_through_either_overload()
    {
        for (var i = 0; i < 3; i++)
        {
            EnumText.Of(ApplicantKind.NaturalPerson).ShouldBe("自然人");
            EnumText.Of((Enum)ApplicantKind.Organization).ShouldBe("法人或其他组织");
        }
        EnumText.All<ApplicantKind>().ShouldBe([(ApplicantKind.NaturalPerson, "自然人"), (ApplicantKind.Organization, "法人或其他组织")]);
    }

    [Fact]
    public void A_value_without_a_display_name_or_outside_the_enum_reads_as_its_name_or_number()
    {
        EnumText.Of(Plain.Unnamed).ShouldBe("Unnamed");
        EnumText.Of((ApplicantKind)77).ShouldBe("77");
        EnumText.Of((ApplicantKind)77).ShouldBe("77");
    }
}
