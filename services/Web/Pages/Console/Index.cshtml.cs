using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shipping.Web.Pages.Console;

/// <summary><c>/console</c>: the console's start page (the search; a placeholder until the agents' pages arrive).</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
