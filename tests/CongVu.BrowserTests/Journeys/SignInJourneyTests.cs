using System.Text.RegularExpressions;
using CongVu.BrowserTests.Infrastructure;

namespace CongVu.BrowserTests.Journeys;

public partial class SignInJourneyTests(BrowserHost host) : BrowserTest(host)
{
    [Fact]
    public async Task SignIn_WithDemoAccount_LandsOnDashboard_AndSignOutReturnsHome()
    {
        await Page.SignInAsync();
        await Page.ExpectDashboardAsync();

        await Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Đăng xuất", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng xuất", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(Home());
        await Expect(Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Đăng nhập", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorAndStaysOnForm()
    {
        await Page.SignInAsync(Infrastructure.Journeys.WrongPasswordUser, "sai-mat-khau");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await Expect(Page.GetByLabel("Mật khẩu", new() { Exact = true })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex Home();
}
