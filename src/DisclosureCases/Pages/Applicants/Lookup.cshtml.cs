using DisclosureCases.Applicants;
using DisclosureCases.Domain.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages.Applicants;

/// <summary>
/// The 申请人申请情况 panel for the intake form, once the clerk has typed the document number (wwwroot/js/applicant-history.js).
/// The number travels in the body of a POST (with the form's anti-forgery token), never in a URL.
/// </summary>
[Authorize(Roles = Roles.Clerk)]
public class LookupModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(string? idNumber) =>
        string.IsNullOrWhiteSpace(idNumber)
            ? Content("")
            : Partial("/Pages/Cases/_ApplicantHistory.cshtml", new ApplicantHistoryFor(idNumber, null));
}
