using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CongVu.Tests.Reliability;

/// <summary>Where the app process keeps its data: a SQLite file, or a PostgreSQL database when given.</summary>
public sealed record AppDatabase(string SqlitePath, string? PostgresConnection);

/// <summary>CongVu as a real process on a loopback port, on a SQLite file of the test's own; killed with SIGKILL on demand.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static string AppDll()
    {
        // The test runs from tests/CongVu.Tests/bin/<Configuration>/net10.0; the app was built beside it in src/CongVu/bin.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CongVu.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var dll = Path.Combine(root.FullName, "src", "CongVu", "bin", configuration, "net10.0", "CongVu.dll");
        Assert.True(File.Exists(dll), $"The app must be built first: {dll}");
        return dll;
    }

    public static async Task<int> RunCommandAsync(AppDatabase database, params string[] args)
    {
        using var process = Process.Start(StartInfo(database, null, args))!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return process.ExitCode;
    }

    public static async Task<AppProcess> StartAsync(AppDatabase database)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var process = Process.Start(StartInfo(database, address, []))!;
        var app = new AppProcess(process, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        // A real process on the real clock: a stopwatch bounds the wait.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                Assert.Fail($"The app exited with code {process.ExitCode} before answering.");
            }

            try
            {
                if ((await probe.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await app.DisposeAsync();
        Assert.Fail("The app did not answer /health within 90 s.");
        return app;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — the power-cut case as far as the process can tell.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(AppDatabase database, Uri? address, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
        psi.ArgumentList.Add(AppDll());
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = database.PostgresConnection is null ? "Sqlite" : "Postgres";
        psi.Environment["Database__SqlitePath"] = database.SqlitePath;
        psi.Environment["Database__ConnectionString"] = database.PostgresConnection ?? string.Empty;
        psi.Environment["Database__SqliteSynchronous"] = "FULL";
        psi.Environment["DataProtection__KeysDirectory"] = Path.Combine(Path.GetDirectoryName(database.SqlitePath)!, "keys");
        psi.Environment["Demo__Enabled"] = "false";
        psi.Environment["RateLimits__SignInPerMinute"] = "100000";
        psi.Environment["RateLimits__PublicFormPerMinute"] = "100000";
        psi.Environment["Logging__LogLevel__Default"] = "Error";
        // The harness signs in as an administrator with a password only; 2FA enforcement has its own tests.
        psi.Environment["Security__RequireTwoFactorForRoles"] = "none";
        // The harness submits the public form at machine speed and wants visit counters flushed between kills.
        psi.Environment["Feedback__MinFillSeconds"] = "0";
        psi.Environment["Portal__FlushSeconds"] = "1";
        if (address is not null)
        {
            psi.Environment["ASPNETCORE_URLS"] = address.ToString();
        }

        return psi;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
