using CongVu.Features.Organisation;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CongVu.Features.Portal.News;

/// <summary>The public news list of a commune, with search over titles and leads (diacritics optional).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ListModel(PortalCommunes communes, NewsQueries news) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public OrgNode Commune { get; private set; } = null!;

    public string Prefix { get; private set; } = "";

    public List<NewsPost> Posts { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (await communes.ResolveAsync(code, ct) is not { } commune)
        {
            return NotFound();
        }

        Commune = commune;
        Prefix = communes.Prefix(commune);
        Posts.AddRange(await news.LatestAsync(commune.Id, 50, Search, ct));
        return Page();
    }
}
