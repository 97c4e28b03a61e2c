using System.Net;
using System.Net.Http.Json;
using DisclosureCases.Api;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Letters;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Api;

/// <summary>The API and the evidence package on PostgreSQL: the queries over the record and its times read back as hashed.</summary>
public class PostgresPartnerApiTests : IClassFixture<PostgresPartnerApiTests.Factory>
{
    public sealed class Factory : PostgresAppFactory
    {
        protected override int DemoCaseCount => 12;
    }

    readonly Factory factory;

    public PostgresPartnerApiTests(Factory factory)
    {
        this.factory = factory;
        factory.SkipUnlessAvailable();
    }

    [SkippableFact]
    public async Task A_notice_registers_the_reconsideration_case_its_decision_is_recorded_and_the_evidence_package_builds_the_same_twice()
    {
        _ = factory.Services;
        string key;
        DisclosureCases.Domain.Cases.Case c;
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var agency = await db.Agencies.SingleAsync(a => a.Code == DemoInstallation.PrimaryAgencyCode);
            key = (await new ApiPartners(db, TimeProvider.System).CreateAsync("静安区人民政府行政复议办公室", agency.Id, "测试", default)).Key;
            c = await db.Cases.AsNoTracking().Where(x => x.AgencyId == agency.Id && x.CaseNumber != null && x.RepliedOn != null && db.Letters.Any(l => l.CaseId == x.Id && l.Status == LetterStatus.Issued))
                .OrderBy(x => x.Id).FirstAsync();
        }
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var notified = await client.PostAsJsonAsync("/api/v1/reconsiderations", new
        {
            reviewBody = "上海市静安区人民政府", bodyCaseNumber = "静府复字〔2026〕第77号", applicant = "李某",
            challengedCaseNumbers = new[] { c.CaseNumber }, applicationDate = Day(-9), acceptanceDate = Day(-8), copyReceivedDate = Day(-6),
            simplifiedProcedure = true,
        });
        var decided = await client.PostAsJsonAsync($"/api/v1/reconsiderations/{Uri.EscapeDataString("静府复字〔2026〕第77号")}/decision",
            new { decisionDate = Day(-1), servedDate = Day(0), result = "维持", ordersNewReply = false });
        var first = await client.GetByteArrayAsync($"/api/v1/cases/{Uri.EscapeDataString(c.CaseNumber!)}/evidence");
        var second = await client.GetByteArrayAsync($"/api/v1/cases/{Uri.EscapeDataString(c.CaseNumber!)}/evidence");

        notified.StatusCode.ShouldBe(HttpStatusCode.Created, await notified.Content.ReadAsStringAsync());
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        second.ShouldBe(first);
        await using (var db = factory.Database.CreateContext(AgencyScope.All))
        {
            var review = await db.ReviewCases.AsNoTracking().Include(r => r.Links).SingleAsync(r => r.BodyCaseNumber == "静府复字〔2026〕第77号");
            (review.State, review.Result, review.Simplified, review.CopyReceivedOn).ShouldBe(("decided", "uphold", true, today.AddDays(-6)));
            review.Links.Select(l => l.CaseId).ShouldBe([c.Id]);
            var reviewEvents = await db.ReviewEvents.AsNoTracking().Where(e => e.ReviewCaseId == review.Id).OrderBy(e => e.Sequence).ToListAsync();
            AuditChain.Verify(reviewEvents, review.AuditHead, review.AuditCount).ShouldBeEmpty();
            var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync();
            events.TakeLast(4).Select(e => e.Kind).ShouldBe([CaseEventKinds.Review, CaseEventKinds.Review, CaseEventKinds.Evidence, CaseEventKinds.Evidence]);
            var after = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
            AuditChain.Verify(events, after.AuditHead, after.AuditCount).ShouldBeEmpty();
        }
    }
}
