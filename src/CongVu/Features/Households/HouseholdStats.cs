using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Households;

/// <summary>One year's household counts for a unit.</summary>
public sealed record HouseholdTally(int Year, int Households, int Poor, int NearPoor, int Cultural)
{
    public decimal? PoorRate => Households == 0 ? null : Math.Round(100m * Poor / Households, 2);

    public decimal? CulturalRate => Households == 0 ? null : Math.Round(100m * Cultural / Households, 2);
}

/// <summary>Counts the household register of a commune or hamlet, year by year: the one place these figures are computed.</summary>
public sealed class HouseholdStats(AppDbContext db)
{
    /// <summary>
    /// The hamlets whose yearly facts make up a unit's figures: a hamlet with its predecessors and successors;
    /// a commune's hamlets, its predecessor communes' hamlets, and the hamlets that succeeded them (a merged
    /// commune keeps its history; an ended commune is still counted for the year it ended).
    /// </summary>
    public static int[] HamletsOf(OrgTreeSnapshot snap, OrgNode unit)
    {
        var result = new HashSet<int>();
        if (unit.Kind == OrgUnitKind.Hamlet)
        {
            AddHamlet(unit.Id);
            return [.. result];
        }

        var commune = unit.Kind == OrgUnitKind.Commune ? unit : snap.CommuneOf(unit.Id);
        if (commune is null)
        {
            return [];
        }

        var communes = new HashSet<int>();
        var queue = new Queue<int>([commune.Id]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!communes.Add(id))
            {
                continue;
            }

            foreach (var p in snap.Predecessors(id).Where(p => p.Kind == OrgUnitKind.Commune))
            {
                queue.Enqueue(p.Id);
            }
        }

        foreach (var c in communes)
        {
            foreach (var h in snap.Children(c).Where(n => n.Kind == OrgUnitKind.Hamlet))
            {
                AddHamlet(h.Id);
            }
        }

        return [.. result];

        void AddHamlet(int id)
        {
            result.Add(id);
            foreach (var n in snap.Predecessors(id).Concat(snap.Successors(id)).Where(n => n.Kind == OrgUnitKind.Hamlet))
            {
                result.Add(n.Id);
            }
        }
    }

    /// <summary>Counts by year. The public summary passes ignoreScope (aggregates only, no person is shown).</summary>
    public async Task<Dictionary<int, HouseholdTally>> TallyAsync(int[] hamletIds, int fromYear, int toYear, bool ignoreScope, CancellationToken ct)
    {
        var years = ignoreScope ? db.Set<HouseholdYear>().IgnoreQueryFilters() : db.Set<HouseholdYear>();
        var rows = await years.AsNoTracking()
            .Where(y => hamletIds.Contains(y.OrgUnitId) && y.Year >= fromYear && y.Year <= toYear)
            .GroupBy(y => y.Year)
            .Select(g => new
            {
                Year = g.Key,
                Count = g.Count(),
                Poor = g.Count(y => y.Poverty == PovertyClass.Poor),
                NearPoor = g.Count(y => y.Poverty == PovertyClass.NearPoor),
                Cultural = g.Count(y => y.CulturalFamily),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Year, r => new HouseholdTally(r.Year, r.Count, r.Poor, r.NearPoor, r.Cultural));
    }
}
