using DisclosureCases.Data;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// 批量邮寄: fires the workflow's <c>mail</c> trigger for each selected case with the batch's method and posting date
/// and the row's tracking number. Every case is its own transaction (one refusal does not hold back the others), and
/// each row comes back with what happened to it, so the clerk can see which letters are recorded as posted.
/// </summary>
public sealed class MailingBatch(DisclosureDbContext db, CaseWorkflow engine)
{
    public const string Trigger = "mail";

    /// <summary>One selected row: the case, the version the clerk saw, and the tracking number typed for it.</summary>
    public sealed record Row(int CaseId, int Version, string? TrackingNumber);

    /// <summary>What happened to one row; <see cref="Refusal"/> is null when the case was recorded as mailed.</summary>
    public sealed record Result(int CaseId, string? CaseNumber, string? TrackingNumber, string? Refusal)
    {
        public bool Mailed => Refusal is null;
    }

    /// <param name="method">The workflow's choice value (<c>ems</c>, <c>registered-mail</c>).</param>
    /// <param name="postedOn">yyyy-MM-dd, as the date input posts it; the workflow checks it.</param>
    public async Task<IReadOnlyList<Result>> PostAsync(IReadOnlyList<Row> rows, string? method, string? postedOn, Actor actor, CancellationToken ct)
    {
        var ids = rows.Select(r => r.CaseId).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CaseNumber }).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        var duplicates = await DuplicateTrackingNumbersAsync(rows, ct);

        var results = new List<Result>();
        var seen = new HashSet<int>();
        foreach (var row in rows)
        {
            var tracking = row.TrackingNumber?.Trim();
            var number = numbers.GetValueOrDefault(row.CaseId);
            if (!seen.Add(row.CaseId))
                continue;
            if (!numbers.ContainsKey(row.CaseId))
            {
                results.Add(new Result(row.CaseId, null, tracking, "未找到该案件，或该案件不属于本机关"));
                continue;
            }
            if (!string.IsNullOrEmpty(tracking) && duplicates.GetValueOrDefault(tracking) is { } why)
            {
                results.Add(new Result(row.CaseId, number, tracking, why));
                continue;
            }
            var input = new Dictionary<string, string?>
            {
                ["method"] = method,
                ["tracking-number"] = tracking,
                ["posted-on"] = postedOn,
            };
            var fired = await engine.FireAsync(row.CaseId, Trigger, input, actor, row.Version, ct);
            results.Add(fired switch
            {
                FireResult.Applied => new Result(row.CaseId, number, tracking, null),
                FireResult.Refused refused => new Result(row.CaseId, number, tracking, refused.Reason),
                FireResult.Conflict conflict => new Result(row.CaseId, number, tracking, conflict.Message),
                _ => new Result(row.CaseId, number, tracking, "未找到该案件，或该案件不属于本机关"),
            });
        }
        return results;
    }

    /// <summary>
    /// A tracking number identifies one item of post: typed twice in the batch, or already recorded on another case of
    /// the agency, it is almost certainly a typing slip, and recording it would make the proof of posting worthless.
    /// </summary>
    async Task<Dictionary<string, string>> DuplicateTrackingNumbersAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var typed = rows.Select(r => r.TrackingNumber?.Trim()).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var twice in typed.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems[twice.Key] = $"邮件号「{twice.Key}」在本批中填写了不止一次，请核对";
        var distinct = typed.Distinct(StringComparer.Ordinal).ToList();
        var used = await db.Cases.AsNoTracking()
            .SelectMany(c => c.Mailings.Where(m => m.TrackingNumber != null && distinct.Contains(m.TrackingNumber)),
                (c, m) => new { c.CaseNumber, m.TrackingNumber })
            .ToListAsync(ct);
        foreach (var u in used)
            problems.TryAdd(u.TrackingNumber!, $"邮件号「{u.TrackingNumber}」已登记在{u.CaseNumber ?? "另一案件"}，请核对");
        return problems;
    }
}
