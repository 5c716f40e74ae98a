using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CongVu.Tests.Infrastructure;

/// <summary>
/// The real app in memory on a real database (a SQLite file of its own, or a PostgreSQL database of its
/// own), migrated with the real migrations, with the demo commune seeded and the clock fixed.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>25/11/2026 10:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "congvu-tests", Guid.NewGuid().ToString("N"));
    private string? _pgServer;
    private string? _pgDatabase;

    public FakeTimeProvider Time { get; } = new(Start);

    protected virtual bool SeedDemo => true;

    public string SqlitePath => Path.Combine(_dir, "congvu.db");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        if (TestDatabase.UsePostgres)
        {
            _pgServer = TestDatabase.RequirePostgresServer();
            _pgDatabase = await TestDatabase.CreatePostgresDatabaseAsync(_pgServer);
        }

        // Building the server runs migrations and seeding once for the class.
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _pgDatabase is null ? "Sqlite" : "Postgres");
        builder.UseSetting("Database:SqlitePath", SqlitePath);
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_dir, "keys"));
        builder.UseSetting("Database:ConnectionString", _pgDatabase ?? string.Empty);
        builder.UseSetting("Database:SqliteSynchronous", "NORMAL");
        builder.UseSetting("Demo:Enabled", SeedDemo ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every test request comes from the same address; the limits themselves are tested with their own factory.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:PublicFormPerMinute", "100000");
        // Retention passes would erase seeded data as tests move the clock; RetentionTests run the pass explicitly.
        builder.UseSetting("Retention:Enabled", "false");
        // The overview's background refresher would write figure rows while tests compare or count tables; its pages recompute on read.
        builder.UseSetting("Overview:Refresher", "false");
        // Tests sign in with passwords only; TwoFactorTests switch the 2FA requirement back on.
        builder.UseSetting("Security:RequireTwoFactorForRoles", "none");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    /// <summary>Tests arrange data through the services as soon as the host exists: wait for the start-up checks first.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<CongVu.Infrastructure.StartupGate>().Ready.GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A scope with unrestricted data access, for arranging and checking data directly.</summary>
    public AsyncServiceScope SystemScope(out AppDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().GrantAll();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_pgServer is not null && _pgDatabase is not null)
        {
            await TestDatabase.DropPostgresDatabaseAsync(_pgServer, _pgDatabase);
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection goes with the temp folder later.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The app with reference data only, for tests that build their own tree.</summary>
public sealed class EmptyAppFactory : AppFactory
{
    protected override bool SeedDemo => false;
}
