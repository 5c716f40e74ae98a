using System.Text.RegularExpressions;

namespace CongVu.BrowserTests.Infrastructure;

/// <summary>Steps that several journeys share, done the way a person does them.</summary>
public static partial class Journeys
{
    /// <summary>The demo commune's staff account and the one demo password (see DemoCommune).</summary>
    public const string StaffUser = "vanphong.tieucan";

    public const string DemoPassword = "CongVu-demo-2026";

    /// <summary>
    /// Accounts that only the wrong-password journeys use. A failed attempt raises the account's failure count
    /// while a parallel journey's correct sign-in resets it; Identity then answers the loser of that race with
    /// "wrong password" on purpose (no free guesses past the lockout), so the two must never share an account.
    /// </summary>
    public const string WrongPasswordUser = "huynhvanly";

    public const string WrongPasswordUserNoScript = "tinhuy.vinhlong";

    public static async Task SignInAsync(this IPage page, string userName = StaffUser, string password = DemoPassword)
    {
        await page.GotoAsync("/tai-khoan/dang-nhap");
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
    }

    public static async Task ExpectDashboardAsync(this IPage page)
    {
        await Expect(page).ToHaveURLAsync(StaffHome());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng điều khiển", Level = 1 })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/staff/?$")]
    private static partial Regex StaffHome();
}
