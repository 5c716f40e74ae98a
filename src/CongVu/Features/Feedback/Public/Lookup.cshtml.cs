using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Feedback.Public;

[AllowAnonymous]
public sealed class LookupModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ma")]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        if (Code is null)
        {
            return Page();
        }

        var normal = TrackingCode.Normalize(Code);
        if (normal is null)
        {
            Error = "Mã tra cứu gồm 10 ký tự chữ và số, ví dụ 7KQ2M9XA4T.";
            return Page();
        }

        return Redirect("/tra-cuu/" + normal);
    }
}
