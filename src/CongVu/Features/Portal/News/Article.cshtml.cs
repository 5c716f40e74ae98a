using CongVu.Features.Organisation;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CongVu.Features.Portal.News;

/// <summary>A published article with its captioned photos and byline; drafts and scheduled posts are 404.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ArticleModel(PortalCommunes communes, NewsQueries news) : PageModel
{
    public OrgNode Commune { get; private set; } = null!;

    public string Prefix { get; private set; } = "";

    public NewsPost Post { get; private set; } = null!;

    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? code, string slug, CancellationToken ct)
    {
        if (await communes.ResolveAsync(code, ct) is not { } commune || await news.FindAsync(commune.Id, slug, ct) is not { } post)
        {
            return NotFound();
        }

        Commune = commune;
        Prefix = communes.Prefix(commune);
        Post = post;
        BodyHtml = NewsText.ToSafeHtml(post.Body);
        return Page();
    }
}
