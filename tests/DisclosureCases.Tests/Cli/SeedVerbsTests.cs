using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;
using DisclosureCases.Web.Identity;
using DisclosureCases.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Cli;

/// <summary><c>disclosure seed --cases N</c>: synthetic cases in bulk that are still valid cases.</summary>
public class SeedVerbsTests(SeedVerbsTests.Factory factory) : IClassFixture<SeedVerbsTests.Factory>
{
    public const int Seeded = 1_500;

    /// <summary>The demo installation without demo cases, then one seed run of <see cref="Seeded"/> cases in batches of 400.</summary>
    public sealed class Factory : AppFactory, IAsyncLifetime
    {
        public CliOutcome Seed { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Seed = await CliHarness.RunAsync(this, "seed", "--cases", Seeded.ToString(System.Globalization.CultureInfo.InvariantCulture), "--batch", "400");

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    async Task<List<Case>> CasesAsync(string agencyCode)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        return await db.Cases.AsNoTracking().Where(c => c.AgencyId == agency.Id).Include(c => c.ClockEvents).Include(c => c.Mailings).AsSplitQuery().ToListAsync();
    }

    [Fact]
    public async Task Seed_creates_the_requested_number_of_cases_and_reports_progress_and_rate()
    {
        factory.Seed.ExitCode.ShouldBe(0, factory.Seed.Error);
        factory.Seed.Out.ShouldContain("400 / 1,500 件");
        factory.Seed.Out.ShouldContain("完成：1,500 件");
        factory.Seed.Out.ShouldContain("每秒");
        (await CasesAsync(DemoInstallation.PrimaryAgencyCode)).Count.ShouldBe(Seeded);
    }

    [Fact]
    public async Task Audit_verify_passes_on_seeded_cases()
    {
        var verify = await CliHarness.RunAsync(factory, "audit", "verify");
        verify.ExitCode.ShouldBe(0, verify.Out);
        verify.Out.ShouldContain("审计链完整");
    }

    [Fact]
    public async Task Seeded_cases_are_pinned_received_and_carry_the_deadlines_their_events_give()
    {
        var registry = factory.Services.GetRequiredService<WorkflowRegistry>();
        var calendar = factory.Services.GetRequiredService<CalendarHolder>().Calculator;
        var newest = registry.Newest("application");
        var cases = await CasesAsync(DemoInstallation.PrimaryAgencyCode);
        cases.ShouldAllBe(c => c.WorkflowId == newest.Id && c.WorkflowVersion == newest.Version && c.WorkflowHash == newest.ContentHash);
        cases.ShouldAllBe(c => c.ClockEvents.Any(e => e.Kind == "received" && e.Date == c.ReceivedOn));
        foreach (var c in cases.Take(300))
        {
            var (next, key, reply) = (c.NextDue, c.NextDueKey, c.ReplyDue);
            CaseDeadlines.Project(c, newest, calendar);
            (c.NextDue, c.NextDueKey, c.ReplyDue).ShouldBe((next, key, reply), $"case {c.Id} in {c.State}");
        }
    }

    [Fact]
    public async Task Seeded_cases_spread_over_states_outcomes_and_receipt_dates()
    {
        var cases = await CasesAsync(DemoInstallation.PrimaryAgencyCode);
        var states = registry().Newest("application").States.Select(s => s.Name);
        states.Where(s => !cases.Any(c => c.State == s)).ShouldBeEmpty();
        cases.Select(c => c.Outcome).Distinct().Count().ShouldBeGreaterThan(10);
        cases.Select(c => c.ReceivedOn).Distinct().Count().ShouldBeGreaterThan(100);
        cases.Where(c => c.State == "archived").ShouldAllBe(c => c.Archived && c.ClosedOn != null && c.Mailings.Count == 1);
        cases.Where(c => c.State is "replied" or "mailed" or "delivered" or "archived")
            .ShouldAllBe(c => c.Outcome != null && c.RepliedOn != null && c.ClockEvents.Any(e => e.Kind == "replied"));

        WorkflowRegistry registry() => factory.Services.GetRequiredService<WorkflowRegistry>();
    }

    [Fact]
    public async Task Registered_seeded_cases_have_unique_numbers_and_the_next_registration_continues_after_them()
    {
        var cases = await CasesAsync(DemoInstallation.PrimaryAgencyCode);
        var numbered = cases.Where(c => c.CaseNumber != null).ToList();
        numbered.Count.ShouldBe(cases.Count(c => c.State != "received"));
        numbered.Select(c => c.CaseNumber).Distinct().Count().ShouldBe(numbered.Count);

        // A case received and registered through the workflow now takes the next number of its year.
        var agencyId = cases[0].AgencyId;
        await using var db = factory.Database.CreateContext(AgencyScope.For(agencyId));
        var clerk = await db.Users.SingleAsync(u => u.UserName == "clerk");
        var actor = new Actor(clerk.Id, clerk.DisplayName, agencyId, [Roles.Clerk]);
        var services = factory.Services;
        var time = services.GetRequiredService<TimeProvider>();
        var today = ShanghaiTime.Today(time);
        var intake = new CaseIntake(db, services.GetRequiredService<WorkflowRegistry>(), services.GetRequiredService<CalendarHolder>(), time);
        var (created, validation) = await intake.ReceiveAsync(new IntakeInput
        {
            Channel = Channel.InPerson, ArrivedOn = today, ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "测试申请人",
            IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = "13800138000", Address = "上海市静安区大统路480号",
            Description = "申请公开大宁路街道325街坊的控制性详细规划图则", DeliveryMethod = DeliveryMethod.Post,
        }, actor, CancellationToken.None);
        created.ShouldNotBeNull(validation.ToString());
        var engine = ActivatorUtilities.CreateInstance<CaseWorkflow>(services, db);
        var result = await engine.FireAsync(created.Id, "register", new Dictionary<string, string?> { ["handler"] = clerk.Id }, actor, created.Version, CancellationToken.None);
        var registered = result.ShouldBeOfType<FireResult.Applied>().Case;
        var highest = numbered.Where(c => c.ReceivedOn.Year == today.Year)
            .Select(c => CaseNumbers.TryParse("静规资信〔{year}〕第{seq:0000}号", c.CaseNumber!, out _, out var seq) ? seq : 0).Max();
        registered.CaseNumber.ShouldBe($"静规资信〔{today.Year}〕第{highest + 1:0000}号");
    }

    [Fact]
    public async Task An_unknown_agency_is_refused_with_the_agencies_there_are()
    {
        var result = await CliHarness.RunAsync(factory, "seed", "--cases", "5", "--agency", "NOPE");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("没有代码为“NOPE”的机关");
        result.Error.ShouldContain("JAGHZY（上海市静安区规划和自然资源局）");
    }

    [Fact]
    public async Task Agency_option_seeds_the_named_agency_only()
    {
        var result = await CliHarness.RunAsync(factory, "seed", "--cases", "30", "--agency", DemoInstallation.SecondAgencyCode);
        result.ExitCode.ShouldBe(0, result.Error);
        var cases = await CasesAsync(DemoInstallation.SecondAgencyCode);
        cases.Count.ShouldBe(30);
        cases.Where(c => c.CaseNumber != null).ShouldAllBe(c => c.CaseNumber!.StartsWith("静房信〔"));
    }
}
