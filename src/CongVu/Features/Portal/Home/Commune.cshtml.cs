using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Portal.Home;

/// <summary>Any commune's public home: /xa/{code}.</summary>
[AllowAnonymous]
public sealed class CommuneModel(CommuneHome home) : PageModel
{
    public CommuneHomeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await home.BuildAsync(code, 6, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
