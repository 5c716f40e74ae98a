using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CongVu.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (a browser cannot reach the in-memory test server), on a SQLite file
/// of its own with the demo commune seeded and the clock fixed, as the integration tests' app factory does.
/// </summary>
public sealed class AppHost : WebApplicationFactory<Program>
{
    /// <summary>25/11/2026 10:00 in Vietnam, the same instant as the integration tests.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "congvu-browser-tests", Guid.NewGuid().ToString("N"));

    public AppHost()
    {
        // Port 0: the OS picks a free port, so parallel runs on one machine never collide.
        UseKestrel(0);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Starts Kestrel and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public string StartAndGetAddress()
    {
        Directory.CreateDirectory(_dir);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.FirstOrDefault()?.TrimEnd('/')
            ?? throw new InvalidOperationException("Kestrel started without an address.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SqlitePath", Path.Combine(_dir, "congvu.db"));
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_dir, "keys"));
        builder.UseSetting("Database:SqliteSynchronous", "NORMAL");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every journey comes from 127.0.0.1 within a minute; the per-address limits would throttle the suite, not a person.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:PublicFormPerMinute", "100000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    /// <summary>Journeys start once the start-up checks (migrations, demo data) are done.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<CongVu.Infrastructure.StartupGate>().Ready.GetAwaiter().GetResult();
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection goes with the temp folder later.
        }
    }
}
