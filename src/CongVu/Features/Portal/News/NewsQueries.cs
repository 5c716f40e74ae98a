using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal.News;

/// <summary>What the public may read: published posts whose time has come (scheduled publishing is this query).</summary>
public sealed class NewsQueries(AppDbContext db, TimeProvider time)
{
    // Public readers have no scope; the filter here is explicit instead: the commune, the state and the time.
    private IQueryable<NewsPost> Public(int communeId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Set<NewsPost>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.OrgUnitId == communeId && p.State == NewsState.Published && p.PublishAt <= now);
    }

    public async Task<List<NewsPost>> LatestAsync(int communeId, int take, string? search, CancellationToken ct)
    {
        var q = Public(communeId);
        var folded = VietnameseText.Fold(search);
        if (folded.Length > 0)
        {
            q = q.Where(p => p.SearchText.Contains(folded));
        }

        return await q.OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).Take(take).ToListAsync(ct);
    }

    public Task<NewsPost?> FindAsync(int communeId, string slug, CancellationToken ct) =>
        Public(communeId).Include(p => p.Photos.OrderBy(f => f.SortOrder)).FirstOrDefaultAsync(p => p.Slug == slug, ct);

    /// <summary>A photo anyone may see: one of a post that is public now.</summary>
    public async Task<NewsPhoto?> PublicPhotoAsync(int id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<NewsPhoto>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Id == id && db.Set<NewsPost>().IgnoreQueryFilters().Any(p => p.Id == f.PostId && p.State == NewsState.Published && p.PublishAt <= now))
            .FirstOrDefaultAsync(ct);
    }

    public static string SearchTextOf(string title, string lead) => VietnameseText.Fold(title + " " + lead);
}
