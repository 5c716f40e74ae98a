using CongVu.Features.Organisation;
using CongVu.Features.Portal;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Initiatives.Public;

/// <summary>The commune's typical models (mô hình tiêu biểu) for the public: results, photos and commendations; never a person's record.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ModelsModel(PortalCommunes communes, OrgTree tree, AppDbContext db) : PageModel
{
    public sealed record Card(Initiative Item, string Unit, List<(string Name, string Unit, decimal Target, decimal? Reached)> Results, List<(int Id, string Caption)> Photos, List<string> Commendations);

    public OrgNode Commune { get; private set; } = null!;

    public string Prefix { get; private set; } = string.Empty;

    public List<Card> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (await communes.ResolveAsync(code, ct) is not { } commune)
        {
            return NotFound();
        }

        Commune = commune;
        Prefix = communes.Prefix(commune);
        var snap = await tree.GetAsync(ct);
        // Anonymous: no scope of its own, so the commune's committee subtree (predecessors included) is the filter.
        var units = snap.Scope(snap.CommitteeOf(commune.Id)?.Id ?? commune.Id);
        var items = await db.Set<Initiative>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => units.Contains(i.OrgUnitId) && i.Status == InitiativeStatus.Typical)
            .Include(i => i.Targets).Include(i => i.Updates).ThenInclude(u => u.Figures)
            .AsSplitQuery().ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToArray();
        var photos = await db.Set<InitiativePhoto>().IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.InitiativeId))
            .Select(p => new { p.Id, p.InitiativeId, p.Caption }).ToListAsync(ct);
        var commendations = await db.Set<Commendation>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.InitiativeId != null && ids.Contains(c.InitiativeId.Value) && c.PersonId == null).ToListAsync(ct);
        Cards = items.OrderBy(i => i.RecognisedOn).ThenBy(i => snap.Find(i.OrgUnitId)?.SortOrder).ThenBy(i => i.Id).Select(i =>
        {
            var latest = i.Updates.OrderBy(u => u.OnDate).ThenBy(u => u.At).SelectMany(u => u.Figures).GroupBy(f => f.TargetId).ToDictionary(g => g.Key, g => g.Last().Value);
            return new Card(
                i,
                snap.Find(i.OrgUnitId)?.Name ?? "?",
                i.Targets.OrderBy(t => t.SortOrder).Select(t => (t.Name, t.Unit, t.Target, latest.TryGetValue(t.Id, out var v) ? (decimal?)v : null)).ToList(),
                photos.Where(p => p.InitiativeId == i.Id).OrderBy(p => p.Id).Select(p => (p.Id, p.Caption)).ToList(),
                commendations.Where(c => c.InitiativeId == i.Id).OrderBy(c => c.DecidedOn).Select(c => $"{c.Title} ({c.IssuedBy}, {c.DecisionNumber})").ToList());
        }).ToList();
        return Page();
    }
}
