using DisclosureCases.Applicants;
using DisclosureCases.Proactive;

namespace DisclosureCases.Tests.Proactive;

public class ProactiveOptionsTests
{
    [Fact]
    public void One_applicant_is_not_several_and_the_message_names_the_setting()
    {
        new ProactiveOptions { MinimumApplicants = 1, ReleasedOutcomes = ["disclose"] }.Problems()
            .ShouldBe(["Proactive:MinimumApplicants 应为不小于2的整数（多个申请人，条例第44条），而不是1"]);
    }

    [Fact]
    public void Settings_without_released_outcomes_are_refused()
    {
        new ProactiveOptions().Problems().ShouldContain(p => p.StartsWith("Proactive:ReleasedOutcomes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_applicant_threshold_is_refused_with_its_name()
    {
        new ApplicantOptions { Thresholds = { Last90Days = -1 } }.Problems()
            .ShouldBe(["Applicants:Thresholds:Last90Days 应为不小于0的整数，而不是-1"]);
    }
}
