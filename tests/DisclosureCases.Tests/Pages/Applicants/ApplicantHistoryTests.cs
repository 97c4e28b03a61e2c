using Microsoft.Extensions.DependencyInjection;
using System.Net;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;

namespace DisclosureCases.Tests.Pages.Applicants;

/// <summary>The 申请人申请情况 panel on the case page and the applicant's page, for an applicant with 11 applications this month.</summary>
public class ApplicantHistoryTests(AppFactory factory) : IClassFixture<AppFactory>
{
    static int serial;

    /// <summary>A valid resident ID number of its own for each test, so that tests sharing the database do not add up.</summary>
    static string NewIdNumber()
    {
        var first17 = $"31010119800101{Interlocked.Increment(ref serial):000}";
        return first17 + DisclosureCases.Domain.Cases.IdentityNumbers.ResidentIdCheckChar(first17);
    }

    [Fact]
    public async Task The_case_page_counts_the_applicant_s_month_flags_it_and_shows_the_fees_band_by_band()
    {
        var (genuine, _, _) = await ElevenThisMonthAsync();
        var clerk = await factory.SignInAsync("clerk");
        var html = await clerk.GetStringAsync($"/Cases/{genuine}");

        html.ShouldContain("申请人申请情况");
        html.ShouldContain("id=\"applicant-flag\"");
        html.ShouldContain("条例第35条");
        html.ShouldContain("第1–10件：10件，免费");
        html.ShouldContain("第11–30件：1件 × 100元 = 100元");
        html.ShouldContain("本月合计 100 元");
        html.ShouldContain($"href=\"/Applicants/{genuine}\"");
    }

    [Fact]
    public async Task A_clerk_whose_case_is_processing_is_offered_the_excessive_request_action()
    {
        var (genuine, _, _) = await ElevenThisMonthAsync();
        var maker = new CaseMaker(factory);
        var actor = await maker.ActorAsync("clerk");
        await maker.FireAsync(genuine, "register", actor, new() { ["handler"] = actor.UserId });
        var clerk = await factory.SignInAsync("clerk");
        var html = await clerk.GetStringAsync($"/Cases/{genuine}");
        html.ShouldContain($"href=\"/Cases/{genuine}?act=ask-reasons#actions\"");
        html.ShouldContain("要求说明理由");
    }

