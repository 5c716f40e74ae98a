using System.Net;
using CongVu.Features.Feedback;
using CongVu.Features.Feedback.Reception;
using CongVu.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Feedback;

public class ReceptionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheDemoYear_FlagsTheMissedChairWeeksAndTheShortSecretaryMonth()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback/tiep-dan?nam=2026");
        var weeks = page.QuerySelectorAll("#missed tr.missed-week").Select(r => r.TextContent).ToList();
        Assert.Equal(2, weeks.Count);
        Assert.Contains(weeks, w => w.Contains("16/03/2026", StringComparison.Ordinal));
        Assert.Contains(weeks, w => w.Contains("14/09/2026", StringComparison.Ordinal));
        var month = Assert.Single(page.QuerySelectorAll("#missed tr.missed-month"));
        Assert.Contains("06/2026", month.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanningAndRecordingASession_FilesTheCitizensMatterAsALinkedFeedbackItem()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var form = await staff.GetPageAsync("/staff/feedback/tiep-dan/moi?ngay=25/11/2026");
        var response = await staff.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Period"] = nameof(ReceptionPeriod.Afternoon),
            ["Host"] = nameof(ReceptionHost.Other),
            ["HostName"] = "Nguyễn Văn Thử",
            ["HostPost"] = "Phó Chủ tịch UBND xã",
            ["Place"] = "Trụ sở tiếp công dân",
            ["Unscheduled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.ToString();

        var session = await staff.GetPageAsync(url);
        var text = "Công dân trình bày về việc cấp nước sạch " + Guid.NewGuid();
        var visit = await staff.SubmitAsync(session.Form("#visit"), new Dictionary<string, string> { ["Kind"] = nameof(FeedbackKind.KienNghi), ["Text"] = text });
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);

        await using var scope = app.SystemScope(out var db);
        var item = await db.Set<FeedbackItem>().SingleAsync(f => f.Text == text, TestContext.Current.CancellationToken);
        Assert.Equal(FeedbackChannel.Reception, item.Channel);
        var stored = await db.Set<ReceptionSession>().Include(s => s.Visits).SingleAsync(s => s.Visits.Any(v => v.FeedbackItemId == item.Id), TestContext.Current.CancellationToken);
        Assert.Equal(ReceptionStatus.Held, stored.Status);
        Assert.False(stored.Regular);
        Assert.Equal(1, stored.CitizensReceived);
    }

    [Fact]
    public async Task ASessionWithoutAPlace_IsRefusedWithAVietnameseMessage()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var form = await staff.GetPageAsync("/staff/feedback/tiep-dan/moi");
        var response = await staff.SubmitAsync(form.Form(), new Dictionary<string, string> { ["HostName"] = "Nguyễn Văn Thử", ["Place"] = "" });
        Assert.Contains("Vui lòng nhập địa điểm", (await PageClient.ParseAsync(response)).Text(".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScheduleCalendar_ShowsTheMonthsSessionsAndDaysOff()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback/tiep-dan/lich?thang=2026-02");
        Assert.NotEmpty(page.QuerySelectorAll("td.day-off"));
        Assert.NotEmpty(page.QuerySelectorAll("td a[href^='/staff/feedback/tiep-dan/']"));
    }

    [Theory]
    [InlineData("thang", 6)]
    [InlineData("quy", 1)]
    [InlineData("6thang", 1)]
    [InlineData("nam", 1)]
    public async Task TheReport_CountsHeldAgainstRequired(string kind, int number)
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync($"/staff/feedback/tiep-dan/bao-cao?ky={kind}&nam=2026&so={number}");
        Assert.Contains("/", page.Text(".facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheYearReport_DownloadsAsADocxInThePartyFormat()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var response = await staff.GetAsync("/staff/feedback/tiep-dan/bao-cao?handler=Docx&ky=nam&nam=2026", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var ms = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var doc = WordprocessingDocument.Open(ms, false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("tiếp công dân năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("16/03/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACellSecretary_CannotOpenTheReceptionLog()
    {
        var secretary = await app.SignInAsync("bithu.caygon");
        var response = await secretary.GetAsync("/staff/feedback/tiep-dan", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
