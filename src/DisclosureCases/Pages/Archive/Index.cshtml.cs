using DisclosureCases.Data;
using DisclosureCases.Domain.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Archive;

/// <summary>
/// 归档查询: the agency's archived cases (案卷, 条例第45条), searched by case number, applicant, ID number, request text,
/// outcome and date of receipt; newest closed first, paged. Every criterion narrows the result; none lists them all.
/// </summary>
public class IndexModel(DisclosureDbContext db, OutcomeCatalog outcomes) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Applicant { get; set; }
    [BindProperty(SupportsGet = true)] public string? IdNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? ReceivedFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? ReceivedTo { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public sealed record ArchivedCase(int Id, string? CaseNumber, string ApplicantName, string Description, DateOnly ReceivedOn,
        string? OutcomeLabel, DateOnly? RepliedOn, DateOnly? ClosedOn);

    public IReadOnlyList<ArchivedCase> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public OutcomeCatalog Outcomes => outcomes;
    public bool Searched => new[] { Number, Applicant, IdNumber, Text, Outcome }.Any(s => !string.IsNullOrWhiteSpace(s))
        || ReceivedFrom is not null || ReceivedTo is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.Archived);
        if (Clean(Number) is { } number)
            query = query.Where(c => c.CaseNumber != null && c.CaseNumber.Contains(number));
        if (Clean(Applicant) is { } applicant)
            query = query.Where(c => c.Applicant.Name.Contains(applicant) || (c.Applicant.ContactPerson != null && c.Applicant.ContactPerson.Contains(applicant)));
        // ID numbers are stored upper-case (the check character X of a resident ID, letters of a credit code).
        if (Clean(IdNumber)?.ToUpperInvariant() is { } id)
            query = query.Where(c => c.Applicant.IdNumber.Contains(id));
        if (Clean(Text) is { } text)
            query = query.Where(c => c.Description.Contains(text) || (c.Purpose != null && c.Purpose.Contains(text))
                || (c.OutcomeReasons != null && c.OutcomeReasons.Contains(text)));
        if (Clean(Outcome) is { } outcome)
            query = query.Where(c => c.Outcome == outcome);
        if (ReceivedFrom is { } from)
            query = query.Where(c => c.ReceivedOn >= from);
        if (ReceivedTo is { } to)
            query = query.Where(c => c.ReceivedOn <= to);

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var page = await query
            .OrderByDescending(c => c.ClosedOn).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new { c.Id, c.CaseNumber, c.Applicant.Name, c.Description, c.ReceivedOn, c.Outcome, c.RepliedOn, c.ClosedOn })
            .ToListAsync(ct);
        Rows = page.Select(c => new ArchivedCase(c.Id, c.CaseNumber, c.Name, c.Description, c.ReceivedOn,
            c.Outcome is { } code ? outcomes.Find(code)?.Label ?? code : null, c.RepliedOn, c.ClosedOn)).ToList();
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public string PageUrl(int page) =>
        Url.Page("/Archive/Index", new
        {
            Number, Applicant, IdNumber, Text, Outcome,
            ReceivedFrom = ReceivedFrom?.ToString("yyyy-MM-dd"), ReceivedTo = ReceivedTo?.ToString("yyyy-MM-dd"),
            PageNumber = page,
        })!;
}
