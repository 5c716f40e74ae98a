using CongVu.Features.Organisation;
using CongVu.Features.Portal.Home;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CongVu.Features.Home;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(OrgTree tree, RegistryQueries registry, CommuneHome home, ReadCache cache, TimeProvider time) : PageModel
{
    public sealed record CommuneCard(string Code, string Name, string Trail, DateOnly AsOf, int Cells, int Members, int Exempt);

    public List<CommuneCard> Communes { get; } = [];

    /// <summary>The request's home commune portal (Portal:Hosts by host name, else Portal:DefaultCommune), shown above the list.</summary>
    public CommuneHomeView? Portal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Portal = await home.BuildAsync(null, 6, ct);
        var snap = await tree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        // Communes that exist today, with their party organisation's roll, counted in one query for all of them.
        var communes = snap.Roots().SelectMany(r => Descend(snap, r)).Where(n => n.Kind == OrgUnitKind.Commune && n.IsValidOn(today)).Take(50)
            .Select(c => (Commune: c, Committee: snap.CommitteeOf(c.Id)))
            .ToList();
        var committees = communes.Where(c => c.Committee is not null).Select(c => c.Committee!.Id).ToList();
        var rolls = await cache.GetOrComputeAsync(
            FormattableString.Invariant($"home-rolls|{today:yyyy-MM-dd}|{string.Join(',', committees)}"),
            token => registry.RollsOnAsync(committees, today, token),
            ct);
        foreach (var (commune, committee) in communes)
        {
            var roll = committee is null ? new RollCount(0, 0, 0, 0) : rolls[committee.Id];
            Communes.Add(new CommuneCard(commune.Code, commune.Name, snap.Trail(commune.ParentId ?? commune.Id, 2), today, roll.Cells, roll.Members, roll.Exempt));
        }
    }

    private static IEnumerable<OrgNode> Descend(OrgTreeSnapshot snap, OrgNode node)
    {
        yield return node;
        if (node.Kind is OrgUnitKind.Commune or OrgUnitKind.Hamlet || OrgUnit.IsParty(node.Kind) || node.Kind == OrgUnitKind.Agency)
        {
            yield break;
        }

        foreach (var child in snap.Children(node.Id))
        {
            foreach (var d in Descend(snap, child))
            {
                yield return d;
            }
        }
    }
}
