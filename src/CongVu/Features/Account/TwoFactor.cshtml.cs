using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
using QRCoder;

namespace CongVu.Features.Account;

/// <summary>Enrols an authenticator app (TOTP), shows the recovery codes once, and turns 2FA off after re-entering the password.</summary>
[Authorize(Policy = Policies.Staff)]
[EnableRateLimiting(SecuritySetup.SignInLimiter)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TwoFactorRequirement requirement, AuditLog audit, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    [StringLength(40)]
    public string? Code { get; set; }

    [BindProperty]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "batbuoc")]
    public bool Forced { get; set; }

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after enrolment.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect(SecuritySetup.TwoFactorEnrolmentPath);
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), l["TwoFactor.WrongCode"]);
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        audit.Record("user.2fa-enable", "user", user.Id, user.OrgUnitId, after: new { RecoveryCodes = RecoveryCodeCount });
        await db.SaveChangesAsync();
        // The new cookie carries the enrolment claim, which lifts the forced-enrolment gate.
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError(nameof(Password), l["TwoFactor.WrongPassword"]);
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        audit.Record("user.2fa-disable", "user", user.Id, user.OrgUnitId);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(SecuritySetup.TwoFactorEnrolmentPath);
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = requirement.AppliesTo(User);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        // Groups of four are easier to type into a phone by hand.
        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var label = Uri.EscapeDataString("CongVu:" + user.UserName);
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer=CongVu&digits={Totp.Digits}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
