using System.Security.Claims;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Account.Users;

[Authorize(Policy = Policies.UserAdmin)]
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string UnitName, bool Locked);

    public List<Row> Rows { get; } = [];

    public string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var ids = db.Scope.UnitIds.ToArray();
        var list = await db.Users.AsNoTracking().Where(u => ids.Contains(u.OrgUnitId)).OrderBy(u => u.UserName).Take(1000).ToListAsync(ct);
        var userIds = list.Select(u => u.Id).ToArray();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var u in list)
        {
            Rows.Add(new Row(u.Id, u.UserName ?? string.Empty, u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
                snap.Find(u.OrgUnitId)?.Name ?? "—",
                u.LockoutEnd is { } end && end > now));
        }
    }

    public Task<IActionResult> OnPostLockAsync(string id) => SetLockAsync(id, locked: true);

    public Task<IActionResult> OnPostUnlockAsync(string id) => SetLockAsync(id, locked: false);

    private async Task<IActionResult> SetLockAsync(string id, bool locked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !db.Scope.CanSee(user.OrgUnitId))
        {
            return NotFound();
        }

        if (locked && user.Id == CurrentUserId)
        {
            TempData["Flash"] = "Không thể tự khóa tài khoản của mình.";
            return RedirectToPage();
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        audit.Record(locked ? "user.lock" : "user.unlock", "user", user.Id, user.OrgUnitId);
        await db.SaveChangesAsync();
        TempData["Flash"] = locked ? $"Đã khóa tài khoản {user.UserName}." : $"Đã mở khóa tài khoản {user.UserName}.";
        return RedirectToPage();
    }
}
