using CongVu.BrowserTests.Infrastructure;

namespace CongVu.BrowserTests.Journeys;

public class LanguageJourneyTests(BrowserHost host) : BrowserTest(host)
{
    [Fact]
    public async Task LanguageLink_SwitchesToEnglish_AndBackToVietnamese()
    {
        await Page.GotoAsync("/");
        var header = Page.GetByRole(AriaRole.Banner);
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập", Exact = true })).ToBeVisibleAsync();

        await header.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();

        await header.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt", Exact = true }).ClickAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập", Exact = true })).ToBeVisibleAsync();
    }
}
