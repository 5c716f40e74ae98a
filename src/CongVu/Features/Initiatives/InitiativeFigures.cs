using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Initiatives;

/// <summary>
/// This module's keys in GET /api/v1/public/summary: typicalInitiatives and initiatives (recognised up to the
/// year), commendations (decided in the year), publicWorkContributionsVnd (estimated value given in the year).
/// </summary>
public sealed class InitiativeFigures(AppDbContext db) : IPublicFigures
{
    public async Task AddAsync(PublicFiguresContext context, IDictionary<string, object?> figures, CancellationToken ct)
    {
        // The committee's scope includes the cells of predecessors, so a merged commune keeps its models.
        var units = context.Tree.Scope(context.Committee?.Id ?? context.Commune.Id);
        var yearEnd = new DateOnly(context.Year, 12, 31);
        var yearStart = new DateOnly(context.Year, 1, 1);
        var initiatives = await db.Set<Initiative>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => units.Contains(i.OrgUnitId) && i.ApprovedOn != null && i.ApprovedOn <= yearEnd)
            .Select(i => new { i.RecognisedOn, i.EndedOn, i.Status })
            .ToListAsync(ct);
        figures["initiatives"] = initiatives.Count(i => i.EndedOn is null || i.EndedOn >= yearStart);
        figures["typicalInitiatives"] = initiatives.Count(i => i.RecognisedOn is DateOnly r && r <= yearEnd && (i.EndedOn is null || i.EndedOn > yearEnd));
        figures["commendations"] = await db.Set<Commendation>().IgnoreQueryFilters().AsNoTracking()
            .CountAsync(c => units.Contains(c.OrgUnitId) && c.DecidedOn >= yearStart && c.DecidedOn <= yearEnd, ct);
        var values = await db.Set<Contribution>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => units.Contains(c.OrgUnitId) && c.PublicWorkId != null && c.OnDate >= yearStart && c.OnDate <= yearEnd)
            .Select(c => c.EstimatedValueVnd)
            .ToListAsync(ct);
        figures["publicWorkContributionsVnd"] = values.Sum();
    }
}
