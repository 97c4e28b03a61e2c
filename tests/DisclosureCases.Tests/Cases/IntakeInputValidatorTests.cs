using DisclosureCases.Cases;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Cases;

public class IntakeInputValidatorTests
{
    static readonly IntakeInputValidator Validator = new(new FixedTime(new DateOnly(2026, 11, 20)));

    static IntakeInput Valid() => new()
    {
        Channel = Channel.InPerson,
        ArrivedOn = new DateOnly(2026, 11, 19),
        ApplicantKind = ApplicantKind.NaturalPerson,
        ApplicantName = "刘志强",
        IdType = IdDocumentType.ResidentIdCard,
        IdNumber = "11010519491231002X",
        Phone = "13812345678",
        Address = "上海市静安区共和新路1000号",
        Description = "静安区大宁路街道325街坊旧区改造项目的房屋征收决定及补偿方案",
        ProvisionForm = ProvisionForm.Paper,
        DeliveryMethod = DeliveryMethod.Post,
    };

    static IEnumerable<string> Errors(IntakeInput input, string property) =>
        Validator.Validate(input).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage);

    [Fact]
    public void A_complete_application_has_no_errors() => Validator.Validate(Valid()).Errors.ShouldBeEmpty();

    [Fact]
    public void An_id_card_with_a_wrong_check_digit_is_named_and_explained()
    {
        var input = Valid();
        input.IdNumber = "110105194912310021";
        Errors(input, nameof(IntakeInput.IdNumber)).ShouldContain(m => m.Contains("「证件号码」") && m.Contains("校验位"));
    }

    [Fact]
    public void An_organisation_needs_a_valid_credit_code_and_its_sub_kind()
    {
        var input = Valid();
        input.ApplicantKind = ApplicantKind.Organization;
        input.IdType = IdDocumentType.UnifiedSocialCreditCode;
        input.IdNumber = "91350100M000100Y44";
        Errors(input, nameof(IntakeInput.IdNumber)).ShouldContain(m => m.Contains("统一社会信用代码"));
        Errors(input, nameof(IntakeInput.OrganizationKind)).ShouldContain(m => m.Contains("「组织类别」"));
    }

    [Fact]
    public void An_arrival_date_in_the_future_is_refused()
    {
        var input = Valid();
        input.ArrivedOn = new DateOnly(2026, 11, 21);
        Errors(input, nameof(IntakeInput.ArrivedOn)).ShouldContain("「到达日期」不能晚于今天");
    }

    [Fact]
    public void Registered_mail_needs_the_signed_for_date()
    {
        var input = Valid();
        input.Channel = Channel.RegisteredMail;
        Errors(input, nameof(IntakeInput.ConfirmedOn)).ShouldContain(m => m.Contains("签收日期") && m.Contains("第三十一条"));
    }

    [Fact]
    public void A_confirmation_before_arrival_is_refused()
    {
        var input = Valid();
        input.Channel = Channel.Online;
        input.ConfirmedOn = new DateOnly(2026, 11, 18);
        Errors(input, nameof(IntakeInput.ConfirmedOn)).ShouldContain("双方确认日期不能早于到达日期");
    }

    [Fact]
    public void Delivery_by_post_needs_an_address()
    {
        var input = Valid();
        input.Address = null;
        Errors(input, nameof(IntakeInput.Address)).ShouldContain("获取方式为邮寄时「通信地址」为必填项");
    }

    [Fact]
    public void Control_characters_and_oversized_text_are_refused_with_the_field_named()
    {
        var input = Valid();
        input.ApplicantName = "刘\u0007志强";
        input.Description = new string('征', 4001);
        Errors(input, nameof(IntakeInput.ApplicantName)).ShouldContain("「申请人姓名/名称」含有不可见的控制字符");
        Errors(input, nameof(IntakeInput.Description)).ShouldContain("「所需信息描述」不能超过4000个字符");
    }

    [Fact]
    public void A_bad_phone_number_is_refused()
    {
        var input = Valid();
        input.Phone = "12345";
        Errors(input, nameof(IntakeInput.Phone)).ShouldContain(m => m.StartsWith("「联系电话」格式不正确"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_missing_phone_number_is_refused(string? phone)
    {
        var input = Valid();
        input.Phone = phone!;
        Errors(input, nameof(IntakeInput.Phone)).ShouldBe(["「联系电话」为必填项"]);
    }
}

public class IntakeInputValidatorKeptTests
{
    [Fact]
    public void One_validator_is_kept_for_each_clock()
    {
        var clock = new FixedTime(new DateOnly(2026, 11, 20));
        IntakeInputValidator.For(clock).ShouldBeSameAs(IntakeInputValidator.For(clock));
        IntakeInputValidator.For(clock).ShouldNotBeSameAs(IntakeInputValidator.For(new FixedTime(new DateOnly(2026, 11, 20))));
    }

    [Fact]
    public void A_kept_validator_reads_today_from_its_clock_at_every_validation()
    {
        var clock = new FixedTime(new DateOnly(2026, 11, 20));
        var validator = IntakeInputValidator.For(clock);
        var input = new IntakeInput
        {
            Channel = Channel.InPerson, ArrivedOn = new DateOnly(2026, 11, 21), ApplicantKind = ApplicantKind.NaturalPerson,
            ApplicantName = "刘志强", IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = "13812345678",
            Address = "上海市静安区共和新路1000号", Description = "静安区大宁路街道325街坊旧区改造项目的房屋征收决定及补偿方案",
            ProvisionForm = ProvisionForm.Paper, DeliveryMethod = DeliveryMethod.Post,
        };
        validator.Validate(input).Errors.ShouldContain(e => e.PropertyName == nameof(IntakeInput.ArrivedOn) && e.ErrorMessage.Contains("不能晚于今天"));

        clock.Advance(TimeSpan.FromDays(1));
        IntakeInputValidator.For(clock).ShouldBeSameAs(validator);
        validator.Validate(input).Errors.ShouldBeEmpty();
    }
}
