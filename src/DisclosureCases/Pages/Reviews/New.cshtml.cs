using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using DisclosureCases.Reviews;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Reviews;

/// <summary>
/// 登记复议/诉讼: from the worklist, from an application (?application=id: that application, its applicant and reply
/// prefilled), or as a follow-on of a decided case (?previous=id: 复议后起诉, or 上诉 with &amp;instance=Appeal).
/// </summary>
[Authorize(Roles = Roles.LegalReviewer)]
public class NewModel(ReviewIntake intake, DisclosureDbContext db, TimeProvider time) : PageModel
{
    [BindProperty] public ReviewIntakeInput Input { get; set; } = new();
    /// <summary>关联申请案号, one a line (or separated by commas).</summary>
    [BindProperty] public string? Numbers { get; set; }
    public ReviewCase? Previous { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? application, int? previous, ReviewInstance? instance, CancellationToken ct)
    {
        Input.FiledOn = ShanghaiTime.Today(time);
        if (application is { } id)
        {
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return NotFound();
            Input.ApplicationIds = [c.Id];
            Input.ApplicantName = c.Applicant.Name;
            Input.ActChallenged = $"{c.CaseNumber} 政府信息公开申请答复{(c.RepliedOn is { } d ? $"（{d:yyyy-MM-dd}）" : "")}";
            Input.Simplified = true; // 行政复议法第53条: FOI cases may be heard in the simplified procedure
        }
        if (previous is { } pid)
        {
            Previous = await db.ReviewCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == pid, ct);
            if (Previous is null) return NotFound();
            Input.PreviousId = Previous.Id;
            Input.Kind = ReviewKind.Litigation;
            Input.Instance = instance ?? ReviewInstance.First;
            Input.AfterReconsideration = Previous.Kind == ReviewKind.Reconsideration || Previous.AfterReconsideration;
            Input.ApplicantName = Previous.ApplicantName;
            Input.ActChallenged = Previous.ActChallenged;
            if (Input.Instance == ReviewInstance.Appeal) Input.Body = "上海市第三中级人民法院";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.ApplicationCaseNumbers = (Numbers ?? "").Split(['\n', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (Input.PreviousId is { } pid)
            Previous = await db.ReviewCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == pid, ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (id, validation) = await intake.CreateAsync(Input, Actor.From(User)!, ct);
        if (id is null)
        {
            foreach (var error in validation.Errors)
                ModelState.AddModelError($"{nameof(Input)}.{error.PropertyName}", error.ErrorMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Flash"] = "已登记复议、诉讼案件";
        return Redirect($"/Reviews/{id}");
    }
}
