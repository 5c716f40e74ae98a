using System.Net;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Reliability;

/// <summary>
/// Runs the app as a real process, streams acknowledged writes at it, kills it with SIGKILL at random
/// moments and restarts it: every acknowledged write must be there exactly once and the database sound.
/// CI runs a few kills; `CONGVU_CRASH_KILLS=50` makes the long run.
/// </summary>
public class CrashSafetyTests
{
    private const string Admin = "crash.admin";
    private const string Password = "Crash-test-password-2026";

    [Fact]
    public async Task KilledMidStream_LosesNoAcknowledgedWrite_AndKeepsTheDatabaseSound()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("CONGVU_CRASH_KILLS"), out var k) ? k : 3;
        var dir = Path.Combine(Path.GetTempPath(), "congvu-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var sqlite = Path.Combine(dir, "congvu.db");
        var pg = TestDatabase.UsePostgres ? await TestDatabase.CreatePostgresDatabaseAsync(TestDatabase.RequirePostgresServer()) : null;
        var db = new AppDatabase(sqlite, pg);
        Assert.Equal(0, await AppProcess.RunCommandAsync(db, "create-admin", "--user", Admin, "--unit", "crash-dbx", "--kind", "CommunePartyCommittee", "--name", "Đảng bộ xã Thử", "--password", Password));

        var random = new Random(20260701);
        var acknowledged = new List<string>();
        var attempted = 0;
        int? cellId = null;
        for (var cycle = 0; cycle <= kills; cycle++)
        {
            await using var app = await AppProcess.StartAsync(db);
            var client = await SignInAsync(app.Address);
            cellId ??= await CreateCellAsync(client);
            var form = (await client.GetPageAsync("/staff/people/new")).Form();
            // The last cycle is not killed: it checks that the restarted app serves normally.
            var killAt = cycle < kills ? TimeSpan.FromMilliseconds(random.Next(300, 1500)) : TimeSpan.FromSeconds(1);
            // The kill window opens at the first acknowledged write, so a slow machine still gets writes in every cycle.
            using var stop = new CancellationTokenSource();
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var name = $"Người Thử {cycle}-{n++}";
                attempted++;
                try
                {
                    var response = await client.SubmitAsync(form, new Dictionary<string, string>
                    {
                        ["Person.FullName"] = name,
                        ["CellId"] = cellId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["AdmittedOn"] = "01/02/2020",
                    });
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add(name);
                        if (n == 1)
                        {
                            stop.CancelAfter(killAt);
                        }
                    }
                    else
                    {
                        Assert.Fail($"Write refused with {(int)response.StatusCode} before any kill.");
                    }
                }
                catch (HttpRequestException)
                {
                    break;
                }
            }

            if (cycle < kills)
            {
                // Fire one more write and kill while it may be in flight.
                attempted++;
                var inFlight = client.SubmitAsync(form, new Dictionary<string, string> { ["Person.FullName"] = $"Người Thử {cycle}-bay", ["CellId"] = cellId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ["AdmittedOn"] = "01/02/2020" });
                await app.KillAsync();
                try
                {
                    if ((await inFlight).StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add($"Người Thử {cycle}-bay");
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
            }
        }

        if (pg is null)
        {
            await using var check = new SqliteConnection($"Data Source={sqlite};Pooling=False");
            await check.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = check.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        await using AppDbContext ctx = pg is null
            ? SqliteAppDbContext.Create(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={sqlite};Pooling=False").Options, AccessScope.System())
            : PostgresAppDbContext.Create(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(pg).Options, AccessScope.System());
        if (pg is not null)
        {
            // PostgreSQL's own check: every table of the model can be read end to end after the kills.
            foreach (var table in ctx.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
            {
#pragma warning disable EF1002 // Table names come from the model, not from input.
                await ctx.Database.ExecuteSqlRawAsync($"SELECT count(*) FROM \"{table}\"", TestContext.Current.CancellationToken);
#pragma warning restore EF1002
            }
        }

        var stored = await ctx.People.Where(p => p.FullName.StartsWith("Người Thử")).GroupBy(p => p.FullName).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(TestContext.Current.CancellationToken);
        var counts = stored.ToDictionary(s => s.Key, s => s.Count);
        var lost = acknowledged.Where(a => !counts.ContainsKey(a)).ToList();
        var duplicated = counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        var (audited, broken) = await AuditChain.VerifyAsync(ctx, TestContext.Current.CancellationToken);
        SuiteFigures.Report("crash safety", $"{kills} SIGKILLs survived, {attempted} writes attempted, {acknowledged.Count} acknowledged, {lost.Count} lost, {duplicated.Count} duplicated, audit chain of {audited} entries {(broken is null ? "intact" : "broken")}");
        Assert.True(acknowledged.Count > kills, "the stream should have written something between kills");
        Assert.Empty(lost);
        Assert.Empty(duplicated);
        Assert.Null(broken);
        await ctx.DisposeAsync();
        if (pg is not null)
        {
            await TestDatabase.DropPostgresDatabaseAsync(TestDatabase.PostgresServer!, pg);
        }

        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var login = await client.GetPageAsync("/tai-khoan/dang-nhap");
        var response = await client.SubmitAsync(login.Form(), new Dictionary<string, string> { ["Input.UserName"] = Admin, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<int> CreateCellAsync(HttpClient client)
    {
        var dashboard = await client.GetPageAsync("/staff/org");
        var root = dashboard.QuerySelector("main .tree a")!.GetAttribute("href")!;
        var form = (await client.GetPageAsync(root + "/new")).Form();
        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Kind"] = "PartyCell", ["Input.Name"] = "Chi bộ Thử", ["Input.ValidFrom"] = "01/01/2000" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
