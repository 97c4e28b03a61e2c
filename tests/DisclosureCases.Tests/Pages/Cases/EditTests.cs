using System.Net;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Pages.Cases;

public class EditTests(EditTests.Factory factory) : IClassFixture<EditTests.Factory>
{
    public sealed class Factory : AppFactory;

    static Dictionary<string, string> Form(int version, Action<Dictionary<string, string>>? change = null)
    {
        var form = CasePages.Intake();
        form["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        change?.Invoke(form);
        return form;
    }

    [Fact]
    public async Task A_corrected_phone_and_address_are_saved_and_recorded_with_before_and_after()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        var version = (await factory.LoadCaseAsync(id)).Version;

        var response = await clerk.PostFormAsync($"/Cases/{id}/Edit", Form(version, f =>
        {
            f["Input.Phone"] = "021-63211234";
            f["Input.Address"] = "上海市静安区万荣路700号";
            f["Input.Channel"] = "Email"; // not editable here: must be ignored
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var c = await factory.LoadCaseAsync(id);
        c.Applicant.Phone.ShouldBe("021-63211234");
        c.Applicant.Address.ShouldBe("上海市静安区万荣路700号");
        c.Channel.ShouldBe(DisclosureCases.Domain.Cases.Channel.InPerson);
        c.Version.ShouldBe(version + 1);
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var edited = await db.CaseEvents.Where(e => e.CaseId == id && e.Kind == CaseEventKinds.Edited).SingleAsync();
        edited.Summary.ShouldBe("修改案件信息：联系电话、通信地址");
        edited.Data.ShouldContain("\"before\":\"13812345678\"");
        edited.Data.ShouldContain("\"after\":\"021-63211234\"");
        var events = await db.CaseEvents.Where(e => e.CaseId == id).ToListAsync();
        AuditChain.Verify(events, c.AuditHead, c.AuditCount).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stale_edit_is_refused_naming_who_changed_the_case_and_keeps_what_was_typed()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        var version = (await factory.LoadCaseAsync(id)).Version;
        (await clerk.PostFormAsync($"/Cases/{id}/Edit", Form(version, f => f["Input.Phone"] = "13900001111"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var late = await clerk.PostFormAsync($"/Cases/{id}/Edit", Form(version, f => f["Input.Email"] = "liu@example.cn"));
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await late.Content.ReadAsStringAsync();
        CasePages.Refusal(html).ShouldContain("王晓梅");
        html.ShouldContain("liu@example.cn");
        (await factory.LoadCaseAsync(id)).Applicant.Email.ShouldBeNull();
    }

    [Fact]
    public async Task An_invalid_edit_is_a_400_naming_the_field_and_changes_nothing()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        var version = (await factory.LoadCaseAsync(id)).Version;
        var response = await clerk.PostFormAsync($"/Cases/{id}/Edit", Form(version, f => f["Input.IdNumber"] = "11010519491231002Y"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("「证件号码」不是有效的18位居民身份证号码");
        (await factory.LoadCaseAsync(id)).Version.ShouldBe(version);
    }

    [Fact]
    public async Task Only_clerks_of_the_agency_may_edit()
    {
        var clerk = await factory.SignInAsync("clerk");
        var id = await clerk.ReceiveAsync();
        (await (await factory.SignInAsync("clerk2")).GetAsync($"/Cases/{id}/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var reviewer = await factory.SignInAsync("reviewer");
        var denied = await reviewer.GetAsync($"/Cases/{id}/Edit");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}
