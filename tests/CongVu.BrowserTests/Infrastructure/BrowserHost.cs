using CongVu.BrowserTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

[assembly: AssemblyFixture(typeof(BrowserHost))]

namespace CongVu.BrowserTests.Infrastructure;

/// <summary>One app and one Chromium for the whole run; each test gets a fresh browser context.</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright's own browser download is not reachable from CI.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private AppHost? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The app's fixed clock, for journeys that must let time pass (e.g. a form's minimum fill time).</summary>
    public FakeTimeProvider Time => _app?.Time ?? throw new InvalidOperationException("The app starts in InitializeAsync.");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Each test reports the missing browser itself: a fixture failure would hide the reason.
            return;
        }

        // A loaded 2-core CI machine renders a first page slower than Playwright's 5 s default.
        SetDefaultExpectTimeout(15_000);

        _app = new AppHost();
        BaseUrl = _app.StartAndGetAddress();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh context (own cookies) in Vietnamese and Vietnam's time zone; skips or fails without Chromium.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true)
    {
        if (_browser is null)
        {
            const string how = "Browser tests need Debian's Chromium at " + ChromiumPath + ": apt-get install chromium.";
            if (InCi)
            {
                Assert.Fail("In CI Chromium is required. " + how);
            }

            Assert.Skip(how);
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
