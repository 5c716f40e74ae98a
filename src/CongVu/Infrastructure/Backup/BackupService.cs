using System.Diagnostics;
using System.Globalization;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CongVu.Infrastructure.Backup;

public sealed class BackupOptions
{
    /// <summary>Scheduled backups on or off; the commands work either way.</summary>
    public bool Enabled { get; set; }

    /// <summary>Folder for scheduled backups, relative to the content root unless absolute.</summary>
    public string Directory { get; set; } = "data/backups";

    public double IntervalHours { get; set; } = 24;

    /// <summary>How many scheduled backups to keep; older ones are deleted.</summary>
    public int Keep { get; set; } = 14;
}

/// <summary>
/// Online backups and restores: SQLite through its backup API (consistent while the app runs),
/// PostgreSQL through pg_dump / pg_restore in custom format.
/// </summary>
public sealed class BackupService(DatabaseOptions db, IHostEnvironment env, TimeProvider time, ILogger<BackupService> log)
{
    public string DefaultFileName()
    {
        var stamp = VietnamTime.ToLocal(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return db.IsPostgres ? $"congvu-{stamp}.dump" : $"congvu-{stamp}.db";
    }

    public async Task BackupAsync(string destination, CancellationToken ct)
    {
        var full = Path.GetFullPath(destination);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        if (db.IsPostgres)
        {
            await RunPgToolAsync("pg_dump", ["--format=custom", "--no-owner", "--file", partial], ct);
        }
        else
        {
            await using var source = new SqliteConnection(SqliteConnectionString(DatabaseSetup.SqliteFilePath(db, env.ContentRootPath)));
            await using var target = new SqliteConnection(SqliteConnectionString(partial));
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }

        // A backup appears under its final name only when complete, so a crash never leaves a plausible half file.
        File.Move(partial, full, overwrite: true);
        log.LogInformation("Backup written to {File}", full);
    }

    /// <summary>Replaces the database with a backup after checking the backup is sound. Run with the app stopped.</summary>
    public async Task RestoreAsync(string source, CancellationToken ct)
    {
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"Không tìm thấy tệp sao lưu: {source}");
        }

        if (db.IsPostgres)
        {
            await RunPgToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", source], ct);
            return;
        }

        await using (var check = new SqliteConnection(SqliteConnectionString(source, readOnly: true)))
        {
            await check.OpenAsync(ct);
            await using var cmd = check.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            var result = (string?)await cmd.ExecuteScalarAsync(ct);
            if (result != "ok")
            {
                throw new InvalidOperationException($"Tệp sao lưu bị hỏng (integrity_check: {result}).");
            }

            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
            {
                throw new InvalidOperationException("Tệp này không phải bản sao lưu của CongVu.");
            }
        }

        var target = DatabaseSetup.SqliteFilePath(db, env.ContentRootPath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var from = new SqliteConnection(SqliteConnectionString(source, readOnly: true));
        await using var to = new SqliteConnection(SqliteConnectionString(target));
        await from.OpenAsync(ct);
        await to.OpenAsync(ct);
        from.BackupDatabase(to);
        log.LogInformation("Database restored from {File}", source);
    }

    /// <summary>Deletes scheduled backups beyond the newest <paramref name="keep"/>.</summary>
    public static IReadOnlyList<string> Prune(string directory, int keep)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        var old = new DirectoryInfo(directory).GetFiles("congvu-*")
            .Where(f => f.Extension is ".db" or ".dump")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Skip(Math.Max(keep, 1))
            .ToList();
        foreach (var f in old)
        {
            f.Delete();
        }

        return old.Select(f => f.FullName).ToList();
    }

    private static string SqliteConnectionString(string path, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();

    private async Task RunPgToolAsync(string tool, string[] args, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var psi = new ProcessStartInfo(FindPgTool(tool)) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("--dbname");
        psi.ArgumentList.Add(cs.Database ?? "postgres");
        // Connection details travel in the environment, never on the command line where other users could read them.
        psi.Environment["PGHOST"] = cs.Host ?? "localhost";
        psi.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        psi.Environment["PGUSER"] = cs.Username ?? "postgres";
        if (!string.IsNullOrEmpty(cs.Password))
        {
            psi.Environment["PGPASSWORD"] = cs.Password;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Không chạy được {tool}.");
        var stderr = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} thất bại (mã {process.ExitCode}): {stderr.Trim()}");
        }
    }

    /// <summary>The newest PostgreSQL client tools installed (Debian keeps them per version), else the PATH.</summary>
    private static string FindPgTool(string tool)
    {
        const string root = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(root))
        {
            var newest = System.IO.Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin", tool))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return tool;
    }
}

/// <summary>Takes a backup every interval and keeps the newest few, when enabled.</summary>
public sealed class BackupScheduler(BackupService backups, BackupOptions options, StartupGate gate, IHostEnvironment env, TimeProvider time, ILogger<BackupScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before migrations and the start-up checks have run (StartupGate).
        await gate.Ready.WaitAsync(stoppingToken);
        if (!options.Enabled)
        {
            return;
        }

        var dir = Path.IsPathRooted(options.Directory) ? options.Directory : Path.Combine(env.ContentRootPath, options.Directory);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(options.IntervalHours, 0.01)), time);
        do
        {
            try
            {
                await backups.BackupAsync(Path.Combine(dir, backups.DefaultFileName()), stoppingToken);
                BackupService.Prune(dir, options.Keep);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled backup failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
