using System.Net;
using CongVu.Features.Feedback;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Feedback;

public class FeedbackStaffTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Intake_OfAPhoneCall_GetsTheLongerDeadlineWhenOthersAreConsulted()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback/new");
        var text = "Gọi điện báo sạt lở bờ kênh " + Guid.NewGuid();
        var response = await staff.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Channel"] = nameof(FeedbackChannel.Phone),
            ["Input.Kind"] = nameof(FeedbackKind.PhanAnh),
            ["Input.Text"] = text,
            ["Input.ConsultsOthers"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        var item = await db.Set<FeedbackItem>().SingleAsync(f => f.Text == text, TestContext.Current.CancellationToken);
        Assert.Equal(FeedbackChannel.Phone, item.Channel);
        Assert.Equal(7, item.DeadlineWorkingDays);
        // Received Wednesday 25/11/2026: seven working days end on Friday 04/12/2026.
        Assert.Equal(new DateOnly(2026, 12, 4), item.DueOn);
    }

    [Fact]
    public async Task EscalationView_ListsOverdueItemsOnly()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback?xem=qua-han");
        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("Quá hạn", r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACellSecretary_HasNoFeedbackInbox()
    {
        var secretary = await app.SignInAsync("bithu.caygon");
        var response = await secretary.GetAsync("/staff/feedback", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
