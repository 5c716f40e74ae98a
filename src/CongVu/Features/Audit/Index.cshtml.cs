using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Audit;

/// <summary>The latest audit entries of the user's subtree, and a check that the hash chain is intact.</summary>
[Authorize(Policy = Policies.UserAdmin)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<AuditEntry> Entries { get; private set; } = [];

    public (long Checked, long? FirstBrokenId)? Verified { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        Verified = await AuditChain.VerifyAsync(db, ct);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = db.Scope.UnitIds.ToArray();
        Entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.OrgUnitId != null && ids.Contains(e.OrgUnitId.Value))
            .OrderByDescending(e => e.Id)
            .Take(200)
            .ToListAsync(ct);
    }
}
