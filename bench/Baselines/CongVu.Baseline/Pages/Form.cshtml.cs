using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Baseline;

// A form with an antiforgery token: the POST checks the token and redirects, nothing more.
public sealed class FormModel : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost() => string.IsNullOrEmpty(UserName) ? Page() : Redirect("/page");
}
