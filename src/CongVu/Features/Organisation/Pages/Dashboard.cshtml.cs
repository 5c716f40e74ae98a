using System.Security.Claims;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Localization;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CongVu.Features.Organisation.Pages;

[Authorize(Policy = Policies.Staff)]
public sealed class DashboardModel(AppDbContext db, OrgTree tree, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public List<string> RoleNames { get; } = [];

    public OrgNode? Unit { get; private set; }

    public int ScopeSize { get; private set; }

    public bool ReadsRegistry { get; private set; }

    public DateOnly Today { get; private set; }

    public RollCount Roll { get; private set; } = new(0, 0, 0, 0);

    public int? PersonId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirstValue(AppClaims.DisplayName) ?? User.Identity?.Name ?? string.Empty;
        RoleNames.AddRange(Roles.All.Where(User.IsInRole).Select(r => (string)l[Roles.DisplayKey(r)]));
        PersonId = int.TryParse(User.FindFirstValue(AppClaims.Person), out var pid) ? pid : null;
        Today = VietnamTime.Today(time);
        var snap = await tree.GetAsync(ct);
        Unit = db.Scope.RootUnitId is int root ? snap.Find(root) : null;
        ScopeSize = db.Scope.UnitIds.Count;
        ReadsRegistry = ScopeSize > 0;
        if (!ReadsRegistry)
        {
            return;
        }

        var day = Today;
        var cells = snap.Nodes(db.Scope.UnitIds).Count(n => n.Kind == OrgUnitKind.PartyCell && n.IsValidOn(day));
        Roll = await RegistryQueries.CountAsync(db.MembershipPeriods, day, cells, ct);
    }
}
