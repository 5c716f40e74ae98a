using CongVu.Features.Organisation;
using CongVu.Features.Reviews;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Pledges;

public sealed record CellRegistration(int CellId, string CellName, int Eligible, int Registered, bool CollectiveFiled, List<RollMember> Missing)
{
    public decimal Rate => Eligible == 0 ? 0m : (decimal)Registered / Eligible;
}

/// <summary>Registration counts for a year: who must pledge, who has, who is missing.</summary>
public sealed class PledgeQueries(AppDbContext db, OrgTree tree, TimeProvider time)
{
    /// <summary>A pledge counts as registered once submitted (acknowledged or awaiting acknowledgement).</summary>
    public static bool IsRegistered(PledgeState s) => s is PledgeState.Submitted or PledgeState.Acknowledged;

    public async Task<List<CellRegistration>> ByCellAsync(RatingYear year, bool ignoreScope, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var roll = await YearRoll.LoadAsync(db, snap, year, Infrastructure.Time.VietnamTime.Today(time), ignoreScope, ct);
        var pledges = ignoreScope ? db.Set<Pledge>().IgnoreQueryFilters() : db.Set<Pledge>();
        var filed = await pledges.Where(p => p.RatingYearId == year.Id)
            .Select(p => new { p.PersonId, p.OrgUnitId, p.State })
            .ToListAsync(ct);
        var registered = filed.Where(p => p.PersonId != null && IsRegistered(p.State)).Select(p => p.PersonId!.Value).ToHashSet();
        var collective = filed.Where(p => p.PersonId == null && IsRegistered(p.State)).Select(p => p.OrgUnitId).ToHashSet();
        return roll.Where(r => r.MustPledge)
            .GroupBy(r => r.CellId)
            .Select(g => new CellRegistration(
                g.Key,
                snap.Find(g.Key)?.Name ?? "?",
                g.Count(),
                g.Count(r => registered.Contains(r.PersonId)),
                collective.Contains(g.Key),
                g.Where(r => !registered.Contains(r.PersonId)).ToList()))
            .OrderBy(c => snap.Find(c.CellId)?.SortOrder ?? 0)
            .ToList();
    }
}

/// <summary>Public figure pledgeRate: registered ÷ members who must pledge, for the commune's committee and year (Chỉ thị 05-CT/TW).</summary>
public sealed class PledgeFigures(AppDbContext db, PledgeQueries queries) : IPublicFigures
{
    public async Task AddAsync(PublicFiguresContext context, IDictionary<string, object?> figures, CancellationToken ct)
    {
        figures["pledgeRate"] = null;
        if (context.Committee is null)
        {
            return;
        }

        var year = await db.Set<RatingYear>().AsNoTracking().FirstOrDefaultAsync(y => y.CommitteeId == context.Committee.Id && y.Year == context.Year, ct);
        if (year is null)
        {
            return;
        }

        var cells = await queries.ByCellAsync(year, ignoreScope: true, ct);
        var eligible = cells.Sum(c => c.Eligible);
        figures["pledgeRate"] = eligible == 0 ? null : Math.Round((decimal)cells.Sum(c => c.Registered) / eligible, 4);
    }
}
