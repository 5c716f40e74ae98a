using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal.News;

[Authorize(Policy = Policies.NewsEdit)]
public sealed class IndexModel(NewsDesk desk) : PageModel
{
    public List<NewsPost> Posts { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Posts.AddRange(await (await desk.PostsAsync(User, ct)).AsNoTracking().OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).Take(200).ToListAsync(ct));
}
