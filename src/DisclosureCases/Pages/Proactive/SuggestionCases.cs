using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Proactive;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Proactive;

/// <summary>A case behind a suggestion as the list shows it: number, dates, outcome and the applicant's kind — no personal data.</summary>
public sealed record SuggestionCaseRow(int SuggestionId, int CaseId, string? CaseNumber, DateOnly ReceivedOn, DateOnly? RepliedOn,
    string? Outcome, ApplicantKind Kind, OrganizationKind? OrganizationKind, string Description);

public static class SuggestionCases
{
    public static async Task<ILookup<int, SuggestionCaseRow>> LoadAsync(DisclosureDbContext db, IReadOnlyCollection<int> suggestionIds, CancellationToken ct)
    {
        var rows = await db.ProactiveSuggestions.Where(s => suggestionIds.Contains(s.Id))
            .SelectMany(s => s.Cases)
            .Join(db.Cases, sc => sc.CaseId, c => c.Id, (sc, c) => new SuggestionCaseRow(sc.SuggestionId, c.Id, c.CaseNumber, c.ReceivedOn,
                c.RepliedOn, c.Outcome, c.Applicant.Kind, c.Applicant.OrganizationKind, c.Description))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.ReceivedOn).ThenBy(r => r.CaseId).ToLookup(r => r.SuggestionId);
    }
}
