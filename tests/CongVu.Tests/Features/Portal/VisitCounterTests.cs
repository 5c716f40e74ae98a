using CongVu.Features.Portal.Visits;
using Microsoft.Extensions.Time.Testing;

namespace CongVu.Tests.Features.Portal;

public class VisitCounterTests
{
    private const string Site = "xa-thu";

    // Wednesday 25/11/2026 10:00 in Vietnam.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

    private static readonly UInt128 A = 1, B = 2;

    private VisitCounter NewCounter()
    {
        var c = new VisitCounter(_time);
        c.SetBaseline(Site, 0, new Dictionary<DateOnly, long>());
        return c;
    }

    [Fact]
    public void SameBrowser_TenViews_CountsOneVisitAndOneOnline()
    {
        var c = NewCounter();
        for (var i = 0; i < 10; i++)
        {
            c.Record(Site, A, "/");
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(new VisitFigures(1, 1, 1, 1), c.Figures(Site));
    }

    [Fact]
    public void TwoBrowsers_CountTwoOnlineAndTwoToday()
    {
        var c = NewCounter();
        c.Record(Site, A, "/");
        c.Record(Site, B, "/tin-tuc");

        Assert.Equal(new VisitFigures(2, 2, 2, 2), c.Figures(Site));
    }

    [Fact]
    public void GapOverThirtyMinutes_StartsASecondVisit_ButNotAtTwentyNine()
    {
        var c = NewCounter();
        c.Record(Site, A, "/");
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.False(c.Record(Site, A, "/"));
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.True(c.Record(Site, A, "/"));

        Assert.Equal(2, c.Figures(Site).Today);
    }

    [Fact]
    public void OnlineNow_ForgetsVisitorsAfterFiveMinutes()
    {
        var c = NewCounter();
        c.Record(Site, A, "/");
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, c.Figures(Site).OnlineNow);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, c.Figures(Site).OnlineNow);
        Assert.Equal(1, c.Figures(Site).Today);
    }

    [Fact]
    public void Midnight_StartsANewDayAndANewVisit_WeekKeepsBoth()
    {
        var c = NewCounter();
        // 23:55 Wednesday in Vietnam.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 16, 55, 0, TimeSpan.Zero));
        c.Record(Site, A, "/");
        _time.Advance(TimeSpan.FromMinutes(10));
        // 00:05 Thursday: the same browser, now under the new day's id, continuing without a gap.
        Assert.True(c.Record(Site, B, "/", previousVisitor: A));

        var f = c.Figures(Site);
        Assert.Equal(1, f.OnlineNow);
        Assert.Equal(1, f.Today);
        Assert.Equal(2, f.ThisWeek);
        Assert.Equal(2, f.AllTime);
    }

    [Fact]
    public void Monday_StartsANewWeek_InVietnamTime()
    {
        var c = NewCounter();
        // Sunday 29/11/2026 23:50 in Vietnam.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 50, 0, TimeSpan.Zero));
        c.Record(Site, A, "/");
        Assert.Equal(1, c.Figures(Site).ThisWeek);
        // Monday 00:20 in Vietnam (still Sunday in UTC).
        _time.Advance(TimeSpan.FromMinutes(30));
        c.Record(Site, B, "/");

        var f = c.Figures(Site);
        Assert.Equal(1, f.ThisWeek);
        Assert.Equal(1, f.Today);
        Assert.Equal(2, f.AllTime);
    }

    [Fact]
    public void Figures_AddBaselineAndOffset_ToCountsNotYetWritten()
    {
        var c = new VisitCounter(_time);
        var today = new DateOnly(2026, 11, 25);
        c.SetBaseline(Site, 1000, new Dictionary<DateOnly, long> { [today] = 5, [today.AddDays(-2)] = 7, [today.AddDays(-3)] = 11 });
        c.Record(Site, A, "/");

        // Monday 23/11 is two days before; Sunday 22/11 is last week.
        Assert.Equal(new VisitFigures(1, 6, 13, 1024), c.Figures(Site));
    }

    [Fact]
    public void Batch_InFlight_StillCounts_AndFailedWriteRestoresIt()
    {
        var c = NewCounter();
        c.Record(Site, A, "/");
        var batch = c.Drain()!;
        c.Record(Site, B, "/");
        Assert.Equal(2, c.Figures(Site).Today);

        c.Restore(batch);
        Assert.Equal(2, c.Figures(Site).Today);
        var again = c.Drain()!;
        Assert.Equal(2, again.Days.Values.Sum(v => v.Visits));
        c.Acknowledge(again);
        Assert.Null(c.Drain());
        Assert.Equal(2, c.Figures(Site).Today);
    }

    [Fact]
    public void Batch_CarriesHourDayAndPageCounts()
    {
        var c = NewCounter();
        c.Record(Site, A, "/");
        c.Record(Site, A, "/tin-tuc");
        c.Record(Site, B, "/");
        var batch = c.Drain()!;

        Assert.Equal((2L, 3L), batch.Hours[(Site, new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc))]);
        Assert.Equal((2L, 3L), batch.Days[(Site, new DateOnly(2026, 11, 25))]);
        Assert.Equal(2, batch.Pages[(Site, new DateOnly(2026, 11, 25), "/")]);
    }

    [Fact]
    public void VisitorId_DependsOnSalt_SiteIpAndAgent()
    {
        byte[] s1 = [1, 2, 3], s2 = [4, 5, 6];
        var id = VisitService.VisitorId(s1, Site, "203.0.113.5", "Mozilla/5.0 X");
        Assert.Equal(id, VisitService.VisitorId(s1, Site, "203.0.113.5", "Mozilla/5.0 X"));
        Assert.NotEqual(id, VisitService.VisitorId(s2, Site, "203.0.113.5", "Mozilla/5.0 X"));
        Assert.NotEqual(id, VisitService.VisitorId(s1, Site, "203.0.113.6", "Mozilla/5.0 X"));
        Assert.NotEqual(id, VisitService.VisitorId(s1, "other", "203.0.113.5", "Mozilla/5.0 X"));
        Assert.NotEqual(id, VisitService.VisitorId(s1, Site, "203.0.113.5", "Mozilla/5.0 Y"));
    }
}
