namespace CongVu.BrowserTests.Infrastructure;

/// <summary>Base of every journey: a fresh context and page per test, a screenshot kept when a test fails.</summary>
public abstract class BrowserTest(BrowserHost host) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserHost Host => host;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is created in InitializeAsync.");

    /// <summary>Overridden by journeys that must work without JavaScript.</summary>
    protected virtual bool JavaScriptEnabled => true;

    public virtual async ValueTask InitializeAsync()
    {
        _context = await host.NewContextAsync(JavaScriptEnabled);
        _page = await _context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_page is not null && TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await SaveScreenshotAsync(_page);
        }

        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static async Task SaveScreenshotAsync(IPage page)
    {
        try
        {
            // CI points this into its results folder so the pictures sit beside the TRX files.
            var dir = Environment.GetEnvironmentVariable("CONGVU_BROWSER_FAILURES") is { Length: > 0 } d ? d : Path.Combine(AppContext.BaseDirectory, "failures");
            Directory.CreateDirectory(dir);
            var name = string.Concat((TestContext.Current.Test?.TestDisplayName ?? "test").Split(Path.GetInvalidFileNameChars()));
            var file = Path.Combine(dir, name.Length > 120 ? name[..120] : name) + ".png";
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            TestContext.Current.SendDiagnosticMessage($"Screenshot of the failed page: {file}");
        }
        catch (PlaywrightException)
        {
            // A page that crashed cannot be photographed; the assertion message already says what failed.
        }
    }
}
