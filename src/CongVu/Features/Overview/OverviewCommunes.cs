using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;

namespace CongVu.Features.Overview;

/// <summary>Which communes a scope covers and which of them existed in a year, in Vietnamese name order.</summary>
public static class OverviewCommunes
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    public static IReadOnlyList<OrgNode> All(OrgTreeSnapshot snap) => snap.Communes;

    /// <summary>The tree's communes the scope can see: a lookup per commune, not per unit of the scope (180,000 for a national overseer).</summary>
    public static IEnumerable<OrgNode> InScope(OrgTreeSnapshot snap, AccessScope scope) =>
        scope.All ? All(snap) : snap.Communes.Where(c => scope.CanSee(c.Id));

    /// <summary>The communes that existed at some time in the year (a commune merged mid-year has figures up to its last day).</summary>
    public static List<OrgNode> ValidIn(OrgTreeSnapshot snap, IEnumerable<OrgNode> communes, int year) =>
        communes.Where(c => c.ValidFrom.Year <= year && (c.ValidTo is null || c.ValidTo.Value.Year >= year))
            .OrderBy(c => c.Name, ByName).ThenBy(c => c.Id).ToList();

    /// <summary>The overview link is for overseers and users over more than one commune existing today, not a commune's own staff.</summary>
    public static async Task<bool> ShowLinkAsync(HttpContext http)
    {
        var scope = http.RequestServices.GetRequiredService<AccessScope>();
        if (scope.All || http.User.IsInRole(Roles.Overseer))
        {
            return true;
        }

        var snap = await http.RequestServices.GetRequiredService<OrgTree>().GetAsync(http.RequestAborted);
        var today = VietnamTime.Today(http.RequestServices.GetRequiredService<TimeProvider>());
        return snap.Nodes(scope.UnitIds).Where(n => n.Kind == OrgUnitKind.Commune && n.IsValidOn(today)).Take(2).Count() > 1;
    }
}
