using System.Security.Cryptography;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Staff;

/// <summary>Open311 API keys: issued per client by an administrator, shown once, stored only as a hash.</summary>
[Authorize(Policy = Policies.UserAdmin)]
public sealed class Open311KeysModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<Open311Client> Clients { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    public string? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "Vui lòng nhập tên ứng dụng (tối đa 200 ký tự).");
            await LoadAsync(ct);
            return Page();
        }

        var key = "cv311-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
        var client = new Open311Client { Name = name, KeyHash = Open311Endpoints.HashKey(key), CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Set<Open311Client>().Add(client);
        audit.RecordSaved("open311.key-issued", "open311-client", () => client.Id, null, after: new { client.Name });
        await db.SaveChangesAsync(ct);
        NewKey = key;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var client = await db.Set<Open311Client>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return NotFound();
        }

        client.Revoked = true;
        audit.Record("open311.key-revoked", "open311-client", client.Id, null, after: new { client.Name });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Clients = await db.Set<Open311Client>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
}
