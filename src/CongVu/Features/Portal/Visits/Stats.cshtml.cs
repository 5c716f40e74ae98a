using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Portal.Visits;

/// <summary>Daily visits and top pages of a commune's portal (aggregates only: there is nothing per visitor to show).</summary>
[Authorize(Policy = Policies.NewsEdit)]
public sealed class StatsModel(AppDbContext db, OrgTree tree, VisitService visits, PortalSite site, TimeProvider time) : PageModel
{
    public const int Days = 30;

    [BindProperty(SupportsGet = true, Name = "xa")]
    public string? CommuneCode { get; set; }

    public OrgNode? Commune { get; private set; }

    public VisitFigures Figures { get; private set; } = new(0, 0, 0, 0);

    public List<PortalVisitDay> Daily { get; } = [];

    public List<(string Path, long Views)> TopPages { get; } = [];

    public long MaxVisits { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        // The user's own commune unless another is asked for: the figures are public anyway.
        var own = int.TryParse(User.FindFirst(AppClaims.OrgUnit)?.Value, out var unitId) ? snap.CommuneOf(unitId) : null;
        Commune = !string.IsNullOrWhiteSpace(CommuneCode) ? snap.FindByCode(CommuneCode.Trim()) : own ?? snap.FindByCode(site.HomeCommune(HttpContext));
        if (Commune is not { Kind: OrgUnitKind.Commune })
        {
            return NotFound();
        }

        // Writes what is pending so the table and the box agree.
        await visits.FlushAsync(ct);
        Figures = await visits.FiguresAsync(Commune.Code, ct);
        var today = VietnamTime.Today(time);
        var from = today.AddDays(-(Days - 1));
        var rows = await db.Set<PortalVisitDay>().AsNoTracking().Where(d => d.Commune == Commune.Code && d.Day >= from).ToListAsync(ct);
        for (var d = today; d >= from; d = d.AddDays(-1))
        {
            Daily.Add(rows.FirstOrDefault(r => r.Day == d) ?? new PortalVisitDay { Commune = Commune.Code, Day = d });
        }

        MaxVisits = Math.Max(1, Daily.Max(d => d.Visits));
        var pages = await db.Set<PortalVisitPage>().AsNoTracking().Where(p => p.Commune == Commune.Code && p.Day >= from)
            .GroupBy(p => p.Path).Select(g => new { Path = g.Key, Views = g.Sum(p => p.Views) }).ToListAsync(ct);
        TopPages.AddRange(pages.OrderByDescending(p => p.Views).ThenBy(p => p.Path, StringComparer.Ordinal).Take(20).Select(p => (p.Path, p.Views)));
        return Page();
    }
}
