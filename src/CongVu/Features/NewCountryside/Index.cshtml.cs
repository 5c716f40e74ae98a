using CongVu.Features.Organisation;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.NewCountryside;

/// <summary>The criteria sets and each visible unit's latest progress on them.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(NtmQueries ntm) : PageModel
{
    public sealed record SetView(CriteriaSet Set, List<(OrgNode Unit, NtmProgress? Latest)> Units);

    public List<SetView> Sets { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var set in await ntm.SetsAsync(ct))
        {
            var units = await ntm.UnitsAsync(set, ct);
            var progress = await ntm.ProgressAsync(set, units.Select(u => u.Id).ToArray(), ct);
            Sets.Add(new SetView(set, units.Select(u => (u, progress.Where(p => p.UnitId == u.Id).MaxBy(p => p.Year))).ToList()));
        }
    }
}
