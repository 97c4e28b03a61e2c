using System.Net;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Web;

public class ChineseModelBindingTests(ChineseModelBindingTests.Factory factory) : IClassFixture<ChineseModelBindingTests.Factory>
{
    public sealed class Factory : AppFactory;

    [Fact]
    public async Task An_empty_intake_form_is_refused_in_Chinese_field_by_field()
    {
        var client = await factory.SignInAsync("clerk");

        var response = await client.PostFormAsync("/Cases/New", new()
        {
            ["Input.Channel"] = "InPerson", ["Input.ArrivedOn"] = "2026-01-05", ["Input.ApplicantName"] = "", ["Input.IdNumber"] = "",
            ["Input.Phone"] = "", ["Input.Description"] = "", ["Input.DeliveryMethod"] = "Pickup",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("「申请人姓名/名称」为必填项");
        html.ShouldContain("「联系电话」为必填项");
        html.ShouldNotContain("field is required");
    }

    [Fact]
    public async Task A_value_that_does_not_fit_its_field_is_refused_in_Chinese()
    {
        var client = await factory.SignInAsync("clerk");

        var response = await client.PostFormAsync("/Cases/New", new()
        {
            ["Input.Channel"] = "InPerson", ["Input.ArrivedOn"] = "yesterday", ["Input.ApplicantName"] = "张三",
        });

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("「到达日期」的值「yesterday」无效");
        html.ShouldNotContain("is not valid");
    }
}
