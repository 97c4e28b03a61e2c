using DisclosureCases.Api;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Admin.Partners;

/// <summary>
/// 数据交换接口 (管理员 only): the partner systems of the administrator's agency that may call the JSON API — issue a key
/// (shown once, on the answer to the form, never stored or put in a cookie), revoke it — and the recent calls.
/// </summary>
[AdminOnly]
public class IndexModel(ApiPartners partners, DisclosureDbContext db) : PageModel
{
    public IReadOnlyList<ApiPartner> Partners { get; private set; } = [];
    public IReadOnlyList<ApiCall> Calls { get; private set; } = [];
    /// <summary>The partner just created and its key, on the answer to the create form only.</summary>
    public ApiPartners.Created? Created { get; private set; }
    public string? Problem { get; private set; }
    [BindProperty] public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var me = Actor.From(User)!;
        Problem = ApiPartners.NameProblem(Name);
        if (Problem is null)
            Created = await partners.CreateAsync(Name!, me.AgencyId, me.Name, ct);
        else
            Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await partners.RevokeAsync(id, Actor.From(User)!.Name, ct)) return NotFound();
        TempData["Flash"] = "已吊销该合作系统的 API 密钥，立即生效。";
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Partners = await partners.ListAsync(ct);
        Calls = await db.ApiCalls.AsNoTracking().OrderByDescending(c => c.Id).Take(100).ToListAsync(ct);
    }

    public static string Local(DateTimeOffset? at) => at is { } t ? ShanghaiTime.Local(t).ToString("yyyy-MM-dd HH:mm:ss") : "—";
}
