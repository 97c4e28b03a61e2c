using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Cases;

/// <summary>新建申请: the intake form. Bad input re-renders the form with a 400 and every error beside its field.</summary>
public class NewModel(CaseIntake intake, DisclosureDbContext db, TimeProvider time) : PageModel
{
    [BindProperty] public IntakeInput Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.ArrivedOn = ShanghaiTime.Today(time);
        Input.DeliveryMethod = DeliveryMethod.Post;
        await LoadListsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The lists are read only when the form is shown again: an accepted application is redirected to its case.
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadListsAsync(ct);
            return Page();
        }
        var (created, validation) = await intake.ReceiveAsync(Input, Actor.From(User)!, ct);
        if (created is null)
        {
            foreach (var error in validation.Errors)
                ModelState.AddModelError($"{nameof(Input)}.{error.PropertyName}", error.ErrorMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadListsAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"已接收申请，收到申请之日 {created.ReceivedOn:yyyy-MM-dd}。下一步：登记。";
        return Redirect($"/Cases/{created.Id}");
    }

    async Task LoadListsAsync(CancellationToken ct) =>
        Departments = await db.Departments.OrderBy(d => d.Id).Select(d => new ValueTuple<int, string>(d.Id, d.Name)).ToListAsync(ct);
}
