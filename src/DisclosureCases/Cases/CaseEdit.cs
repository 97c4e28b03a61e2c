using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// Corrects what was registered about the applicant and the request (a mistyped phone number, a fuller description).
/// The same rules as the intake form apply; every changed field is recorded with its old and new value; a stale edit is
/// refused with who changed the case; an archived case is read-only (条例第45条). The channel and the dates are not
/// edited here: they fix the statutory clock, which only workflow events move.
/// </summary>
public sealed class CaseEdit(DisclosureDbContext db, TimeProvider time)
{
    /// <summary>The intake form's values for a case, as the edit form starts from.</summary>
    public static IntakeInput InputOf(Case c) => new()
    {
        Channel = c.Channel,
        ArrivedOn = c.ArrivedOn,
        ConfirmedOn = c.ConfirmedOn,
        ApplicantKind = c.Applicant.Kind,
        OrganizationKind = c.Applicant.OrganizationKind,
        ApplicantName = c.Applicant.Name,
        IdType = c.Applicant.IdType,
        IdNumber = c.Applicant.IdNumber,
        ContactPerson = c.Applicant.ContactPerson,
        Phone = c.Applicant.Phone,
        Email = c.Applicant.Email,
        Address = c.Applicant.Address,
        PostalCode = c.Applicant.PostalCode,
        Description = c.Description,
        Purpose = c.Purpose,
        ProvisionForm = c.ProvisionForm,
        DeliveryMethod = c.DeliveryMethod,
        DepartmentId = c.DepartmentId,
    };

    public abstract record Result
    {
        public sealed record Saved(int Changed) : Result;
        public sealed record Invalid(ValidationResult Validation) : Result;
        public sealed record Refused(string Reason) : Result;
        public sealed record NotFound : Result;
    }

    public async Task<Result> SaveAsync(int caseId, IntakeInput input, int expectedVersion, Actor actor, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new Result.NotFound();
        if (c.Archived) return new Result.Refused("已归档的案卷只读，不能修改（条例第四十五条）");
        if (c.Version != expectedVersion) return new Result.Refused(Stale(c));

        // What fixes the clock is not editable here: keep the stored values whatever was posted.
        input.Channel = c.Channel;
        input.ArrivedOn = c.ArrivedOn;
        input.ConfirmedOn = c.ConfirmedOn;
        var validation = IntakeInputValidator.For(time).Validate(input);
        if (input.DepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept, ct))
            validation.Errors.Add(new ValidationFailure(nameof(IntakeInput.DepartmentId), "「承办科室」不是本机关的科室"));
        if (!validation.IsValid) return new Result.Invalid(validation);

        var changes = new List<FieldChange>();
        void Set<T>(string label, T before, T after, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(before, after)) return;
            changes.Add(new FieldChange(label, Text(before), Text(after)));
            assign(after);
        }
        var a = c.Applicant;
        Set("申请人类型", a.Kind, input.ApplicantKind, v => a.Kind = v);
        Set("组织类别", a.OrganizationKind, input.ApplicantKind == ApplicantKind.Organization ? input.OrganizationKind : null, v => a.OrganizationKind = v);
        Set("申请人姓名/名称", a.Name, input.ApplicantName.Trim(), v => a.Name = v);
        Set("证件类型", a.IdType, input.IdType, v => a.IdType = v);
        Set("证件号码", a.IdNumber, input.IdNumber.Trim().ToUpperInvariant(), v => a.IdNumber = v);
        Set("联系人", a.ContactPerson, Blank(input.ContactPerson), v => a.ContactPerson = v);
        Set("联系电话", a.Phone, input.Phone.Trim(), v => a.Phone = v);
        Set("电子邮箱", a.Email, Blank(input.Email), v => a.Email = v);
        Set("通信地址", a.Address, Blank(input.Address), v => a.Address = v);
        Set("邮政编码", a.PostalCode, Blank(input.PostalCode), v => a.PostalCode = v);
        Set("所需信息描述", c.Description, input.Description.Trim(), v => c.Description = v);
        Set("用途", c.Purpose, Blank(input.Purpose), v => c.Purpose = v);
        Set("提供形式", c.ProvisionForm, input.ProvisionForm, v => c.ProvisionForm = v);
        Set("获取方式", c.DeliveryMethod, input.DeliveryMethod, v => c.DeliveryMethod = v);
        Set("承办科室", c.DepartmentId, input.DepartmentId, v => c.DepartmentId = v);
        if (changes.Count == 0) return new Result.Saved(0);
        // The applicant's kind decides the annual report's column: locked once a year the case counts in is filed.
        if (changes.Any(ch => ch.Field is "申请人类型" or "组织类别")
            && await new Reports.ReportLocks(db, time).RefusalAsync(c, Reports.ReportLocks.YearsCounted(c, ShanghaiTime.Today(time)), "申请人类型", ct) is { } locked)
            return new Result.Refused(locked);

        // The kept similar candidates were found for the old text: dropped, to be found again (SimilarCandidatesJob).
        if (changes.Any(ch => ch.Field == "所需信息描述") && await db.SimilarCandidates.FindAsync([caseId], ct) is { } kept)
            db.SimilarCandidates.Remove(kept);
        var now = time.GetUtcNow();
        CaseRecord.Touch(c, actor.Name, now);
        CaseRecord.Append(db, c, new CaseEvent
        {
            At = now,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Kind = CaseEventKinds.Edited,
            FromState = c.State,
            ToState = c.State,
            Summary = "修改案件信息：" + string.Join("、", changes.Select(ch => ch.Field)),
            Data = JsonSerializer.Serialize(new { changes }, AuditJson.Options),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == caseId, ct);
            if (fresh.Version != expectedVersion) return new Result.Refused(Stale(fresh));
            throw;
        }
        if (changes.Any(ch => ch.Field == "所需信息描述"))
            Similarity.RecentCases.Changed(db.Database.GetDbConnection(), caseId, c.Description);
        return new Result.Saved(changes.Count);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string? Text<T>(T value) => value switch
    {
        null => null,
        Enum e => EnumText.Of(e),
        _ => value.ToString(),
    };

    public static string Stale(Case c) =>
        $"此案件已被{c.UpdatedBy ?? "他人"}于{ShanghaiTime.Local(c.UpdatedAt):yyyy-MM-dd HH:mm:ss}修改，您看到的不是最新内容。请刷新页面后再操作，您填写的内容已保留。";
}
