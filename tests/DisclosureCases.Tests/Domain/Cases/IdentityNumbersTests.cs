using DisclosureCases.Domain.Cases;

namespace DisclosureCases.Tests.Domain.Cases;

public class IdentityNumbersTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example, check character X
    [InlineData("11010519491231002x")] // a lower-case x is what people type
    [InlineData("310106199003074417")]
    public void A_resident_id_with_the_right_check_character_is_accepted(string id) =>
        IdentityNumbers.IsValidResidentId(id).ShouldBeTrue();

    [Theory]
    [InlineData("110105194912310021", "wrong check character")]
    [InlineData("11010519491331002X", "month 13")]
    [InlineData("1101051949123100", "16 characters")]
    [InlineData("11010519491231002XX", "19 characters")]
    [InlineData("A1010519491231002X", "a letter among the digits")]
    [InlineData("", "empty")]
    public void A_malformed_resident_id_is_refused(string id, string why) =>
        IdentityNumbers.IsValidResidentId(id).ShouldBeFalse(why);

    [Fact]
    public void The_check_character_helper_completes_a_valid_resident_id() =>
        IdentityNumbers.IsValidResidentId("31010619900307441" + IdentityNumbers.ResidentIdCheckChar("31010619900307441")).ShouldBeTrue();

    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed in GB 32100-2015
    public void A_credit_code_with_the_right_check_character_is_accepted(string code) =>
        IdentityNumbers.IsValidUnifiedSocialCreditCode(code).ShouldBeTrue();

    [Theory]
    [InlineData("91350100M000100Y44", "wrong check character")]
    [InlineData("91350100M0001O0Y43", "the letter O is not in the set")]
    [InlineData("91350100M000100Y4", "17 characters")]
    public void A_malformed_credit_code_is_refused(string code, string why) =>
        IdentityNumbers.IsValidUnifiedSocialCreditCode(code).ShouldBeFalse(why);

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("021-63211234", true)]
    [InlineData("63211234", true)]
    [InlineData("021-63211234-801", true)]
    [InlineData("12812345678", false)]
    [InlineData("138123456", false)]
    [InlineData("phone", false)]
    public void Phone_numbers_follow_mainland_formats(string phone, bool valid) =>
        IdentityNumbers.IsValidPhone(phone).ShouldBe(valid);
}
