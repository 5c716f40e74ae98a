using System.Net;
using System.Text.Json;
using CongVu.Features.Feedback;
using CongVu.Features.Feedback.Rules;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Feedback;

public class PublicStatisticsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static FeedbackItem Item(TestCommune c, int unit, DateOnly received, DateOnly due, DateOnly? answered, string text) => new()
    {
        TrackingCode = "T" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant(),
        Kind = FeedbackKind.PhanAnh,
        Channel = FeedbackChannel.Web,
        CommuneId = c.CommuneId,
        OrgUnitId = unit,
        SubjectKind = FeedbackSubjectKind.None,
        Text = text,
        Anonymity = FeedbackAnonymity.Anonymous,
        ReceivedAt = received.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        ReceivedOn = received,
        DeadlineWorkingDays = 5,
        DueOn = due,
        Status = answered is null ? FeedbackStatus.Received : FeedbackStatus.Answered,
        AnsweredOn = answered,
        AnsweredAt = answered?.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        AnsweredBy = "Nguyễn Thị Cán Bộ",
    };

    /// <summary>
    /// Five items in 2026: March — answered on time after 2 and 4 working days, one answered late after 7;
    /// October — one open and overdue, one open and not yet due (the unit's). Three desk ratings, two satisfied.
    /// Four dossiers returned: early, on time, on time, late → 75 %.
    /// </summary>
    private async Task<TestCommune> ArrangeAsync()
    {
        var c = await app.CreateCommuneAsync();
        await using var scope = app.SystemScope(out var db);
        var d = (int m, int day) => new DateOnly(2026, m, day);
        db.Set<FeedbackItem>().AddRange(
            Item(c, c.CommuneId, d(3, 2), d(3, 9), d(3, 4), "Bí mật riêng tư số một của ông Trần Văn Dân"),
            Item(c, c.CommuneId, d(3, 2), d(3, 9), d(3, 6), "Nội dung thứ hai"),
            Item(c, c.CommuneId, d(3, 10), d(3, 17), d(3, 19), "Nội dung thứ ba"),
            Item(c, c.CommuneId, d(10, 1), d(10, 8), null, "Nội dung thứ tư"),
            Item(c, c.AgencyId, d(11, 24), d(12, 1), null, "Nội dung thứ năm"));
        db.Set<DeskRating>().AddRange(
            new DeskRating { OrgUnitId = c.AgencyId, Attitude = 5, Timeliness = 4, Clarity = 4, Trips = 1, On = d(3, 3), At = DateTime.SpecifyKind(d(3, 3).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) },
            new DeskRating { OrgUnitId = c.AgencyId, Attitude = 4, Timeliness = 4, Clarity = 4, Trips = 1, On = d(3, 4), At = DateTime.SpecifyKind(d(3, 4).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) },
            new DeskRating { OrgUnitId = c.AgencyId, Attitude = 2, Timeliness = 3, Clarity = 3, Trips = 2, On = d(10, 2), At = DateTime.SpecifyKind(d(10, 2).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) });
        db.Set<Dossier>().AddRange(
            new Dossier { OrgUnitId = c.AgencyId, Code = "A1", ImportedAt = DateTime.UnixEpoch, Procedure = "Chứng thực", ReceivedOn = d(4, 1), DueOn = d(4, 3), ReturnedOn = d(4, 2) },
            new Dossier { OrgUnitId = c.AgencyId, Code = "A2", ImportedAt = DateTime.UnixEpoch, Procedure = "Chứng thực", ReceivedOn = d(4, 1), DueOn = d(4, 3), ReturnedOn = d(4, 3) },
            new Dossier { OrgUnitId = c.AgencyId, Code = "A3", ImportedAt = DateTime.UnixEpoch, Procedure = "Khai sinh", ReceivedOn = d(5, 4), DueOn = d(5, 5), ReturnedOn = d(5, 5) },
            new Dossier { OrgUnitId = c.AgencyId, Code = "A4", ImportedAt = DateTime.UnixEpoch, Procedure = "Kết hôn", ReceivedOn = d(6, 1), DueOn = d(6, 4), ReturnedOn = d(6, 8) },
            new Dossier { OrgUnitId = c.AgencyId, Code = "A5", ImportedAt = DateTime.UnixEpoch, Procedure = "Kết hôn", ReceivedOn = d(11, 20), DueOn = d(11, 30) });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return c;
    }

    [Fact]
    public async Task TheFigures_EqualTheHandCountedFixture()
    {
        var c = await ArrangeAsync();
        await using var scope = app.SystemScope(out var db);
        var s = await PublicStatistics.ForAsync(db, WorkingDayCalendar.Default, c.CommuneId, 2026, new DateOnly(2026, 11, 25), TestContext.Current.CancellationToken);
        Assert.Equal(5, s.Total.Received);
        Assert.Equal(3, s.Total.Answered);
        Assert.Equal(2, s.Total.AnsweredOnTime);
        Assert.Equal(1, s.Total.Overdue);
        // Working days to answer: 2, 4 and 7 → median 4.
        Assert.Equal(4m, s.Total.MedianWorkingDays);
        Assert.Equal(66.7m, s.Total.SatisfactionPercent);
        Assert.Equal(11, s.Months.Count);
        var march = s.Months[2];
        Assert.Equal((3, 3, 2, 0, 4m), (march.Received, march.Answered, march.AnsweredOnTime, march.Overdue, march.MedianWorkingDays!.Value));
        Assert.Equal(100m, march.SatisfactionPercent);
        Assert.Equal((1, 1), (s.Months[9].Received, s.Months[9].Overdue));
        Assert.Equal(2, s.Units.Count);
        Assert.Equal(4, s.Units[0].Received);
        Assert.Equal(1, s.Units[1].Received);
        Assert.Equal((4, 1, 2, 1, 75m), (s.Dossiers.Returned, s.Dossiers.Early, s.Dossiers.OnTime, s.Dossiers.Late, s.Dossiers.OnTimeRate!.Value));
        var progress = Assert.Single(s.Index766, g => g.Key == "Progress");
        Assert.Equal(15m, progress.Points);
        // 66.7 % of 18 points.
        Assert.Equal(12.01m, Assert.Single(s.Index766, g => g.Key == "Satisfaction").Points);
        Assert.Equal(3, s.Index766.Count(g => g.Points is null));
    }

    [Fact]
    public async Task ThePublicPage_ShowsAggregatesOnly_AndNoPersonalData()
    {
        var c = await ArrangeAsync();
        var page = await app.CreateClient().GetPageAsync($"/xa/{c.Prefix}-xa/thong-ke?nam=2026");
        var text = page.Text();
        Assert.Contains("75%", text, StringComparison.Ordinal);
        Assert.Contains("không có dữ liệu", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg title"));
        Assert.DoesNotContain("Trần Văn Dân", page.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bí mật riêng tư", page.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Thị Cán Bộ", page.Source.Text, StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        foreach (var code in await db.Set<FeedbackItem>().IgnoreQueryFilters().Where(f => f.CommuneId == c.CommuneId).Select(f => f.TrackingCode).ToListAsync(TestContext.Current.CancellationToken))
        {
            Assert.DoesNotContain(code, page.Source.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheHomeCommunesPage_IsAnonymous()
    {
        var response = await app.CreateClient().GetAsync("/thong-ke/phan-anh", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownCommune_IsNotFound()
    {
        var response = await app.CreateClient().GetAsync("/xa/khong-co/thong-ke", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheSummary_HasTheDossierOnTimeRateForTheDemo()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/public/summary?commune=tieu-can&year=2026", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var figures = json.RootElement;
        Assert.True(figures.GetProperty("dossiersReturned").GetInt32() > 100);
        var rate = figures.GetProperty("dossierOnTimeRate").GetDecimal();
        Assert.InRange(rate, 80m, 100m);
    }
}
