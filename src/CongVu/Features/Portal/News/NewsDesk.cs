using System.Security.Claims;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal.News;

/// <summary>
/// The posts a news desk user may edit: those of the units under their own unit (a commune's committee
/// reaches its commune). Computed here because editors have no registry scope (AccessScope gives them
/// none, so they never read people's records); the filter is explicit instead.
/// </summary>
public sealed class NewsDesk(AppDbContext db, OrgTree tree)
{
    public async Task<IQueryable<NewsPost>> PostsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var units = await UnitsAsync(user, ct);
        return db.Set<NewsPost>().IgnoreQueryFilters().Where(p => units.Contains(p.OrgUnitId));
    }

    public async Task<IQueryable<NewsPhoto>> PhotosAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var units = await UnitsAsync(user, ct);
        return db.Set<NewsPhoto>().IgnoreQueryFilters().Where(p => units.Contains(p.OrgUnitId));
    }

    private async Task<int[]> UnitsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!int.TryParse(user.FindFirstValue(AppClaims.OrgUnit), out var unitId))
        {
            return [];
        }

        var snap = await tree.GetAsync(ct);
        return snap.Scope(unitId);
    }
}
