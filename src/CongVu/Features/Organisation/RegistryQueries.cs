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
    public async Task<RollCount> RollOnAsync(int partyOrgId, DateOnly day, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var cells = CellsOn(snap, partyOrgId, day).ToArray();
        var periods = db.MembershipPeriods.IgnoreQueryFilters().Where(p => cells.Contains(p.OrgUnitId));
        return await CountAsync(periods, day, cells.Length, ct);
    }

    /// <summary>Members on the roll on a day among the given periods, by status and class.</summary>
    public static async Task<RollCount> CountAsync(IQueryable<MembershipPeriod> periods, DateOnly day, int cells, CancellationToken ct)
    {
        var rows = await periods
            .Where(p => p.From <= day && (p.To == null || p.To >= day))
            .GroupBy(p => new { p.Status, p.Class })
            .Select(g => new { g.Key.Status, g.Key.Class, Count = g.Count() })
            .ToListAsync(ct);
        var onRoll = rows.Where(r => PartyMembership.IsOnRoll(r.Status)).ToList();
        return new RollCount(
            cells,
            onRoll.Sum(r => r.Count),
            onRoll.Where(r => r.Status == MemberStatus.ExemptFromActivities).Sum(r => r.Count),
            onRoll.Where(r => r.Class == MemberClass.Probationary).Sum(r => r.Count));
    }
}
