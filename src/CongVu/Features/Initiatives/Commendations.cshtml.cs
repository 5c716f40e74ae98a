using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Initiatives;

/// <summary>Commendations of the user's scope, by year of decision.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class CommendationsModel(AppDbContext db, OrgTree tree) : PageModel
{
    public sealed record Row(Commendation Item, string Subject, string? Link);

    public List<Row> Rows { get; private set; } = [];

    public List<int> Years { get; private set; } = [];

    public int? Year { get; private set; }

    public bool CanAdd => InitiativeAccess.IsCommittee(User);

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year;
        var snap = await tree.GetAsync(ct);
        var all = await db.Set<Commendation>().AsNoTracking().ToListAsync(ct);
        Years = all.Select(c => c.DecidedOn.Year).Distinct().OrderDescending().ToList();
        var rows = all.Where(c => year is null || c.DecidedOn.Year == year).OrderByDescending(c => c.DecidedOn).ThenBy(c => c.Id).ToList();
        var initiativeIds = rows.Select(r => r.InitiativeId).OfType<int>().Distinct().ToArray();
        var personIds = rows.Select(r => r.PersonId).OfType<int>().Distinct().ToArray();
        var titles = await db.Set<Initiative>().AsNoTracking().Where(i => initiativeIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        Rows = rows.Select(c => c switch
        {
            { PersonId: int p } => new Row(c, names.GetValueOrDefault(p) ?? "?", "/staff/people/" + p),
            { InitiativeId: int i } => new Row(c, titles.GetValueOrDefault(i) ?? "?", "/staff/initiatives/" + i),
            _ => new Row(c, snap.Find(c.CellId ?? c.OrgUnitId)?.Name ?? "?", null),
        }).ToList();
    }
}