    [Fact]
    public async Task The_applicant_page_lists_the_cases_and_counts_per_month_within_the_agency_only()
    {
        var (genuine, otherAgency, _) = await ElevenThisMonthAsync();
        var clerk = await factory.SignInAsync("clerk");
        var response = await clerk.GetAsync($"/Applicants/{genuine}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("按月统计");
        html.ShouldContain("id=\"applicant-case-list\"");
        html.ShouldNotContain("另一机关的申请");

        (await clerk.GetAsync($"/Applicants/{otherAgency}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_identity_number_never_appears_in_a_link()
    {
        var (genuine, _, idNumber) = await ElevenThisMonthAsync();
        var clerk = await factory.SignInAsync("clerk");
        var html = await clerk.GetStringAsync($"/Cases/{genuine}");
        html.ShouldContain(idNumber);
        System.Text.RegularExpressions.Regex.Matches(html, "href=\"[^\"]*\"").Select(m => m.Value).ShouldAllBe(h => !h.Contains(idNumber));
    }

    [Fact]
    public async Task The_panel_s_counts_from_the_index_equal_the_counts_over_the_listed_cases()
    {
        var idNumber = NewIdNumber();
        var today = DisclosureCases.Domain.Cases.ShanghaiTime.Today(TimeProvider.System);
        var cases = new ReportCases(factory);
        // Days ago: today, the edges of each window (29 in, 30 out of the last 30 days …), last month, long ago, and one
        // dated after today, which no window counts; one in another agency, which nothing here counts.
        int[] daysAgo = [0, 0, 29, 30, 89, 90, 364, 365, 800, -3, today.Day - 1, today.Day];
        foreach (var d in daysAgo)
            await cases.AddAsync(today.AddDays(-d).ToString("yyyy-MM-dd"), change: c => c.Applicant.IdNumber = idNumber);
        await cases.AddAsync(today.ToString("yyyy-MM-dd"), agency: DemoInstallation.SecondAgencyCode, change: c => c.Applicant.IdNumber = idNumber);

        await using var db = factory.Database.CreateContext(DisclosureCases.Data.AgencyScope.For(await cases.AgencyIdAsync()));
        var query = new DisclosureCases.Applicants.ApplicantHistoryQuery(db,
            factory.Services.GetRequiredService<DisclosureCases.Domain.Fees.FeeSchedule>(),
            factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DisclosureCases.Applicants.ApplicantOptions>>(), TimeProvider.System);
        var listed = await query.ForIdNumberAsync(idNumber.ToLowerInvariant(), CancellationToken.None);
        var summary = await query.SummaryAsync(idNumber.ToLowerInvariant(), CancellationToken.None);

        summary.Total.ShouldBe(daysAgo.Length);
        listed.Total.ShouldBe(daysAgo.Length);
        summary.Windows.Select(w => (w.Title, w.From, w.Count)).ShouldBe(listed.Windows.Select(w => (w.Title, w.From, w.Count)));
        int Within(int days) => daysAgo.Count(d => d >= 0 && d < days);
        summary.Windows.Select(w => w.Count).ShouldBe([Within(30), Within(90), Within(365), Within(today.Day)]);
        summary.MonthCount.ShouldBe(listed.MonthCount);
        summary.MonthFee.ShouldBe(listed.MonthFee);
        summary.Cases.ShouldBeEmpty();
        (await query.SummaryAsync("", CancellationToken.None)).Total.ShouldBe(0);
        (await query.SummaryAsync(NewIdNumber(), CancellationToken.None)).Windows.ShouldAllBe(w => w.Count == 0);
    }

    [Fact]
    public async Task The_case_page_places_each_case_among_the_applicant_s_applications_of_its_month()
    {
        // March 2025: two received on the 3rd (registered one after the other), one on the 10th, ten on the 20th; one each
        // in February and April, and one in another agency in March, which count for none of them.
        var idNumber = NewIdNumber();
        var workflowHash = (await new CaseMaker(factory).ReceiveAsync("clerk", "另一申请人的申请")).WorkflowHash;
        var cases = new ReportCases(factory);
        async Task<int> Add(string day, string agency = DemoInstallation.PrimaryAgencyCode) =>
            (await cases.AddAsync(day, agency: agency, change: c => { c.Applicant.IdNumber = idNumber; c.WorkflowHash = workflowHash; })).Id;
        var firstOfThird = await Add("2025-03-03");
        var secondOfThird = await Add("2025-03-03");
        var tenth = await Add("2025-03-10");
        var twentieth = new List<int>();
        for (var i = 0; i < 10; i++) twentieth.Add(await Add("2025-03-20"));
        var february = await Add("2025-02-28");
        await Add("2025-04-01");
        await Add("2025-03-01", DemoInstallation.SecondAgencyCode);

        var clerk = await factory.SignInAsync("clerk");
        async Task<string> Fee(int id)
        {
            var html = await clerk.GetStringAsync($"/Cases/{id}");
            var start = html.IndexOf("<dd id=\"fee\">", StringComparison.Ordinal);
            start.ShouldBeGreaterThan(0);
            return html[start..html.IndexOf("</dd>", start, StringComparison.Ordinal)];
        }
        (await Fee(firstOfThird)).ShouldContain("该申请人本月共13件。本自然月该申请人第1件申请，未超过10件，不收费");
        (await Fee(secondOfThird)).ShouldContain("本月共13件。本自然月该申请人第2件申请，未超过10件");
        (await Fee(tenth)).ShouldContain("本月共13件。本自然月该申请人第3件申请，未超过10件");
        (await Fee(twentieth[7])).ShouldContain("本月共13件。本自然月该申请人第11件申请，按件计收");
        (await Fee(twentieth[^1])).ShouldContain("本月共13件。本自然月该申请人第13件申请，按件计收");
        (await Fee(february)).ShouldContain("该申请人本月共1件。本自然月该申请人第1件申请");
    }

    /// <summary>One genuine case received today and ten more stored for the same applicant today; one in another agency.</summary>
    async Task<(int Genuine, int OtherAgency, string IdNumber)> ElevenThisMonthAsync()
    {
        var idNumber = NewIdNumber();
        var today = DisclosureCases.Domain.Cases.ShanghaiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        var genuine = await new CaseMaker(factory).ReceiveAsync("clerk", "频繁申请人", i => i.IdNumber = idNumber);
        var cases = new ReportCases(factory);
        for (var i = 0; i < 10; i++)
            await cases.AddAsync(today, change: c => { c.Applicant.IdNumber = idNumber; c.WorkflowHash = genuine.WorkflowHash; });
        var other = await cases.AddAsync(today, agency: DemoInstallation.SecondAgencyCode,
            change: c => { c.Applicant.IdNumber = idNumber; c.Description = "另一机关的申请"; c.WorkflowHash = genuine.WorkflowHash; });
        return (genuine.Id, other.Id, idNumber);
    }
}

/// <summary>The panel on the intake form, fetched once the document number is typed.</summary>
public class ApplicantLookupTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_intake_form_gets_the_panel_for_a_typed_number_posted_with_its_token()
    {
        var existing = await new CaseMaker(factory).ReceiveAsync("clerk", "已有申请人");
        var clerk = await factory.SignInAsync("clerk");
        (await clerk.GetStringAsync("/Cases/New")).ShouldContain("id=\"applicant-history-slot\"");

        var response = await clerk.PostFormAsync("/Applicants/Lookup", new() { ["idNumber"] = existing.Applicant.IdNumber.ToLowerInvariant() }, "/Cases/New");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("申请人申请情况");
        html.ShouldContain("<td class=\"count\">1</td>");
        html.ShouldContain("第1–10件：1件，免费");
    }

    [Fact]
    public async Task A_lookup_without_the_anti_forgery_token_is_refused()
    {
        var clerk = await factory.SignInAsync("clerk");
        var response = await clerk.PostAsync("/Applicants/Lookup", new FormUrlEncodedContent(new Dictionary<string, string> { ["idNumber"] = "11010519491231002X" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
