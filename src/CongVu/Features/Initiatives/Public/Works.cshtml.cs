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

/// <summary>The commune's public works and what people gave; a donor is named only with consent, else "một hộ ở ấp X".</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class WorksModel(PortalCommunes communes, OrgTree tree, AppDbContext db) : PageModel
{
    public sealed record Line(string Donor, string What, decimal Value);

    public sealed record Card(PublicWork Work, string? Hamlet, ContributionTotal Total, List<Line> Lines);

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
        var units = snap.Scope(snap.CommitteeOf(commune.Id)?.Id ?? commune.Id);
        var works = await db.Set<PublicWork>().IgnoreQueryFilters().AsNoTracking().Where(w => units.Contains(w.OrgUnitId)).ToListAsync(ct);
        var ids = works.Select(w => w.Id).ToArray();
        var rows = await db.Set<Contribution>().IgnoreQueryFilters().AsNoTracking().Where(c => c.PublicWorkId != null && ids.Contains(c.PublicWorkId.Value)).ToListAsync(ct);
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        Cards = works.OrderByDescending(w => w.StartOn).ThenBy(w => w.Name, StringComparer.Ordinal).Select(w =>
        {
            var mine = rows.Where(c => c.PublicWorkId == w.Id).OrderBy(c => c.OnDate).ThenBy(c => c.Id).ToList();
            return new Card(
                w,
                w.HamletId is int h ? snap.Find(h)?.Name : null,
                ContributionTotals.Of(w.Name, mine),
                mine.Select(c => new Line(
                    ContributionTotals.PublicDonor(c, c.HamletId is int x ? snap.Find(x)?.Name : null),
                    Contribution.KindName(c.Kind) + " " + c.Quantity.ToString("#,##0.##", vi) + " " + c.Unit,
                    c.EstimatedValueVnd)).ToList());
        }).ToList();
        return Page();
    }
}
