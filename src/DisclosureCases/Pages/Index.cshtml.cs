using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DisclosureCases.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
