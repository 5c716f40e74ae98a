using CongVu.Features.Portal.Visits;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongVu.Tests.Features.Portal;

/// <summary>The app started again on another app's database, as after a restart.</summary>
public sealed class ReopenedAppFactory(AppFactory first) : AppFactory
{
    private readonly IConfiguration _firstConfig = first.Services.GetRequiredService<IConfiguration>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", _firstConfig["Database:Provider"]);
        builder.UseSetting("Database:SqlitePath", _firstConfig["Database:SqlitePath"]);
        builder.UseSetting("Database:ConnectionString", _firstConfig["Database:ConnectionString"]);
    }
}

public class VisitPersistenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ShutDownCounterAsync(AppFactory app)
    {
        // What the host does on a planned stop: the flusher's StopAsync writes the rest.
        var flusher = app.Services.GetServices<IHostedService>().OfType<VisitFlusher>().Single();
        await flusher.StopAsync(Ct);
    }

    [Fact]
    public async Task Restart_KeepsTodayWeekAndAllTime_AndTheOpenVisit()
    {
        await using var first = new AppFactory();
        await first.InitializeAsync();
        var browser = VisitCountingTests.NewBrowser();
        await VisitCountingTests.VisitAsync(first, "/", browser);
        await VisitCountingTests.VisitAsync(first, "/", VisitCountingTests.NewBrowser());
        var before = await VisitCountingTests.FiguresAsync(first);
        await ShutDownCounterAsync(first);

        await using var second = new ReopenedAppFactory(first);
        await second.InitializeAsync();
        second.Time.SetUtcNow(first.Time.GetUtcNow().AddMinutes(2));
        var after = await VisitCountingTests.FiguresAsync(second);
        Assert.Equal(before.Today, after.Today);
        Assert.Equal(before.ThisWeek, after.ThisWeek);
        Assert.Equal(before.AllTime, after.AllTime);

        // The same browser two minutes later continues its visit: same salt, same open visit.
        await VisitCountingTests.VisitAsync(second, "/", browser);
        Assert.Equal(before.Today, (await VisitCountingTests.FiguresAsync(second)).Today);
    }

    [Fact]
    public async Task SaltRotation_AcrossMidnight_KeepsOneOnline_AndDeletesTheOldSaltAfter48Hours()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        var visits = app.Services.GetRequiredService<VisitService>();
        var browser = VisitCountingTests.NewBrowser();
        // 23:58 Wednesday in Vietnam.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 16, 58, 0, TimeSpan.Zero));
        await VisitCountingTests.VisitAsync(app, "/", browser);
        var wednesday = await VisitCountingTests.FiguresAsync(app);

        app.Time.Advance(TimeSpan.FromMinutes(3));
        await VisitCountingTests.VisitAsync(app, "/", browser);
        var thursday = await VisitCountingTests.FiguresAsync(app);
        Assert.Equal(1, thursday.OnlineNow);
        Assert.Equal(1, thursday.Today);
        Assert.Equal(wednesday.ThisWeek + 1, thursday.ThisWeek);
        await visits.FlushAsync(Ct);

        await using (var scope = app.SystemScope(out var db))
        {
            Assert.Equal([new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26)], db.Set<PortalVisitSalt>().Select(s => s.Day).OrderBy(d => d).ToList());
        }

        // Saturday: Wednesday's salt is past 48 hours and Thursday's has served its next day.
        app.Time.Advance(TimeSpan.FromDays(2));
        await VisitCountingTests.VisitAsync(app, "/", browser);
        await visits.FlushAsync(Ct);
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.Equal([new DateOnly(2026, 11, 28)], db.Set<PortalVisitSalt>().Select(s => s.Day).ToList());
        }
    }
}
