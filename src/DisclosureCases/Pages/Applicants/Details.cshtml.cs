using DisclosureCases.Applicants;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Pages.Applicants;

/// <summary>
/// 申请人的全部申请: every application to this agency from the applicant of case <c>id</c>, with counts per month. The
/// applicant is named by one of their cases, so that no identity number ever appears in a URL (or a request log);
/// another agency's case is a 404.
/// </summary>
public class DetailsModel(DisclosureDbContext db, ApplicantHistoryQuery query, WorkflowRegistry workflows, OutcomeCatalog outcomes) : PageModel
{
    public Case Case { get; private set; } = null!;
    public ApplicantHistory History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        Case = c;
        History = await query.ForIdNumberAsync(c.Applicant.IdNumber, ct);
        return Page();
    }

    public string StateTitle(ApplicantCase c) =>
        workflows.Get(Case.WorkflowId, Case.WorkflowVersion, Case.WorkflowHash).FindState(c.State)?.Title ?? c.State;

    public string OutcomeLabel(string? code) => code is null ? "—" : outcomes.Find(code)?.Label ?? code;
}
