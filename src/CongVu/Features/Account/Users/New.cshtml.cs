using System.ComponentModel.DataAnnotations;
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
public sealed class NewModel(AppDbContext db, UserManager<AppUser> users, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [RegularExpression("^[a-zA-Z0-9._@-]+$", ErrorMessage = "Validation.UserName")]
        [Display(Name = "Login.UserName")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Users.DisplayName")]
        public string? DisplayName { get; set; }

        [Display(Name = "Users.Role")]
        public string Role { get; set; } = Roles.Member;

        [Display(Name = "Users.Unit")]
        public int UnitId { get; set; }

        [Display(Name = "Users.PersonId")]
        public int? PersonId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Validation.Password")]
        [DataType(DataType.Password)]
        [Display(Name = "Users.TempPassword")]
        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<OrgNode> Units { get; } = [];

    public async Task OnGetAsync(int? person, CancellationToken ct)
    {
        Input.PersonId = person;
        await LoadUnitsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadUnitsAsync(ct);
        if (!Roles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Vai trò không hợp lệ.");
        }

        if (!Units.Any(u => u.Id == Input.UnitId))
        {
            ModelState.AddModelError("Input.UnitId", "Đơn vị không thuộc phạm vi quản lý của bạn.");
        }

        if (Input.PersonId is int pid && !await db.People.AnyAsync(p => p.Id == pid, ct))
        {
            ModelState.AddModelError("Input.PersonId", "Không tìm thấy người này trong phạm vi quản lý của bạn.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new AppUser
        {
            UserName = Input.UserName!.Trim(),
            DisplayName = Input.DisplayName!.Trim(),
            OrgUnitId = Input.UnitId,
            PersonId = Input.PersonId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(string.Empty, e.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, Input.Role);
        audit.Record("user.create", "user", user.Id, user.OrgUnitId, after: new { user.UserName, user.DisplayName, Input.Role, user.OrgUnitId, user.PersonId });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Đã tạo tài khoản {user.UserName}. Hãy trao mật khẩu tạm trực tiếp cho người dùng và đề nghị đổi ngay.";
        return RedirectToPage("/Account/Users/Index");
    }

    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Units.AddRange(snap.Nodes(db.Scope.UnitIds)
            .Where(n => n.ValidTo is null && (OrgUnit.IsParty(n.Kind) || n.Kind is OrgUnitKind.Province or OrgUnitKind.Commune))
            .OrderBy(n => n.Kind).ThenBy(n => n.SortOrder));
    }
}
