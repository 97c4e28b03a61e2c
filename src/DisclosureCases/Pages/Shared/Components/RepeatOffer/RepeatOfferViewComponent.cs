using DisclosureCases.Data;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Pages.Cases.Letters;
using DisclosureCases.Similarity;
using Microsoft.AspNetCore.Mvc;

namespace DisclosureCases.Pages.Shared.Components.RepeatOffer;

/// <summary>
/// On the reply letter form: when the same applicant asked for the same information before and was answered, the
/// clerk is offered 重复申请 (条例第36条（六）) with the earlier case and reply cited — one click fills the outcome and
/// the 前次申请及答复情况 slot; the clerk still reviews and submits. Never shown for another applicant's case.
/// </summary>
public class RepeatOfferViewComponent(DisclosureDbContext db, OutcomeCatalog outcomes) : ViewComponent
{
    public const string Outcome = "reject-repeat";

    public sealed record Model(EditModel Page, EarlierAnswer Earlier, string Reasons, string EarlierOutcome);

    public async Task<IViewComponentResult> InvokeAsync(EditModel page)
    {
        if (page.Work.OutcomeChoices.All(o => o.Code != Outcome) || page.Outcome == Outcome) return Content("");
        if (await RepeatApplications.FindAsync(db, page.Work.Case.Id, HttpContext.RequestAborted) is not { } earlier) return Content("");
        var label = outcomes.Find(earlier.Outcome)?.Label ?? earlier.Outcome;
        return View(new Model(page, earlier, RepeatApplications.ReasonsText(earlier, label), label));
    }
}
