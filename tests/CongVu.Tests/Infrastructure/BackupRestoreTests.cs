using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Backup;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CongVu.Tests.Infrastructure;

public class BackupRestoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "congvu-backup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Backup_RestoredIntoAFreshInstance_HasEveryRowAndAnIntactAuditChain()
    {
        var file = Path.Combine(_dir, "drill" + (TestDatabase.UsePostgres ? ".dump" : ".db"));
        await app.Services.GetRequiredService<BackupService>().BackupAsync(file, TestContext.Current.CancellationToken);
        Assert.True(new FileInfo(file).Length > 0);

        // The drill: a fresh, empty instance receives the backup.
        var fresh = TestDatabase.UsePostgres
            ? new DatabaseOptions { Provider = "Postgres", ConnectionString = await TestDatabase.CreatePostgresDatabaseAsync(TestDatabase.PostgresServer!) }
            : new DatabaseOptions { Provider = "Sqlite", SqlitePath = Path.Combine(_dir, "restored.db") };
        try
        {
            var env = app.Services.GetRequiredService<IHostEnvironment>();
            await new BackupService(fresh, env, app.Time, NullLogger<BackupService>.Instance).RestoreAsync(file, TestContext.Current.CancellationToken);

            await using var scope = app.SystemScope(out var original);
            await using var restored = Open(fresh, env.ContentRootPath);
            var tables = original.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
            Assert.True(tables.Count > 10);
            foreach (var table in tables)
            {
                Assert.Equal(await CountAsync(original, table), await CountAsync(restored, table));
            }

            Assert.True(await CountAsync(restored, "People") > 500, "the demo registry should be in the backup");
            var (checkedEntries, broken) = await AuditChain.VerifyAsync(restored, TestContext.Current.CancellationToken);
            Assert.Null(broken);
            Assert.True(checkedEntries > 0);
        }
        finally
        {
            if (TestDatabase.UsePostgres)
            {
                await TestDatabase.DropPostgresDatabaseAsync(TestDatabase.PostgresServer!, fresh.ConnectionString!);
            }
        }
    }

    [Fact]
    public async Task Restore_RefusesAFileThatIsNotACongVuBackup()
    {
        // The target is a SQLite deployment whatever the suite's provider: these are the SQLite file checks.
        Directory.CreateDirectory(_dir);
        var junk = Path.Combine(_dir, "junk.db");
        await File.WriteAllTextAsync(junk, "đây không phải cơ sở dữ liệu", TestContext.Current.CancellationToken);
        var target = new DatabaseOptions { Provider = "Sqlite", SqlitePath = Path.Combine(_dir, "target.db") };
        var service = new BackupService(target, app.Services.GetRequiredService<IHostEnvironment>(), app.Time, NullLogger<BackupService>.Instance);
        await Assert.ThrowsAnyAsync<Exception>(() => service.RestoreAsync(junk, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<FileNotFoundException>(() => service.RestoreAsync(Path.Combine(_dir, "missing.db"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(target.SqlitePath) && new FileInfo(target.SqlitePath).Length > 0);
    }

    [Fact]
    public void Prune_KeepsOnlyTheNewestBackups()
    {
        Directory.CreateDirectory(_dir);
        foreach (var day in new[] { "20261120", "20261121", "20261122", "20261123" })
        {
            File.WriteAllText(Path.Combine(_dir, $"congvu-{day}-020000.db"), "x");
        }

        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "kept");
        var deleted = BackupService.Prune(_dir, keep: 2);
        Assert.Equal(2, deleted.Count);
        Assert.Equal(["congvu-20261122-020000.db", "congvu-20261123-020000.db", "notes.txt"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
    }

    private static AppDbContext Open(DatabaseOptions options, string contentRoot) => options.IsPostgres
        ? PostgresAppDbContext.Create(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(options.ConnectionString).Options, AccessScope.System())
        : SqliteAppDbContext.Create(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={DatabaseSetup.SqliteFilePath(options, contentRoot)};Pooling=False").Options, AccessScope.System());

    private static async Task<long> CountAsync(AppDbContext db, string table)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync();
        }

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
