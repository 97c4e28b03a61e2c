using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages;

public class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Cases/Index");
}
