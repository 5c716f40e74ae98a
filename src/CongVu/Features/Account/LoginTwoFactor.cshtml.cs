using System.ComponentModel.DataAnnotations;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Localization;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CongVu.Features.Account;

/// <summary>The second sign-in step: a code from the authenticator app, or one of the recovery codes.</summary>
[AllowAnonymous]
[EnableRateLimiting(SecuritySetup.SignInLimiter)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Path = "/tai-khoan/dang-nhap/ma-xac-thuc";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(40, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "TwoFactor.Code")]
        public string Code { get; set; } = string.Empty;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only reachable between the password step and the code step.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/tai-khoan/dang-nhap") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect("/tai-khoan/dang-nhap");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var isTotp = code.Length == Totp.Digits && code.All(char.IsAsciiDigit);
        // Identity checks lockout for authenticator codes only; a locked account must not go on trying recovery codes.
        var result = isTotp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await users.IsLockedOutAsync(user) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Trim());
        if (!isTotp && !result.Succeeded && !result.IsLockedOut)
        {
            // Identity does not count a wrong recovery code towards lockout; guessing them must cost the same as guessing codes.
            await users.AccessFailedAsync(user);
        }

        if (result.Succeeded)
        {
            audit.Record(isTotp ? "user.sign-in-2fa" : "user.sign-in-recovery-code", "user", user.Id, user.OrgUnitId);
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut || await users.IsLockedOutAsync(user) ? l["Login.LockedOut"] : l["TwoFactor.WrongCode"]);
        return Page();
    }
}
