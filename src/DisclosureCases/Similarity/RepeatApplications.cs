using DisclosureCases.Data;
using DisclosureCases.Letters;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Similarity;

/// <summary>An earlier application the reply may cite as answered (重复申请), with its reply letter.</summary>
public sealed record EarlierAnswer(int CaseId, string? CaseNumber, DateOnly ReceivedOn, DateOnly RepliedOn, string Outcome, int? LetterId,
    string? LetterNumber, DateOnly? LetterIssuedOn, double Overlap);

/// <summary>
/// Finds the earlier answered application of the same applicant that a case repeats (<see cref="DuplicateRule"/>), for
/// the reply step to offer 重复申请 (条例第36条（六）) with the earlier reply cited. Looks only at the same applicant's cases
/// (by identity number), so it can never propose another applicant's case.
/// </summary>
public static class RepeatApplications
{
    public static async Task<EarlierAnswer?> FindAsync(DisclosureDbContext db, int caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId)
            .Select(x => new { x.Id, x.AgencyId, x.Applicant.IdNumber, x.Description, x.ReceivedOn }).FirstOrDefaultAsync(ct);
        if (c is null || DuplicateRule.Normalize(c.IdNumber).Length == 0) return null;
        var earlier = await db.Cases.AsNoTracking()
            .Where(x => x.AgencyId == c.AgencyId && x.Applicant.IdNumber == c.IdNumber && x.Id != c.Id && x.ReceivedOn <= c.ReceivedOn
                && x.Outcome != null && x.RepliedOn != null && x.Outcome != "reject-repeat")
            .OrderByDescending(x => x.RepliedOn).Take(200)
            .Select(x => new { x.Id, x.CaseNumber, x.ReceivedOn, x.RepliedOn, x.Outcome, x.Applicant.IdNumber, x.Description })
            .ToListAsync(ct);
        var match = earlier
            .Where(x => DuplicateRule.IsRepeat(c.IdNumber, c.Description, x.IdNumber, x.Description, earlierAnswered: true))
            .Select(x => (x, overlap: DuplicateRule.Overlap(c.Description, x.Description)))
            .OrderByDescending(m => m.overlap).ThenByDescending(m => m.x.RepliedOn)
            .FirstOrDefault();
        if (match.x is null) return null;
        var letter = await db.Letters.AsNoTracking()
            .Where(l => l.CaseId == match.x.Id && l.CaseDocumentId == null && l.SupersedesId == null && l.Status == LetterStatus.Issued)
            .OrderByDescending(l => l.Id).Select(l => new { l.Id, l.Number, l.IssuedOn }).FirstOrDefaultAsync(ct);
        return new EarlierAnswer(match.x.Id, match.x.CaseNumber, match.x.ReceivedOn, match.x.RepliedOn!.Value, match.x.Outcome!,
            letter?.Id, letter?.Number, letter?.IssuedOn, Math.Round(match.overlap, 2));
    }

    /// <summary>The text for the 重复申请 reply's 前次申请及答复情况 slot (templates/reply-reject-repeat.hbs).</summary>
    public static string ReasonsText(EarlierAnswer earlier, string outcomeLabel)
    {
        static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
        var number = earlier.LetterNumber ?? earlier.CaseNumber ?? "（无文号）";
        return $"申请人曾于{Date(earlier.ReceivedOn)}就相同内容提出政府信息公开申请（{earlier.CaseNumber}），本机关已于{Date(earlier.LetterIssuedOn ?? earlier.RepliedOn)}" +
            $"以《政府信息公开申请答复书》（{number}）作出答复（{outcomeLabel}）。本次申请所要求的信息与前次相同，申请人未提出新的事实或理由。";
    }
}
