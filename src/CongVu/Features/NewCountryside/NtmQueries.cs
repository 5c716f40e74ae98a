using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.NewCountryside;

/// <summary>One unit's progress on a set in a year: "x/19 met".</summary>
public sealed record NtmProgress(int UnitId, int Year, int Met, int InProgress, int Total);

public sealed class NtmQueries(AppDbContext db, OrgTree tree)
{
    public Task<List<CriteriaSet>> SetsAsync(CancellationToken ct) =>
        db.Set<CriteriaSet>().AsNoTracking().Include(s => s.Criteria).OrderBy(s => s.Level).ThenBy(s => s.FromYear).ToListAsync(ct);

    public async Task<CriteriaSet?> SetAsync(int id, CancellationToken ct)
    {
        var set = await db.Set<CriteriaSet>().AsNoTracking().Include(s => s.Criteria).FirstOrDefaultAsync(s => s.Id == id, ct);
        set?.Criteria.Sort((a, b) => a.Number.CompareTo(b.Number));
        return set;
    }

    /// <summary>The units a set applies to that the user sees: communes for commune sets, hamlets for the model-hamlet set (of the set's province).</summary>
    public async Task<List<OrgNode>> UnitsAsync(CriteriaSet set, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var kind = set.Level == CriteriaLevel.ModelHamlet ? OrgUnitKind.Hamlet : OrgUnitKind.Commune;
        var ids = db.Scope.All ? snap.Roots().SelectMany(r => snap.Scope(r.Id)) : db.Scope.UnitIds;
        return snap.Nodes(ids.Distinct()).Where(n => n.Kind == kind && Applies(set, n, snap)).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
    }

    public static bool Applies(CriteriaSet set, OrgNode unit, OrgTreeSnapshot snap) =>
        set.Level == CriteriaLevel.ModelHamlet
            ? unit.Kind == OrgUnitKind.Hamlet && (set.ProvinceCode is null || snap.AncestorsAndSelf(unit.Id).Any(a => a.Code == set.ProvinceCode))
            : unit.Kind == OrgUnitKind.Commune;

    public async Task<List<NtmProgress>> ProgressAsync(CriteriaSet set, IReadOnlyCollection<int> unitIds, CancellationToken ct)
    {
        var criteria = set.Criteria.Select(c => c.Id).ToArray();
        var rows = await db.Set<CriterionStatus>().AsNoTracking()
            .Where(s => criteria.Contains(s.CriterionId) && unitIds.Contains(s.OrgUnitId))
            .Select(s => new { s.OrgUnitId, s.Year, s.State })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.OrgUnitId, r.Year))
            .Select(g => new NtmProgress(g.Key.OrgUnitId, g.Key.Year, g.Count(r => r.State == CriterionState.Met), g.Count(r => r.State == CriterionState.InProgress), criteria.Length))
            .OrderBy(p => p.UnitId).ThenBy(p => p.Year).ToList();
    }

    public Task<List<CriterionStatus>> StatusesAsync(CriteriaSet set, int unitId, CancellationToken ct)
    {
        var criteria = set.Criteria.Select(c => c.Id).ToArray();
        return db.Set<CriterionStatus>().AsNoTracking().Where(s => s.OrgUnitId == unitId && criteria.Contains(s.CriterionId)).ToListAsync(ct);
    }

    public async Task<List<Inspection>> InspectionsAsync(int setId, int unitId, CancellationToken ct) =>
        (await db.Set<Inspection>().AsNoTracking().Include(i => i.Notes).Where(i => i.OrgUnitId == unitId && i.CriteriaSetId == setId).ToListAsync(ct))
            .OrderByDescending(i => i.Date).ToList();

    /// <summary>The latest year's progress of a commune on each commune set, for reports: ("Bộ tiêu chí …", 2024, 17, 19).</summary>
    public async Task<List<(CriteriaSet Set, NtmProgress Progress)>> CommuneStatusAsync(int communeId, int upToYear, CancellationToken ct)
    {
        var result = new List<(CriteriaSet, NtmProgress)>();
        foreach (var set in (await SetsAsync(ct)).Where(s => s.Level != CriteriaLevel.ModelHamlet))
        {
            var latest = (await ProgressAsync(set, [communeId], ct)).Where(p => p.Year <= upToYear).MaxBy(p => p.Year);
            if (latest is not null)
            {
                result.Add((set, latest));
            }
        }

        return result;
    }

    public static string StateName(CriterionState s) => s switch
    {
        CriterionState.Met => "Đạt",
        CriterionState.InProgress => "Đang thực hiện",
        _ => "Chưa đạt",
    };
}
