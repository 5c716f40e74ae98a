using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CongVu.Features.Portal.Home;

/// <summary>Any commune's public home: /xa/{code}.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
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
