using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Templates;

/// <summary>
/// 用案件预览: a version of a template (approved or proposed) merged with a real case of the agency — agency settings,
/// applicant, dates, the consulted party and the last posting — with the slots left as 【label】, and what the merged
/// letter would still lack. Nothing is stored.
/// </summary>
public class PreviewModel(DisclosureDbContext db, TemplateStore store, WorkflowRegistry workflows, OutcomeCatalog outcomes, CalendarHolder calendar)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public int? CaseId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }

    public string Id { get; private set; } = "";
    public StoredTemplateVersion Stored { get; private set; } = null!;
    public LetterTemplate Template { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Label)> Cases { get; private set; } = [];
    public LetterDraft? Draft { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(id, ct);
        var stored = Version is { } v ? versions.FirstOrDefault(x => x.Version == v)
            : versions.Where(x => x.Approval == TemplateApproval.Approved).MaxBy(x => x.Version) ?? versions.LastOrDefault();
        if (stored is null) return NotFound();
        Id = id;
        Stored = stored;
        Version = stored.Version;
        Template = store.Parse(stored);
        if (Template.Outcomes.Count > 0 && (Outcome is null || !Template.Outcomes.Contains(Outcome))) Outcome = Template.Outcomes[0];
        if (Template.Outcomes.Count == 0) Outcome = null;

        // The agency's registered cases, newest first: enough to find a fitting one without a search.
        Cases = (await db.Cases.AsNoTracking().Where(c => c.CaseNumber != null).OrderByDescending(c => c.Id).Take(100)
                .Select(c => new { c.Id, c.CaseNumber, c.Applicant.Name }).ToListAsync(ct))
            .Select(c => (c.Id, $"{c.CaseNumber} {c.Name}")).ToList();
        CaseId ??= Cases.Count > 0 ? Cases[0].Id : null;
        if (CaseId is null)
        {
            Problem = "本机关还没有已登记的案件可供预览。";
            return Page();
        }
        var c = await db.Cases.AsNoTracking().Include(x => x.ClockEvents).Include(x => x.Mailings).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == CaseId, ct);
        if (c is null) return NotFound();
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == c.AgencyId, ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).ToListAsync(ct);
        var posting = c.Mailings.Where(m => m.PostedOn is not null).MaxBy(m => m.Id);
        var data = LetterMerge.For(c, agency, workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash), calendar.Calculator,
            Outcome is null ? null : outcomes.Find(Outcome), LetterMerge.ConsultedParty(events),
            new Dictionary<string, string>(),
            posting is null ? null : new MailingFacts { Method = posting.Method, TrackingNumber = posting.TrackingNumber, PostedOn = posting.PostedOn });
        try
        {
            Draft = new LetterDraft(Template, data);
        }
        catch (LetterRenderException e)
        {
            Problem = "该版本无法生成文书：" + e.Message;
        }
        return Page();
    }
}
