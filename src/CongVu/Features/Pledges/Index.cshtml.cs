using CongVu.Features.Organisation;
using CongVu.Features.Reviews;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Pledges;

/// <summary>Registration dashboard: per cell and for the commune, who has pledged and who is missing (Chỉ thị 05-CT/TW).</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(AppDbContext db, OrgTree tree, PledgeQueries queries) : PageModel
{
    public sealed record Row(int Id, string Owner, string Cell, PledgeState State, bool OnBehalf);

    public List<RatingYear> Years { get; private set; } = [];

    public RatingYear? Year { get; private set; }

    public List<CellRegistration> Cells { get; private set; } = [];

    public List<Row> Pledges { get; } = [];

    public int Eligible => Cells.Sum(c => c.Eligible);

    public int Registered => Cells.Sum(c => c.Registered);

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Years = await CycleAccess.VisibleYearsAsync(db, snap, ct);
        Year = year is int y ? Years.FirstOrDefault(x => x.Id == y) : Years.FirstOrDefault();
        if (year is not null && Year is null)
        {
            return NotFound();
        }

        if (Year is null)
        {
            return Page();
        }

        Cells = await queries.ByCellAsync(Year, ignoreScope: false, ct);
        var rows = await db.Set<Pledge>().Where(p => p.RatingYearId == Year.Id)
            .Select(p => new { p.Id, p.PersonId, p.OrgUnitId, p.State, p.EnteredOnBehalfBy })
            .ToListAsync(ct);
        var ids = rows.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).ToArray();
        var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        Pledges.AddRange(rows
            .Select(r => new Row(r.Id, r.PersonId is int pid ? names.GetValueOrDefault(pid, "?") : "Tập thể chi bộ", snap.Find(r.OrgUnitId)?.Name ?? "?", r.State, r.EnteredOnBehalfBy is not null))
            .OrderBy(r => r.State == PledgeState.Submitted ? 0 : 1).ThenBy(r => r.Cell, StringComparer.Ordinal).ThenBy(r => r.Owner, StringComparer.Ordinal));
        return Page();
    }
}
