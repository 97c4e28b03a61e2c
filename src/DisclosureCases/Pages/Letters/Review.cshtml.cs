using DisclosureCases.Data;
using DisclosureCases.Letters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Letters;

/// <summary>
/// 文书审核: the agency's letters waiting for 法制审核 (oldest first: the reply deadline runs while they wait), the ones
/// returned to the clerks, and the latest issued.
/// </summary>
public class ReviewModel(DisclosureDbContext db) : PageModel
{
    public sealed record Row(int Id, int CaseId, string? CaseNumber, string Applicant, string Title, string TemplateId, int TemplateVersion,
        LetterStatus Status, string? Who, DateTimeOffset? When, string? Number, DateOnly? IssuedOn, DateOnly? ReplyDue, string? Comment);

    public IReadOnlyList<Row> InReview { get; private set; } = [];
    public IReadOnlyList<Row> Returned { get; private set; } = [];
    public IReadOnlyList<Row> Issued { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = from l in db.Letters.AsNoTracking()
                   join c in db.Cases.AsNoTracking() on l.CaseId equals c.Id
                   select new { l, c.CaseNumber, Applicant = c.Applicant.Name, c.ReplyDue };
        // Ordered in memory: SQLite cannot order by a DateTimeOffset column, and the lists are short.
        InReview = (await rows.Where(r => r.l.Status == LetterStatus.InReview).ToListAsync(ct)).OrderBy(r => r.l.SubmittedAt)
            .Select(r => new Row(r.l.Id, r.l.CaseId, r.CaseNumber, r.Applicant, r.l.Title, r.l.TemplateId, r.l.TemplateVersion, r.l.Status,
                r.l.SubmittedByName, r.l.SubmittedAt, r.l.Number, r.l.IssuedOn, r.ReplyDue, null)).ToList();
        Returned = (await rows.Where(r => r.l.Status == LetterStatus.Returned).ToListAsync(ct)).OrderBy(r => r.l.ReviewedAt)
            .Select(r => new Row(r.l.Id, r.l.CaseId, r.CaseNumber, r.Applicant, r.l.Title, r.l.TemplateId, r.l.TemplateVersion, r.l.Status,
                r.l.ReviewedByName, r.l.ReviewedAt, r.l.Number, r.l.IssuedOn, r.ReplyDue, r.l.ReviewComment)).ToList();
        Issued = (await rows.Where(r => r.l.Status == LetterStatus.Issued || r.l.Status == LetterStatus.Superseded)
                .OrderByDescending(r => r.l.Id).Take(30).ToListAsync(ct))
            .Select(r => new Row(r.l.Id, r.l.CaseId, r.CaseNumber, r.Applicant, r.l.Title, r.l.TemplateId, r.l.TemplateVersion, r.l.Status,
                r.l.ReviewedByName, r.l.ReviewedAt, r.l.Number, r.l.IssuedOn, r.ReplyDue, null)).ToList();
    }
}
