using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CongVu.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb into a temporary folder, pg_ctl on a free 127.0.0.1 port with its
/// unix socket in that folder, fsync on (the server's defaults), stopped and deleted at the end or on Ctrl+C.
/// As root it runs as the `postgres` user (the server refuses root), like CI does (engineering/ci.md).
/// </summary>
public sealed class PgCluster : IAsyncDisposable
{
    private static readonly List<PgCluster> Running = [];
    private readonly string _bin;
    private bool _stopped;

    private PgCluster(string bin, string dir, int port)
    {
        _bin = bin;
        Dir = dir;
        Port = port;
    }

    public string Dir { get; }

    public int Port { get; }

    public string DataDir => Path.Combine(Dir, "data");

    public string Version => Path.GetFileName(Path.GetDirectoryName(_bin)!);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=64;Command Timeout=0;Timeout=30";

    /// <summary>The newest /usr/lib/postgresql/*/bin with initdb, or null.</summary>
    public static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public static async Task<PgCluster> StartAsync(string parentDir, Action<string> log, string? pidFile, IEnumerable<string>? settings = null)
    {
        var bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)");
        var dir = Directory.CreateDirectory(Path.Combine(parentDir, "pg")).FullName;
        var port = Server.FreePort();
        var pg = new PgCluster(bin, dir, port);
        lock (Running)
        {
            Running.Add(pg);
        }

        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", dir]);
            // The server user must be able to reach its folder through the bench's temporary folder.
            await RunAsync("chmod", ["755", parentDir]);
        }

        await pg.PgAsync("initdb", ["-D", pg.DataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        var opts = new List<string>
        {
            "-c listen_addresses=127.0.0.1", $"-p {port}", $"-k {dir}", "-c fsync=on", "-c synchronous_commit=on",
            "-c max_connections=200", "-c shared_buffers=1GB", "-c maintenance_work_mem=512MB", "-c work_mem=64MB",
            "-c max_wal_size=8GB", "-c checkpoint_timeout=30min",
        };
        opts.AddRange((settings ?? []).Select(s => "-c " + s));
        await pg.PgAsync("pg_ctl", ["-D", pg.DataDir, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "120", "-o", string.Join(' ', opts), "start"]);
        if (pidFile is not null && File.Exists(Path.Combine(pg.DataDir, "postmaster.pid")))
        {
            var pid = File.ReadLines(Path.Combine(pg.DataDir, "postmaster.pid")).First().Trim();
            await File.AppendAllTextAsync(pidFile, pid + Environment.NewLine);
        }

        log($"PostgreSQL {pg.Version} on 127.0.0.1:{port} (data in {pg.DataDir}, fsync on)");
        return pg;
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private Task PgAsync(string tool, IReadOnlyList<string> args)
    {
        var exe = Path.Combine(_bin, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", exe, .. args])
            : RunAsync(exe, args);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException(file + " did not start");
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({p.ExitCode}): {await output}{await error}");
        }
    }

    /// <summary>Stops the server (fast shutdown) and deletes its folder.</summary>
    public async Task StopAsync(bool keep = false)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
            await PgAsync("pg_ctl", ["-D", DataDir, "-w", "-t", "60", "-m", "fast", "stop"]);
        }
        catch (InvalidOperationException)
        {
            KillPostmaster();
        }

        lock (Running)
        {
            Running.Remove(this);
        }

        if (!keep)
        {
            Directory.Delete(Dir, recursive: true);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataDir, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                // SIGQUIT: the postmaster's immediate shutdown; it takes its backends with it.
                using var kill = Process.Start("kill", ["-QUIT", pid.ToString(CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
            {
            }
        }
    }

    /// <summary>Last resort on exit or Ctrl+C: immediate shutdown of every cluster still running, then its folder is removed.</summary>
    public static void StopAll()
    {
        lock (Running)
        {
            foreach (var pg in Running)
            {
                pg._stopped = true;
                pg.KillPostmaster();
                // The postmaster needs a moment to take its backends down before its folder goes.
                for (var i = 0; i < 50 && File.Exists(Path.Combine(pg.DataDir, "postmaster.pid")); i++)
                {
                    Thread.Sleep(100);
                }

                try
                {
                    Directory.Delete(pg.Dir, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            Running.Clear();
        }
    }
}
