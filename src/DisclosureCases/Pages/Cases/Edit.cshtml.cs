using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Cases;

/// <summary>修改案件信息: correct the applicant's details or the request; every change goes on the record.</summary>
[Authorize(Roles = Roles.Clerk)]
public class EditModel(DisclosureDbContext db, CaseEdit edit) : PageModel
{
    [BindProperty] public IntakeInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public string Title { get; private set; } = "";
    public string? Refusal { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        if (c.Archived) return Redirect($"/Cases/{id}");
        Input = CaseEdit.InputOf(c);
        Version = c.Version;
        await LoadAsync(c, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await edit.SaveAsync(id, Input, Version, Actor.From(User)!, ct);
        switch (result)
        {
            case CaseEdit.Result.NotFound:
                return NotFound();
            case CaseEdit.Result.Saved saved:
                TempData["Flash"] = saved.Changed == 0 ? "没有修改任何内容" : $"已保存 {saved.Changed} 项修改，已记入全程记录";
                return Redirect($"/Cases/{id}");
            case CaseEdit.Result.Invalid invalid:
                foreach (var e in invalid.Validation.Errors)
                    ModelState.AddModelError($"{nameof(Input)}.{e.PropertyName}", e.ErrorMessage);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case CaseEdit.Result.Refused refused:
                Refusal = refused.Reason;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        await LoadAsync(c, ct);
        return Page();
    }

    async Task LoadAsync(Case c, CancellationToken ct)
    {
        Title = c.CaseNumber ?? "（未登记）";
        Departments = await db.Departments.OrderBy(d => d.Id).Select(d => new ValueTuple<int, string>(d.Id, d.Name)).ToListAsync(ct);
    }
}
