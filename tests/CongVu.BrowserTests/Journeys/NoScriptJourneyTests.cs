using CongVu.BrowserTests.Infrastructure;

namespace CongVu.BrowserTests.Journeys;

/// <summary>Every flow must work with JavaScript off (old phones, strict browsers).</summary>
public class NoScriptJourneyTests(BrowserHost host) : BrowserTest(host)
{
    protected override bool JavaScriptEnabled => false;

    [Fact]
    public async Task SignIn_WithJavaScriptOff_LandsOnDashboard()
    {
        await Page.SignInAsync();
        await Page.ExpectDashboardAsync();
    }

    [Fact]
    public async Task SignIn_WithJavaScriptOff_WrongPasswordShowsError()
    {
        await Page.SignInAsync(Infrastructure.Journeys.WrongPasswordUserNoScript, "sai-mat-khau");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
}
