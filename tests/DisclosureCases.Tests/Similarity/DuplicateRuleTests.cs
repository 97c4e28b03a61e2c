using DisclosureCases.Similarity;

namespace DisclosureCases.Tests.Similarity;

public class DuplicateRuleTests
{
    const string Earlier = "申请公开彭浦新村12号楼既有多层住宅加装电梯的建设工程规划许可证和公示材料";
    const string Again = "本人再次申请公开彭浦新村12号楼既有多层住宅加装电梯的建设工程规划许可证和公示材料。";

    [Fact]
    public void The_same_applicant_asking_again_in_other_words_is_a_repeat() =>
        DuplicateRule.IsRepeat("31010119800101001X", Again, "31010119800101001x", Earlier, earlierAnswered: true).ShouldBeTrue();

    [Fact]
    public void Another_applicant_asking_the_same_is_never_a_repeat() =>
        DuplicateRule.IsRepeat("31010119800101001X", Again, "310101198501010020", Earlier, earlierAnswered: true).ShouldBeFalse();

    [Fact]
    public void An_application_not_yet_answered_is_not_cited() =>
        DuplicateRule.IsRepeat("31010119800101001X", Again, "31010119800101001X", Earlier, earlierAnswered: false).ShouldBeFalse();

    [Fact]
    public void The_same_wording_about_another_house_is_another_request() =>
        DuplicateRule.NearIdentical(Earlier, Earlier.Replace("12号", "14号", StringComparison.Ordinal)).ShouldBeFalse();

    [Fact]
    public void An_empty_identity_number_matches_nobody() =>
        DuplicateRule.SameApplicant("", "").ShouldBeFalse();
}
