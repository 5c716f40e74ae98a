using CongVu.Features.Feedback;
using CongVu.Features.Feedback.Reception;
using CongVu.Features.Feedback.Rules;
using CongVu.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Feedback;

public class ReceptionReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheMarchReport_EqualsTheHandCountedSessions()
    {
        var c = await app.CreateCommuneAsync();
        await using var scope = app.SystemScope(out var db);
        var reception = scope.ServiceProvider.GetRequiredService<ReceptionService>();
        var ct = TestContext.Current.CancellationToken;

        async Task<ReceptionSession> Held(int day, ReceptionHost host, int citizens, bool regular = true)
        {
            var (session, errors) = await reception.PlanAsync(new NewReceptionSession(c.CommuneId, new DateOnly(2026, 3, day), ReceptionPeriod.Morning, null, null, "Trụ sở", host, null, "Người tiếp", null, regular), ct);
            Assert.Empty(errors);
            Assert.Empty(await reception.RecordAsync(session!, ReceptionStatus.Held, citizens, null, ct));
            return session!;
        }

        // March 2026 holds the weeks of 2, 9, 16 and 23 March (by their Thursday); the chair received in the first two only.
        await Held(3, ReceptionHost.Chair, 2);
        var busy = await Held(10, ReceptionHost.Chair, 1);
        await Held(12, ReceptionHost.PartySecretary, 3);
        await Held(20, ReceptionHost.Other, 1, regular: false);
        await reception.AddVisitAsync(busy, FeedbackKind.KienNghi, "Kiến nghị sửa cầu.", false, ct);
        await reception.AddVisitAsync(busy, FeedbackKind.KhieuNai, "Khiếu nại về ranh đất.", false, ct);
        var period = ReportPeriod.Of("thang", 2026, 3)!;
        var r = await reception.ReportAsync(c.CommuneId, "Xã thử", period, new DateOnly(2026, 11, 25), WorkingDayCalendar.Default, ct);

        Assert.Equal(4, r.SessionsHeld);
        Assert.Equal(1, r.UnscheduledSessions);
        Assert.Equal((2, 4), (r.ChairDaysHeld, r.ChairDaysRequired));
        Assert.Equal([new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 23)], r.ChairWeeksMissed.Select(w => w.From));
        Assert.Equal((1, 2), (r.SecretaryDaysHeld, r.SecretaryDaysRequired));
        Assert.Single(r.SecretaryMonthsMissed);
        Assert.Equal(1, r.OtherSessions);
        // Two visits raised the busy session's count from 1 to 2: 2 + 2 + 3 + 1.
        Assert.Equal(8, r.Citizens);
        Assert.Equal([(FeedbackKind.KienNghi, 1), (FeedbackKind.KhieuNai, 1)], r.ItemsByKind);
        Assert.Equal((0, 2), (r.Resolved, r.InProgress));
    }

    [Fact]
    public void ReportPeriods_CoverTheirMonths()
    {
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (ReportPeriod.Of("quy", 2026, 4)!.From, ReportPeriod.Of("quy", 2026, 4)!.To));
        Assert.Equal(new DateOnly(2026, 6, 30), ReportPeriod.Of("6thang", 2026, 1)!.To);
        Assert.Null(ReportPeriod.Of("thang", 2026, 13));
        Assert.Null(ReportPeriod.Of("tuan", 2026, 1));
    }
}
