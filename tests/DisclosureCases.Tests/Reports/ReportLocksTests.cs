using System.Net;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Reports;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosureCases.Tests.Reports;

/// <summary>年度报告报送与锁定: a filed year refuses changes to its figures until an administrator unlocks it, on the record.</summary>
public class ReportLocksTests(ReportLocksTests.Factory factory) : IClassFixture<ReportLocksTests.Factory>
{
    public sealed class Factory : AppFactory;

    readonly CaseMaker maker = new(factory);
    static int ThisYear => ShanghaiTime.Today(TimeProvider.System).Year;

    async Task<HttpResponseMessage> FileAsync(HttpClient client, int year) =>
        await client.PostFormAsync($"/Reports/Annual?handler=File&Year={year}", [], $"/Reports/Annual?Year={year}");

    [Fact]
    public async Task A_reply_into_a_filed_year_is_refused_until_an_admin_unlocks_the_year_and_both_steps_are_recorded()
    {
        var clerk = await maker.ActorAsync("clerk");
        var c = await maker.ReceiveAsync("clerk", "锁定年度申请人");
        await maker.FireAsync(c.Id, "register", clerk, new() { ["handler"] = clerk.UserId });
        await maker.FireAsync(c.Id, "submit-reply", clerk, new() { ["outcome"] = "disclose", ["reasons"] = "经检索，该信息属于可以公开的政府信息。" });
        var manager = await factory.SignInAsync("manager");

        (await FileAsync(manager, ThisYear)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.GetStringAsync($"/Reports/Annual?Year={ThisYear}")).ShouldContain("已报送（已锁定）");

        var reviewer = clerk with { Roles = [Roles.LegalReviewer] };
        var today = ShanghaiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        await using (var db = factory.Database.CreateContext(AgencyScope.For(clerk.AgencyId)))
        {
            var version = await db.Cases.Where(x => x.Id == c.Id).Select(x => x.Version).SingleAsync();
            var refused = await ActivatorUtilities.CreateInstance<CaseWorkflow>(factory.Services, db)
                .FireAsync(c.Id, "approve-reply", new Dictionary<string, string?> { ["issued-on"] = today }, reviewer, version, default);
            refused.ShouldBeOfType<FireResult.Refused>().Reason.ShouldContain($"{ThisYear}年度政府信息公开工作年度报告已报送并锁定");
        }
        (await maker.LoadAsync(c.Id)).RepliedOn.ShouldBeNull("a refusal changes nothing");

        var admin = await factory.SignInAsync("admin");
        (await admin.PostFormAsync($"/Reports/Annual?handler=Unlock&Year={ThisYear}", new() { ["Reason"] = "补录遗漏的答复" }, $"/Reports/Annual?Year={ThisYear}"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replied = await maker.FireAsync(c.Id, "approve-reply", reviewer, new() { ["issued-on"] = today });
        replied.RepliedOn.ShouldNotBeNull();

        await using var check = factory.Database.CreateContext(AgencyScope.All);
        var history = await check.ReportFilings.Where(f => f.Year == ThisYear && f.AgencyId == clerk.AgencyId).OrderBy(f => f.Id).ToListAsync();
        history.Select(f => (f.Action, f.ActorName, f.Note)).ShouldBe([
            (ReportFiling.Filed, history[0].ActorName, null),
            (ReportFiling.Unlocked, history[1].ActorName, "补录遗漏的答复")]);
        history[0].Snapshot.ShouldNotBeNull().ShouldContain("一、本年新收政府信息公开申请数量");
        (await admin.GetStringAsync($"/Reports/Annual?Year={ThisYear}")).ShouldContain("补录遗漏的答复");
    }

    [Fact]
    public async Task The_applicant_kind_of_a_case_counted_in_a_filed_year_cannot_be_changed()
    {
        var cases = new ReportCases(factory);
        var c = await cases.AddAsync("2021-06-01", "2021-06-10", "disclose", change: x =>
        {
            x.Applicant.IdType = IdDocumentType.ResidentIdCard;
            x.Applicant.IdNumber = "11010519491231002X";
            x.Applicant.Phone = "13812345678";
            x.Archived = false;
            x.State = "replied";
            x.DeliveryMethod = DeliveryMethod.Post;
            x.Applicant.Address = "上海市静安区共和新路1000号";
            x.Applicant.PostalCode = "200070";
        });
        var admin = await maker.ActorAsync("admin");
        await using (var db = factory.Database.CreateContext(AgencyScope.For(admin.AgencyId)))
        {
            var report = await new AnnualReportQuery(db, factory.Services.GetRequiredService<DisclosureCases.Domain.Outcomes.OutcomeCatalog>(), factory.Services.GetRequiredService<DisclosureCases.Domain.Reviews.ReviewResultCatalog>())
                .RunAsync(2021, admin.AgencyId, "测试", default);
            (await new ReportLocks(db, TimeProvider.System).FileAsync(admin.AgencyId, 2021, report, admin, default)).ShouldBeNull();
        }

        await using var edit = factory.Database.CreateContext(AgencyScope.For(admin.AgencyId));
        var stored = await edit.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
        var input = CaseEdit.InputOf(stored);
        input.ApplicantKind = ApplicantKind.Organization;
        input.OrganizationKind = OrganizationKind.Commercial;
        input.IdType = IdDocumentType.UnifiedSocialCreditCode;
        input.IdNumber = "91350100M000100Y43";
        var result = await ActivatorUtilities.CreateInstance<CaseEdit>(factory.Services, edit).SaveAsync(c.Id, input, stored.Version, admin, default);

        (result as CaseEdit.Result.Invalid)?.Validation.Errors.ShouldBeEmpty();
        result.ShouldBeOfType<CaseEdit.Result.Refused>().Reason.ShouldContain("2021年度政府信息公开工作年度报告已报送并锁定");
        (await maker.LoadAsync(c.Id)).Applicant.Kind.ShouldBe(ApplicantKind.NaturalPerson);
    }

    [Fact]
    public async Task Only_managers_and_admins_file_and_only_admins_unlock()
    {
        var clerk = await factory.SignInAsync("clerk");
        var manager = await factory.SignInAsync("manager");
        var admin = await factory.SignInAsync("admin");

        var token = await admin.AntiforgeryTokenAsync("/Reports/Annual?Year=2015");
        (await clerk.PostAsync("/Reports/Annual?handler=File&Year=2015", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await FileAsync(manager, 2015)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.PostFormAsync("/Reports/Annual?handler=Unlock&Year=2015", new() { ["Reason"] = "试图解锁" }, "/Reports/Annual?Year=2015"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await manager.GetStringAsync("/Reports/Annual?Year=2015");
        page.ShouldContain("已报送（已锁定）");
        page.ShouldNotContain("unlock-report");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        var manager = await factory.SignInAsync("manager");
        (await manager.PostAsync("/Reports/Annual?handler=File&Year=2014", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
