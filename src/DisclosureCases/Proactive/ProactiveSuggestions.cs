using System.Diagnostics;
using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Proactive;

/// <summary>
/// 依申请转主动公开 (条例第44条): recomputes an agency's suggestions from its released cases and records the reviewer's
/// decision on one, with an event on the record of every case behind it. Works within the context's agency scope.
/// </summary>
public sealed class ProactiveSuggestions(DisclosureDbContext db, IOptions<ProactiveOptions> options, IRequestGrouping grouping,
    OutcomeCatalog outcomes, TimeProvider time, ILogger<ProactiveSuggestions> log)
{
    /// <summary>What a recompute found, and how long loading, grouping and saving took.</summary>
    public sealed record Recomputed(int ReleasedCases, int Suggestions, TimeSpan Elapsed, TimeSpan Loading, TimeSpan Grouping);

    /// <summary>The released outcomes, checked against the catalog: an unknown code is a setting error, not silence.</summary>
    public IReadOnlyList<string> ReleasedOutcomes()
    {
        var codes = options.Value.ReleasedOutcomes;
        var unknown = codes.Where(c => outcomes.Find(c) is null).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Proactive:ReleasedOutcomes 含有 {outcomes.SourceName} 中没有的答复结果代码：{string.Join("、", unknown)}");
        return codes;
    }

    /// <summary>Groups the agency's released cases again and brings the open suggestions in line (see <see cref="SuggestionPlanner"/>).</summary>
    public async Task<Recomputed> RecomputeAsync(int agencyId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var released = ReleasedOutcomes();
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.AgencyId == agencyId && c.Outcome != null && released.Contains(c.Outcome))
            .Select(c => new { c.Id, c.Applicant.IdNumber, c.Description })
            .ToListAsync(ct);
        var cases = rows.Select(r => new ReleasedCase(r.Id, r.IdNumber.Trim().ToUpperInvariant(), r.Description)).ToList();

        var decided = (await db.ProactiveSuggestions.Where(s => s.AgencyId == agencyId && s.Status != ProactiveSuggestion.Open)
            .SelectMany(s => s.Cases.Select(c => c.CaseId)).ToListAsync(ct)).ToHashSet();
        var open = await db.ProactiveSuggestions.Include(s => s.Cases)
            .Where(s => s.AgencyId == agencyId && s.Status == ProactiveSuggestion.Open).ToListAsync(ct);
        var loaded = watch.Elapsed;
        var plan = SuggestionPlanner.Plan(cases, grouping, options.Value.MinimumApplicants, decided,
            open.Select(s => new OpenSuggestion(s.Id, s.Cases.Select(c => c.CaseId).ToHashSet())).ToList());

        var grouped = watch.Elapsed;
        var now = time.GetUtcNow();
        foreach (var group in plan.Groups)
        {
            var suggestion = group.ExistingId is { } id ? open.Single(s => s.Id == id) : null;
            if (suggestion is null)
            {
                suggestion = new ProactiveSuggestion { AgencyId = agencyId, FoundAt = now };
                db.ProactiveSuggestions.Add(suggestion);
            }
            var wanted = group.CaseIds.ToHashSet();
            var held = suggestion.Cases.Select(c => c.CaseId).ToHashSet();
            if (held.SetEquals(wanted) && suggestion.Title == group.Title && suggestion.ApplicantCount == group.Applicants) continue;
            suggestion.Title = group.Title;
            suggestion.ApplicantCount = group.Applicants;
            suggestion.UpdatedAt = now;
            // A changed group is a new question: a form opened on the old one is refused (see DecideAsync).
            suggestion.Version++;
            suggestion.Cases.RemoveAll(c => !wanted.Contains(c.CaseId));
            foreach (var caseId in group.CaseIds.Where(c => !held.Contains(c)))
                suggestion.Cases.Add(new ProactiveSuggestionCase { CaseId = caseId });
        }
        foreach (var id in plan.Obsolete)
            db.ProactiveSuggestions.Remove(open.Single(s => s.Id == id));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Proactive suggestions of agency {Agency}: {Released} released cases, {Groups} suggestions; loaded in {Load} ms, grouped in {Group} ms, saved in {Save} ms",
            agencyId, cases.Count, plan.Groups.Count, (int)loaded.TotalMilliseconds, (int)(grouped - loaded).TotalMilliseconds, (int)(watch.Elapsed - grouped).TotalMilliseconds);
        return new Recomputed(cases.Count, plan.Groups.Count, watch.Elapsed, loaded, grouped - loaded);
    }

    public enum Decision { Accept, Dismiss }

    /// <summary>
    /// Records the decision on an open suggestion: who, when, the note (required: where it will be published, or why
    /// not), and an event on each case's record, in one transaction. Returns null when done, otherwise the refusal.
    /// </summary>
    public async Task<DecisionResult> DecideAsync(int id, int version, Decision decision, string? note, Actor actor, CancellationToken ct)
    {
        var suggestion = await db.ProactiveSuggestions.Include(s => s.Cases).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (suggestion is null) return new DecisionResult.NotFound();
        var field = decision == Decision.Accept ? "公开方式及位置" : "不予采纳的理由";
        note = note?.Trim();
        if (string.IsNullOrEmpty(note)) return new DecisionResult.Refused(field, $"「{field}」为必填项");
        if (note.Length > 1000) return new DecisionResult.Refused(field, $"「{field}」不能超过1000个字");
        if (suggestion.Status != ProactiveSuggestion.Open || suggestion.Version != version)
            return new DecisionResult.Refused(null, suggestion.DecidedByName is { } who
                ? $"该建议已由{who}处理（{suggestion.StatusText}），未作更改"
                : "该建议已重新计算（所含案件有变化），请刷新后再处理");

        var now = time.GetUtcNow();
        suggestion.Status = decision == Decision.Accept ? ProactiveSuggestion.Accepted : ProactiveSuggestion.Dismissed;
        suggestion.Note = note;
        suggestion.DecidedAt = now;
        suggestion.DecidedById = actor.UserId;
        suggestion.DecidedByName = actor.Name;
        suggestion.UpdatedAt = now;
        suggestion.Version++;

        var caseIds = suggestion.Cases.Select(c => c.CaseId).ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        var summary = decision == Decision.Accept
            ? $"依申请转主动公开建议（第{suggestion.Id}号）已采纳：{note}"
            : $"依申请转主动公开建议（第{suggestion.Id}号）不予采纳：{note}";
        foreach (var c in cases)
        {
            CaseRecord.Append(db, c, new CaseEvent
            {
                At = now,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Kind = CaseEventKinds.Proactive,
                FromState = c.State,
                ToState = c.State,
                Summary = summary,
                Data = JsonSerializer.Serialize(new
                {
                    proactive = new { suggestion = suggestion.Id, decision = suggestion.Status, note, title = suggestion.Title, cases = caseIds },
                }, AuditJson.Options),
            });
            CaseRecord.Touch(c, actor.Name, now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DecisionResult.Refused(null, "该建议或其中的案件刚被他人更改，请刷新后再处理");
        }
        return new DecisionResult.Done(suggestion);
    }
}

public abstract record DecisionResult
{
    public sealed record Done(ProactiveSuggestion Suggestion) : DecisionResult;
    public sealed record NotFound : DecisionResult;
    /// <summary><paramref name="Field"/> names the form field at fault, or null for a refusal of the whole decision.</summary>
    public sealed record Refused(string? Field, string Message) : DecisionResult;
}
