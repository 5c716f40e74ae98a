using System.Globalization;
using System.Text.Json;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CongVu.Features.Portal.Home;

/// <summary>
/// The commune's transparency page: the public summary's aggregates for this year and the last, whatever
/// modules contribute. Only aggregates exist in that summary, so no person's rating can appear here.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class TransparencyModel(PortalCommunes communes, CommuneHome home, TimeProvider time) : PageModel
{
    public OrgNode Commune { get; private set; } = null!;

    public List<(int Year, JsonElement Figures)> Years { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (await communes.ResolveAsync(code, ct) is not { } commune)
        {
            return NotFound();
        }

        Commune = commune;
        var last = Math.Min(VietnamTime.Today(time).Year, commune.ValidTo?.Year ?? int.MaxValue);
        for (var y = last; y >= Math.Max(commune.ValidFrom.Year, last - 1); y--)
        {
            if (await home.FiguresAsync(commune.Code, y.ToString(CultureInfo.InvariantCulture), ct) is JsonElement f)
            {
                Years.Add((y, f));
            }
        }

        return Page();
    }
}
