using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Similarity;

/// <summary>The result of marking or withdrawing a typical case.</summary>
public abstract record TypicalResult
{
    public sealed record Done(string Message) : TypicalResult;
    public sealed record NotFound : TypicalResult;
    /// <param name="Field">The form field the refusal is about (<c>note</c>, <c>reason</c>), or null.</param>
    public sealed record Refused(string? Field, string Reason) : TypicalResult;
}

/// <summary>
/// 典型案例: a 法制审核人员 marks a closed case with a note on its 口径, or withdraws the marking with a reason. Each is
/// written on the case's own record (hash-chained), in one transaction with the marking.
/// </summary>
public sealed class TypicalCases(DisclosureDbContext db, TimeProvider time)
{
    public const int NoteLength = 2000;
    public const int ReasonLength = 1000;

    /// <summary>A case that has ended: replied and closed (delivered or archived), so its reply is the agency's answer.</summary>
    public static bool IsClosed(Case c) => IsClosed(c.ClosedOn, c.Archived);

    /// <summary>The same rule on a case's closing date and archived flag (an imported record's).</summary>
    public static bool IsClosed(DateOnly? closedOn, bool archived) => closedOn is not null || archived;

    // Every case page asks it (Data/Compiled.cs).
    static readonly Compiled<Func<DisclosureDbContext, int, CancellationToken, Task<TypicalCase?>>> Active = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, int caseId, CancellationToken ct) =>
            db.TypicalCases.AsNoTracking().Where(t => t.CaseId == caseId && t.WithdrawnAt == null).OrderByDescending(t => t.Id).FirstOrDefault()));

    public Task<TypicalCase?> ActiveAsync(int caseId, CancellationToken ct) => Active.For(db)(db, caseId, ct);

    public async Task<TypicalResult> MarkAsync(int caseId, string? note, Actor actor, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new TypicalResult.NotFound();
        if (!actor.Roles.Contains(Roles.LegalReviewer)) return new TypicalResult.Refused(null, "只有法制审核人员可以标记典型案例");
        if (!IsClosed(c)) return new TypicalResult.Refused(null, "只有已办结的案件可以标记为典型案例");
        var text = note?.Trim() ?? "";
        if (text.Length == 0) return new TypicalResult.Refused("note", "「答复口径」为必填项：请写明本案可供参照的答复口径");
        if (text.Length > NoteLength) return new TypicalResult.Refused("note", $"「答复口径」不能超过{NoteLength}个字");
        if (await ActiveAsync(caseId, ct) is not null) return new TypicalResult.Refused(null, "本案已是典型案例");

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TypicalCases.Add(new TypicalCase
        {
            AgencyId = c.AgencyId, CaseId = c.Id, Note = text, MarkedById = actor.UserId, MarkedByName = actor.Name, MarkedAt = now,
        });
        Record(db, c, actor, now, $"标记为典型案例。答复口径：{text}", new { typical = "marked", note = text });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new TypicalResult.Done("已标记为典型案例");
    }

    public async Task<TypicalResult> WithdrawAsync(int caseId, string? reason, Actor actor, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new TypicalResult.NotFound();
        if (!actor.Roles.Contains(Roles.LegalReviewer)) return new TypicalResult.Refused(null, "只有法制审核人员可以撤销典型案例");
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return new TypicalResult.Refused("reason", "「撤销理由」为必填项");
        if (text.Length > ReasonLength) return new TypicalResult.Refused("reason", $"「撤销理由」不能超过{ReasonLength}个字");
        var typical = await db.TypicalCases.Where(t => t.CaseId == caseId && t.WithdrawnAt == null).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        if (typical is null) return new TypicalResult.Refused(null, "本案不是典型案例");

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Withdraw(db, c, typical, actor, now, text);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new TypicalResult.Done("已撤销典型案例");
    }

    /// <summary>
    /// Withdraws a mark and says so on the case's record; the caller saves, in its own transaction (a reviewer's
    /// withdrawal, or a 复议/诉讼 decision that orders a new reply: the answer it found wrong is no 口径 to push).
    /// </summary>
    public static void Withdraw(DisclosureDbContext db, Case c, TypicalCase typical, Actor actor, DateTimeOffset now, string reason)
    {
        typical.WithdrawnAt = now;
        typical.WithdrawnByName = actor.Name;
        typical.WithdrawnReason = reason;
        Record(db, c, actor, now, $"撤销典型案例。理由：{reason}", new { typical = "withdrawn", reason });
    }

    static void Record(DisclosureDbContext db, Case c, Actor actor, DateTimeOffset now, string summary, object data)
    {
        CaseRecord.Touch(c, actor.Name, now);
        CaseRecord.Append(db, c, new CaseEvent
        {
            At = now, ActorId = actor.UserId, ActorName = actor.Name, Kind = CaseEventKinds.Typical,
            Summary = summary, Data = JsonSerializer.Serialize(data, AuditJson.Options),
        });
    }
}
