using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Support;

/// <summary>
/// Brings cases of a running <see cref="AppFactory"/> to a given state through the real intake and workflow services
/// (so their records, clocks and versions are genuine), as a demo user of the right agency would.
/// </summary>
public sealed class CaseMaker(AppFactory factory)
{
    /// <summary>Today in Shanghai by the application's own clock (a test clock where the factory has one), so that a date
    /// the forms check against "today" is never later than the application's today.</summary>
    DateOnly Today => ShanghaiTime.Today(factory.Services.GetRequiredService<TimeProvider>());

    /// <summary>The demo user as the workflow sees them; <paramref name="asRole"/> stands in for a colleague of that role.</summary>
    public async Task<Actor> ActorAsync(string userName, string? asRole = null)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new Actor(user.Id, user.DisplayName, user.AgencyId, asRole is null ? roles : [asRole]);
    }

    public async Task<Case> ReceiveAsync(string clerk, string applicant, Action<IntakeInput>? change = null)
    {
        var actor = await ActorAsync(clerk);
        await using var db = factory.Database.CreateContext(AgencyScope.For(actor.AgencyId));
        var input = new IntakeInput
        {
            Channel = Channel.InPerson,
            ArrivedOn = Today,
            ApplicantKind = ApplicantKind.NaturalPerson,
            ApplicantName = applicant,
            IdType = IdDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13812345678",
            Address = "上海市静安区共和新路1000号",
            PostalCode = "200070",
            Description = "2025年本区控制性详细规划调整的批复文件",
            ProvisionForm = ProvisionForm.Paper,
            DeliveryMethod = DeliveryMethod.Post,
        };
        change?.Invoke(input);
        var (created, validation) = await ActivatorUtilities.CreateInstance<CaseIntake>(factory.Services, db).ReceiveAsync(input, actor, default);
        created.ShouldNotBeNull(string.Join("；", validation.Errors.Select(e => e.ErrorMessage)));
        return created;
    }

    /// <summary>Fires one trigger at the case's current version; the test fails with the refusal if it is refused.</summary>
    public async Task<Case> FireAsync(int caseId, string trigger, Actor actor, Dictionary<string, string?>? input = null)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.For(actor.AgencyId));
        var version = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync();
        var result = await ActivatorUtilities.CreateInstance<CaseWorkflow>(factory.Services, db)
            .FireAsync(caseId, trigger, input ?? [], actor, version, default);
        return result switch
        {
            FireResult.Applied applied => applied.Case,
            FireResult.Refused refused => throw new ShouldAssertException($"{trigger} was refused: {refused.Reason}"),
            _ => throw new ShouldAssertException($"{trigger} failed: {result}"),
        };
    }

    /// <summary>Received, registered, reviewed and replied (予以公开), waiting to be mailed or delivered.</summary>
    public async Task<Case> RepliedAsync(string clerk, string applicant, Action<IntakeInput>? change = null)
    {
        var c = await ReceiveAsync(clerk, applicant, change);
        var actor = await ActorAsync(clerk);
        var today = Today.ToString("yyyy-MM-dd");
        await FireAsync(c.Id, "register", actor, new() { ["handler"] = actor.UserId });
        await FireAsync(c.Id, "submit-reply", actor, new() { ["outcome"] = "disclose", ["reasons"] = "经检索，该信息属于可以公开的政府信息。" });
        return await FireAsync(c.Id, "approve-reply", actor with { Roles = [Roles.LegalReviewer] }, new() { ["issued-on"] = today });
    }

    /// <summary>Replied, handed over in person and archived.</summary>
    public async Task<Case> ArchivedAsync(string clerk, string applicant, Action<IntakeInput>? change = null)
    {
        var c = await RepliedAsync(clerk, applicant, change);
        var actor = await ActorAsync(clerk);
        var today = Today.ToString("yyyy-MM-dd");
        await FireAsync(c.Id, "deliver", actor, new() { ["method"] = "in-person", ["delivered-on"] = today });
        return await FireAsync(c.Id, "archive", actor);
    }

    public async Task<Case> LoadAsync(int caseId)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Cases.AsNoTracking().Include(c => c.Mailings).SingleAsync(c => c.Id == caseId);
    }
}
