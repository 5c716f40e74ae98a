using System.Net;
using CongVu.Features.Feedback;
using CongVu.Features.Feedback.Schedules;
using CongVu.Infrastructure.Audit;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Feedback;

public class OfficialScheduleTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheSeededSchedules_AreStoredInTheDatabase()
    {
        await using var scope = app.SystemScope(out var db);
        var years = await db.Set<OfficialScheduleYear>().Where(s => s.Year == 2025 || s.Year == 2026).OrderBy(s => s.Year).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([2025, 2026], years.Select(y => y.Year));
        Assert.Contains(new DateOnly(2026, 2, 16), years[1].DaysOff);
        Assert.Contains("9441/TB-BNV", years[1].Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("huynhvanly")]
    [InlineData("bithu.caygon")]
    [InlineData("tinhuy.vinhlong")]
    public async Task TheScheduleScreen_IsForAdministratorsOnly(string user)
    {
        var client = await app.SignInAsync(user);
        var response = await client.GetAsync("/staff/feedback/lich-nghi/2027", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("403", response.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADayBothOffAndWorked_IsRefused_AndNothingIsStored()
    {
        var admin = await app.SignInAsync("vanphong.tieucan");
        var page = await admin.GetPageAsync("/staff/feedback/lich-nghi/2031");
        var response = await admin.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["DaysOff"] = "01/01/2031\n03/05/2031",
            ["WorkedDays"] = "03/05/2031",
            ["Source"] = "Thông báo thử nghiệm",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await PageClient.ParseAsync(response);
        Assert.Contains("không thể vừa là ngày nghỉ vừa là ngày làm việc", doc.Text(".errors"), StringComparison.Ordinal);
        await using var scope = app.SystemScope(out var db);
        Assert.False(await db.Set<OfficialScheduleYear>().AnyAsync(s => s.Year == 2031, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ADateOutsideTheYear_IsRefused()
    {
        var admin = await app.SignInAsync("vanphong.tieucan");
        var page = await admin.GetPageAsync("/staff/feedback/lich-nghi/2032");
        var response = await admin.SubmitAsync(page.Form(), new Dictionary<string, string> { ["DaysOff"] = "01/01/2033", ["WorkedDays"] = "", ["Source"] = "Thông báo thử nghiệm" });
        Assert.Contains("không thuộc năm 2032", (await PageClient.ParseAsync(response)).Text(".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYearOutOfRange_IsRefused()
    {
        await using var scope = app.SystemScope(out var db);
        var errors = await scope.ServiceProvider.GetRequiredService<ScheduleService>().SaveAsync(1999, [], [], "Thông báo", "test", TestContext.Current.CancellationToken);
        Assert.Contains(errors, e => e.StartsWith("Năm phải từ", StringComparison.Ordinal));
    }
}

/// <summary>Changes the 2026 schedule, so it has an app of its own.</summary>
public class OfficialScheduleOverrideTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SavingASchedule_ChangesTheNextComputedDeadline_AndIsAudited()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback/lich-nghi/2026");
        var daysOff = page.QuerySelector("#DaysOff")!.TextContent;
        // An extra day off on Friday 27/11/2026.
        var response = await staff.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["DaysOff"] = daysOff + "\n27/11/2026",
            ["WorkedDays"] = page.QuerySelector("#WorkedDays")!.TextContent,
            ["Source"] = "Thông báo 9441/TB-BNV ngày 16/10/2025 (bổ sung thử nghiệm)",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var intake = await staff.GetPageAsync("/staff/feedback/new");
        var text = "Phản ánh sau khi đổi lịch nghỉ " + Guid.NewGuid();
        await staff.SubmitAsync(intake.Form(), new Dictionary<string, string>
        {
            ["Input.Channel"] = nameof(FeedbackChannel.InPerson),
            ["Input.Kind"] = nameof(FeedbackKind.PhanAnh),
            ["Input.Text"] = text,
        });
        await using var scope = app.SystemScope(out var db);
        var item = await db.Set<FeedbackItem>().SingleAsync(f => f.Text == text, TestContext.Current.CancellationToken);
        // Received Wednesday 25/11: five working days would end Wednesday 02/12; with 27/11 off they end Thursday 03/12.
        Assert.Equal(new DateOnly(2026, 12, 3), item.DueOn);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "schedule.saved" && a.EntityType == ScheduleService.EntityType, TestContext.Current.CancellationToken));
    }
}
