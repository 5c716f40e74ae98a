using System.Net;
using CongVu.Features.Feedback;
using CongVu.Features.Portal.Visits;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Reliability;

/// <summary>
/// Runs the app as a real process, streams acknowledged writes at it, kills it with SIGKILL at random
/// moments and restarts it: every acknowledged write (registry records and public feedback) must be there exactly once,
/// the visit counters never exceed the page views sent nor go backwards, and the database and audit chain stay sound.
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
        // The commune citizens write to: public feedback needs an administrative commune.
        Assert.Equal(0, await AppProcess.RunCommandAsync(db, "create-admin", "--user", "crash.xa", "--unit", CommuneCode, "--kind", "Commune", "--name", "Xã Thử", "--password", Password));
        var feedbackAcknowledged = new List<string>();
        var feedbackAttempted = 0;
        long hitsSent = 0;
        long lastViews = 0;
        var viewProblems = new List<string>();

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
            using var citizen = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
            var feedbackForm = (await citizen.GetPageAsync("/gop-y?xa=" + CommuneCode)).Form("form[enctype]");
            using var visitor = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
            visitor.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
            // A few views and one flush interval before the stream, so the counters have something stored to keep.
            for (var v = 0; v < 3; v++)
            {
                hitsSent++;
                await visitor.GetAsync(new Uri("/gop-y", UriKind.Relative), TestContext.Current.CancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
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

                    var text = $"Góp ý thử {cycle}-{n}";
                    feedbackAttempted++;
                    var filed = await citizen.SubmitAsync(feedbackForm, new Dictionary<string, string> { ["Input.Kind"] = nameof(FeedbackKind.GopY), ["Input.Xa"] = CommuneCode, ["Input.Text"] = text, ["Input.Anonymity"] = nameof(FeedbackAnonymity.Anonymous) });
                    if (filed.StatusCode == HttpStatusCode.Redirect && filed.Headers.Location?.OriginalString.StartsWith("/tra-cuu/", StringComparison.Ordinal) == true)
                    {
                        feedbackAcknowledged.Add(text);
                    }
                    else
                    {
                        Assert.Fail($"Feedback refused with {(int)filed.StatusCode} before any kill:\n{(await PageClient.ParseAsync(filed)).Text()}");
                    }

                    hitsSent++;
                    await visitor.GetAsync(new Uri("/gop-y", UriKind.Relative), TestContext.Current.CancellationToken);
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

                // After each kill: the stored page views never exceed the views sent, and never go backwards.
                await using var between = Open(sqlite, pg);
                var views = await ViewsAsync(between);
                if (views > hitsSent || views < lastViews)
                {
                    viewProblems.Add($"after kill {cycle + 1}: {views} views stored, {hitsSent} sent, {lastViews} before");
                }

                lastViews = views;
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

        await using var ctx = Open(sqlite, pg);
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
        var filedTexts = await ctx.Set<FeedbackItem>().IgnoreQueryFilters().Where(f => f.Text.StartsWith("Góp ý thử")).GroupBy(f => f.Text).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(TestContext.Current.CancellationToken);
        var storedFeedback = filedTexts.ToDictionary(f => f.Key, f => f.Count);
        var feedbackLost = feedbackAcknowledged.Where(a => !storedFeedback.ContainsKey(a)).ToList();
        var feedbackDuplicated = storedFeedback.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        var finalViews = await ViewsAsync(ctx);
        if (finalViews > hitsSent || finalViews < lastViews)
        {
            viewProblems.Add($"at the end: {finalViews} views stored, {hitsSent} sent, {lastViews} before");
        }

        var (audited, broken) = await AuditChain.VerifyAsync(ctx, TestContext.Current.CancellationToken);
        // The operator's own check, as a separate process on the restarted database.
        var verifyExit = await AppProcess.RunCommandAsync(db, "verify-audit");
        var retentionExit = await AppProcess.RunCommandAsync(db, "retention", "--dry-run");
        SuiteFigures.Report("crash safety", $"{kills} SIGKILLs survived, {attempted} registry writes attempted, {acknowledged.Count} acknowledged, {lost.Count} lost, {duplicated.Count} duplicated; "
            + $"{feedbackAttempted} feedback submissions, {feedbackAcknowledged.Count} acknowledged, {feedbackLost.Count} lost, {feedbackDuplicated.Count} duplicated; "
            + $"{hitsSent} page views sent, {finalViews} counted, {viewProblems.Count} counter problems; audit chain of {audited} entries {(broken is null ? "intact" : "broken")}");
        Assert.True(acknowledged.Count > kills, "the stream should have written something between kills");
        Assert.Empty(lost);
        Assert.Empty(duplicated);
        Assert.Empty(feedbackLost);
        Assert.Empty(feedbackDuplicated);
        Assert.Empty(viewProblems);
        Assert.Null(broken);
        Assert.Equal(0, verifyExit);
        Assert.Equal(0, retentionExit);
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

    private const string CommuneCode = "crash-xa";

    private static AppDbContext Open(string sqlite, string? pg) => pg is null
        ? SqliteAppDbContext.Create(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={sqlite};Pooling=False").Options, AccessScope.System())
        : PostgresAppDbContext.Create(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(pg).Options, AccessScope.System());

    private static async Task<long> ViewsAsync(AppDbContext ctx) =>
        (await ctx.Set<PortalVisitHour>().Select(h => h.Views).ToListAsync(TestContext.Current.CancellationToken)).Sum();

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
