using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Initiatives;

/// <summary>The initiatives of the user's scope (a cell's own, a commune's all, predecessors' included), filtered by status, unit and words.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(AppDbContext db, OrgTree tree) : PageModel
{
    public sealed record Row(int Id, string Title, string Unit, string Owner, InitiativeStatus Status, DateOnly StartOn, DateOnly? RecognisedOn);

    public List<Row> Rows { get; private set; } = [];

    public List<OrgNode> Units { get; private set; } = [];

    public InitiativeStatus? Status { get; private set; }

    public int? Unit { get; private set; }

    public string? Q { get; private set; }

    public bool CanPropose => InitiativeAccess.CanPropose(User);

    public async Task OnGetAsync(InitiativeStatus? status, int? unit, string? q, CancellationToken ct)
    {
        Status = status;
        Unit = unit;
        Q = q;
        var snap = await tree.GetAsync(ct);
        var query = db.Set<Initiative>().AsNoTracking();
        if (status is not null)
        {
            query = query.Where(i => i.Status == status);
        }

        if (unit is not null)
        {
            query = query.Where(i => i.OrgUnitId == unit);
        }

        var rows = await query.Select(i => new { i.Id, i.Title, i.OrgUnitId, i.OwnerName, i.Status, i.StartOn, i.RecognisedOn }).ToListAsync(ct);
        var folded = VietnameseText.Fold(q);
        Rows = rows
            .Where(r => folded.Length == 0 || VietnameseText.Fold(r.Title).Contains(folded, StringComparison.Ordinal))
            .Select(r => new Row(r.Id, r.Title, snap.Find(r.OrgUnitId)?.Name ?? "?", r.OwnerName, r.Status, r.StartOn, r.RecognisedOn))
            .OrderBy(r => r.Status == InitiativeStatus.Discontinued).ThenByDescending(r => r.StartOn).ThenBy(r => r.Title, StringComparer.Ordinal)
            .ToList();
        var used = rows.Select(r => r.OrgUnitId).Distinct();
        Units = snap.Nodes(used).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
    }
}
