using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation;

public sealed record RollCount(int Cells, int Members, int Exempt, int Probationary);

/// <summary>Counts over the registry on a given day, computed from membership periods.</summary>
public sealed class RegistryQueries(AppDbContext db, OrgTree tree)
{
    /// <summary>Party cells under a party organisation (at any depth) that existed on the day.</summary>
    public static List<int> CellsOn(OrgTreeSnapshot snap, int partyOrgId, DateOnly day)
    {
        var cells = new List<int>();
        var stack = new Stack<int>();
        stack.Push(partyOrgId);
        while (stack.Count > 0)
        {
            foreach (var child in snap.Children(stack.Pop()))
            {
                if (!child.IsValidOn(day))
                {
                    continue;
                }

                if (child.Kind == OrgUnitKind.PartyCell)
                {
                    cells.Add(child.Id);
                }
                else if (OrgUnit.IsParty(child.Kind))
                {
                    stack.Push(child.Id);
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The roll of a party organisation on a day. Public aggregates only: the scope filter is lifted
    /// deliberately here, and nothing but counts leaves this method.
    /// </summary>
    public async Task<RollCount> RollOnAsync(int partyOrgId, DateOnly day, CancellationToken ct) =>
        (await RollsOnAsync([partyOrgId], day, ct))[partyOrgId];

    /// <summary>The rolls of several party organisations on a day in one query (a list of communes must not cost a query each).</summary>
    public async Task<Dictionary<int, RollCount>> RollsOnAsync(IReadOnlyCollection<int> partyOrgIds, DateOnly day, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var cellsOf = partyOrgIds.Distinct().ToDictionary(id => id, id => CellsOn(snap, id, day));
        var orgOfCell = cellsOf.SelectMany(kv => kv.Value.Select(cell => (cell, org: kv.Key))).ToDictionary(x => x.cell, x => x.org);
        var cells = orgOfCell.Keys.ToArray();
        var rows = await db.MembershipPeriods.IgnoreQueryFilters()
            .Where(p => cells.Contains(p.OrgUnitId) && p.From <= day && (p.To == null || p.To >= day))
            .GroupBy(p => new { p.OrgUnitId, p.Status, p.Class })
            .Select(g => new { g.Key.OrgUnitId, g.Key.Status, g.Key.Class, Count = g.Count() })
            .ToListAsync(ct);
        var byOrg = rows.ToLookup(r => orgOfCell[r.OrgUnitId], r => (r.Status, r.Class, r.Count));
        return cellsOf.ToDictionary(kv => kv.Key, kv => Tally(byOrg[kv.Key], kv.Value.Count));
    }

    /// <summary>Members on the roll on a day among the given periods, by status and class.</summary>
    public static async Task<RollCount> CountAsync(IQueryable<MembershipPeriod> periods, DateOnly day, int cells, CancellationToken ct)
    {
        var rows = await periods
            .Where(p => p.From <= day && (p.To == null || p.To >= day))
            .GroupBy(p => new { p.Status, p.Class })
            .Select(g => new { g.Key.Status, g.Key.Class, Count = g.Count() })
            .ToListAsync(ct);
        return Tally(rows.Select(r => (r.Status, r.Class, r.Count)), cells);
    }

    private static RollCount Tally(IEnumerable<(MemberStatus Status, MemberClass Class, int Count)> rows, int cells)
    {
        var onRoll = rows.Where(r => PartyMembership.IsOnRoll(r.Status)).ToList();
        return new RollCount(
            cells,
            onRoll.Sum(r => r.Count),
            onRoll.Where(r => r.Status == MemberStatus.ExemptFromActivities).Sum(r => r.Count),
            onRoll.Where(r => r.Class == MemberClass.Probationary).Sum(r => r.Count));
    }
}
