using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Infrastructure;

/// <summary>
/// Each provider's migration set must match the model: a model change without a migration for both providers
/// fails here, long before a server refuses to start. No database is opened for these checks.
/// </summary>
public class MigrationDriftTests
{
    [Fact]
    public void Sqlite_Model_HasNoPendingChanges()
    {
        using var db = SqliteContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model has changes without a migration: add one with `dotnet ef migrations add <Name> --context SqliteAppDbContext --output-dir Migrations/Sqlite`.");
    }

    [Fact]
    public void Sqlite_MigrationSet_IsNotEmpty()
    {
        using var db = SqliteContext();
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_Model_HasNoPendingChanges()
    {
        using var db = PostgresContext("Host=127.0.0.1;Database=congvu_unused");
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model has changes without a migration: add one with `dotnet ef migrations add <Name> --context PostgresAppDbContext --output-dir Migrations/Postgres`.");
    }

    [Fact]
    public void Postgres_MigrationSet_IsNotEmpty()
    {
        using var db = PostgresContext("Host=127.0.0.1;Database=congvu_unused");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void MigrationSets_AreSeparatePerProvider()
    {
        using var sqlite = SqliteContext();
        using var postgres = PostgresContext("Host=127.0.0.1;Database=congvu_unused");
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }

    internal static SqliteAppDbContext SqliteContext() =>
        SqliteAppDbContext.Create(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options, AccessScope.System());

    internal static PostgresAppDbContext PostgresContext(string connectionString) =>
        PostgresAppDbContext.Create(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options, AccessScope.System());
}

/// <summary>Applies the PostgreSQL migrations for real to a database of its own; skips locally without a server, fails in CI.</summary>
public class PostgresMigrationTests
{
    [Fact]
    public async Task Migrations_ApplyToEmptyDatabase_AndLeaveNonePending()
    {
        var server = TestDatabase.RequirePostgresServer();
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await TestDatabase.CreatePostgresDatabaseAsync(server);
        try
        {
            await using (var db = MigrationDriftTests.PostgresContext(connectionString))
            {
                await db.Database.MigrateAsync(ct);
            }

            // A fresh context reads the history table the way the app does at start-up.
            await using var check = MigrationDriftTests.PostgresContext(connectionString);
            Assert.Empty(await check.Database.GetPendingMigrationsAsync(ct));
            Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync(ct));
        }
        finally
        {
            await TestDatabase.DropPostgresDatabaseAsync(server, connectionString);
        }
    }
}
