using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CongVu.Infrastructure.Data;

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (default, embedded) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For SQLite: file path, relative to the content root unless absolute.</summary>
    public string SqlitePath { get; set; } = "data/congvu.db";

    /// <summary>For PostgreSQL: an Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>SQLite synchronous pragma: FULL survives power loss, NORMAL survives a crash of the app.</summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}

public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton(config.GetSection("Backup").Get<Backup.BackupOptions>() ?? new Backup.BackupOptions());
        services.AddSingleton<Backup.BackupService>();
        services.AddHostedService<Backup.BackupScheduler>();
        var version = new DataVersion();
        services.AddSingleton(version);
        services.AddSingleton<ReadCache>();
        var versionInterceptor = new DataVersionInterceptor(version);
        // Modules' interceptors (registered as IInterceptor) run before the version bump, so it follows their commits.
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty.");
            }

            services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, o) => o.UseNpgsql(options.ConnectionString, n => n.UseParameterizedCollectionMode(ScopeListMode)).AddInterceptors([.. sp.GetServices<IInterceptor>(), versionInterceptor]), PoolSize);
            services.AddScoped<AppDbContext>(sp => Rent<PostgresAppDbContext>(sp));
        }
        else
        {
            var path = SqliteFilePath(options, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
            var pragmas = new SqlitePragmaInterceptor(options.SqliteSynchronous);
            services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => o.UseSqlite(connection, q => q.UseParameterizedCollectionMode(ScopeListMode)).AddInterceptors([pragmas, .. sp.GetServices<IInterceptor>(), versionInterceptor]), PoolSize);
            services.AddScoped<AppDbContext>(sp => Rent<SqliteAppDbContext>(sp));
        }

        return services;
    }

    /// <summary>Contexts kept for reuse: building one per request cost more CPU than a simple query (docs/performance.md).</summary>
    private const int PoolSize = 256;

    /// <summary>
    /// A list such as the request's unit ids goes to the database as ONE array parameter (json_each on SQLite,
    /// = ANY on PostgreSQL): one SQL text whatever the list's length, and no parameter limit to hit when a
    /// national overseer's scope holds tens of thousands of units (EF's default is one parameter per element).
    /// </summary>
    internal const ParameterTranslationMode ScopeListMode = ParameterTranslationMode.Parameter;

    // The request's scope is attached on every rent; disposing the scoped context returns it to the pool.
    private static AppDbContext Rent<T>(IServiceProvider sp)
        where T : AppDbContext
    {
        var context = sp.GetRequiredService<IDbContextFactory<T>>().CreateDbContext();
        context.AttachScope(sp.GetRequiredService<Security.AccessScope>());
        return context;
    }

    public static string SqliteFilePath(DatabaseOptions options, string contentRoot) =>
        Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.GetFullPath(Path.Combine(contentRoot, options.SqlitePath));
}

/// <summary>
/// Sets WAL, the synchronous level, foreign keys and a busy timeout on each SQLite connection. Pooled
/// connections keep their settings, so the pragmas run once per physical connection, not on every open.
/// </summary>
public sealed class SqlitePragmaInterceptor(string synchronous) : DbConnectionInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<object, object> _configured = new();
    private readonly string _sql = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={Sanitise(synchronous)}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection, out var handle))
        {
            return;
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = _sql;
        cmd.ExecuteNonQuery();
        MarkConfigured(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection, out var handle))
        {
            return;
        }

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = _sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(handle);
    }

    private bool IsConfigured(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is not null && _configured.TryGetValue(handle, out _);
    }

    private void MarkConfigured(object? handle)
    {
        if (handle is not null)
        {
            _configured.AddOrUpdate(handle, Marker);
        }
    }

    private static string Sanitise(string level) => level.ToUpperInvariant() switch
    {
        "OFF" => "OFF",
        "NORMAL" => "NORMAL",
        "EXTRA" => "EXTRA",
        _ => "FULL",
    };
}
