using Npgsql;

namespace CongVu.Tests.Infrastructure;

/// <summary>
/// Which database the integration tests run on. SQLite (a temp file) unless CONGVU_TEST_DB=postgres, then
/// each app factory creates and drops its own database on the server named by CONGVU_TEST_POSTGRES.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "CONGVU_TEST_DB";
    public const string PostgresVariable = "CONGVU_TEST_POSTGRES";

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (locally) or fails (in CI) when no PostgreSQL server is configured.</summary>
    public static string RequirePostgresServer()
    {
        if (PostgresServer is { } server)
        {
            return server;
        }

        const string how = "PostgreSQL tests need a server: set CONGVU_TEST_POSTGRES=\"Host=127.0.0.1;Port=5432;Username=postgres\" (see README, Tests).";
        if (InCi)
        {
            Assert.Fail("In CI a PostgreSQL server is required. " + how);
        }

        Assert.Skip(how);
        return string.Empty;
    }

    public static async Task<string> CreatePostgresDatabaseAsync(string server)
    {
        var name = "congvu_t_" + Guid.NewGuid().ToString("N")[..16];
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string server, string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
