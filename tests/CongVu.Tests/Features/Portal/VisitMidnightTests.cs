using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Features.Portal;

/// <summary>Vietnam's midnight: a new day's salt gives every browser a new id, yet someone reading across it stays one person online.</summary>
public class VisitMidnightTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Browser_ReadingAcrossMidnight_StartsANewVisitButStaysOneOnline()
    {
        // The app's clock starts at 10:00 in Vietnam: move to 23:58.
        app.Time.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(58));
        var browser = VisitCountingTests.NewBrowser();
        await VisitCountingTests.VisitAsync(app, "/", browser);
        await VisitCountingTests.VisitAsync(app, "/tin-tuc", browser);
        var evening = await VisitCountingTests.FiguresAsync(app);

        app.Time.Advance(TimeSpan.FromMinutes(3));
        var midnight = await VisitCountingTests.FiguresAsync(app);
        await VisitCountingTests.VisitAsync(app, "/", browser);
        var after = await VisitCountingTests.FiguresAsync(app);

        Assert.Equal(1, evening.OnlineNow);
        Assert.Equal(0, midnight.Today);
        // The first view of the new day is a new visit of the new day ...
        Assert.Equal(1, after.Today);
        Assert.Equal(evening.AllTime + 1, after.AllTime);
        // ... by the same person, still one online, not two.
        Assert.Equal(1, after.OnlineNow);
    }
}
