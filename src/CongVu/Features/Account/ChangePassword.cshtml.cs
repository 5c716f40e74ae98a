using System.ComponentModel.DataAnnotations;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Account;

[Authorize(Policy = Policies.Staff)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, AppDbContext db) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Password.Current")]
        public string? Current { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Validation.Password")]
        [DataType(DataType.Password)]
        [Display(Name = "Password.New")]
        public string? New { get; set; }

        [Compare(nameof(New), ErrorMessage = "Validation.Confirm")]
        [DataType(DataType.Password)]
        [Display(Name = "Password.Confirm")]
        public string? Confirm { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.Current!, Input.New!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(string.Empty, e.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        audit.Record("user.change-password", "user", user.Id, user.OrgUnitId);
        await db.SaveChangesAsync();
        TempData["Flash"] = "Đã đổi mật khẩu.";
        return Redirect("/staff");
    }
}
