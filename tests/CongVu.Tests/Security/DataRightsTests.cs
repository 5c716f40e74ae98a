using System.Net;
using System.Text.Json;
using CongVu.Features.Feedback;
using CongVu.Features.Feedback.DataSubject;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Organisation.Import;
using CongVu.Features.Portal.Visits;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

/// <summary>A complainant's export and erasure (Luật BVDLCN 2025, NĐ 356/2025) and the retention pass, on the demo commune.</summary>
public sealed class DataRightsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Phone = "0912 345 678";
    private const string Email = "nguoidan@example.vn";

    [Fact]
    public async Task Export_WithTheContactPhone_DownloadsTheCitizensData()
    {
        var code = await FileAsync(answered: false);
        var client = app.CreateBrowserLikeClient();
        var page = await client.GetPageAsync($"/tra-cuu/{code}/du-lieu-ca-nhan");

        var response = await client.SubmitAsync(page.Form("#export-form"), new Dictionary<string, string> { ["Proof"] = "0912345678" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(code, json.RootElement.GetProperty("TrackingCode").GetString());
        Assert.Equal(Phone, json.RootElement.GetProperty("Contact").GetProperty("Phone").GetString());
        Assert.Contains("đèn đường", json.RootElement.GetProperty("Text").GetString(), StringComparison.Ordinal);
        Assert.True(await AuditedAsync(code, SubjectRights.ExportAction));
    }

    [Fact]
    public async Task Export_WithAWrongProof_ShowsAnErrorAndNoData()
    {
        var code = await FileAsync(answered: false);
        var client = app.CreateBrowserLikeClient();
        var page = await client.GetPageAsync($"/tra-cuu/{code}/du-lieu-ca-nhan");

        var response = await client.SubmitAsync(page.Form("#export-form"), new Dictionary<string, string> { ["Proof"] = "0900000000" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await PageClient.ParseAsync(response)).Text();
        Assert.Contains("không khớp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912", text, StringComparison.Ordinal);
        Assert.False(await AuditedAsync(code, SubjectRights.ExportAction));
    }

    [Fact]
    public async Task Erase_WithTheEmail_RemovesContactAndPhoto_KeepsTheCase_AndStaffSeeWhy()
    {
        var code = await FileAsync(answered: true);
        var client = app.CreateBrowserLikeClient();
        var page = await client.GetPageAsync($"/tra-cuu/{code}/du-lieu-ca-nhan");

        var response = await client.SubmitAsync(page.Form("#erase-form"), new Dictionary<string, string> { ["Proof"] = "NguoiDan@Example.vn", ["Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        int id;
        await using (var scope = app.SystemScope(out var db))
        {
            var item = await db.Set<FeedbackItem>().Include(f => f.Attachments).SingleAsync(f => f.TrackingCode == code, TestContext.Current.CancellationToken);
            Assert.Null(item.ContactPhoneProtected);
            Assert.Null(item.ContactEmailProtected);
            Assert.Null(item.ContactNameProtected);
            Assert.DoesNotContain(item.Attachments, a => a.Role == AttachmentRole.CitizenPhoto);
            Assert.Contains("đèn đường", item.Text, StringComparison.Ordinal);
            Assert.NotNull(item.AnswerText);
            id = item.Id;
        }

        Assert.True(await AuditedAsync(code, SubjectRights.EraseAction));
        var staff = await app.SignInAsync(DemoCommune.Accounts[0].UserName);
        Assert.Contains("đã xóa theo yêu cầu", (await staff.GetPageAsync($"/staff/feedback/{id}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_WithoutConfirming_ChangesNothing()
    {
        var code = await FileAsync(answered: false);
        var client = app.CreateBrowserLikeClient();
        var page = await client.GetPageAsync($"/tra-cuu/{code}/du-lieu-ca-nhan");

        await client.SubmitAsync(page.Form("#erase-form"), new Dictionary<string, string> { ["Proof"] = Phone });

        await using var scope = app.SystemScope(out var db);
        Assert.NotNull((await db.Set<FeedbackItem>().SingleAsync(f => f.TrackingCode == code, TestContext.Current.CancellationToken)).ContactPhoneProtected);
    }

    [Fact]
    public async Task Retention_ErasesContactsOnlyOfCasesClosedLongEnoughAgo_AndDryRunChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var old = await FileAsync(answered: true);
        app.Time.Advance(TimeSpan.FromDays(400));
        var recent = await FileAsync(answered: true);
        var open = await FileAsync(answered: false);
        app.Time.Advance(TimeSpan.FromDays(400));
        var options = app.Services.GetRequiredService<RetentionOptions>();
        Assert.Equal(24, options.ContactMonthsAfterClose);

        await using var scope = app.SystemScope(out var db);
        var runner = scope.ServiceProvider.GetRequiredService<RetentionRunner>();
        var dry = await runner.RunAsync(dryRun: true, ct);
        Assert.True(dry.Contacts >= 1);
        Assert.NotNull(await ContactAsync(old));

        var done = await runner.RunAsync(dryRun: false, ct);

        Assert.Equal(dry.Contacts, done.Contacts);
        Assert.Null(await ContactAsync(old));
        Assert.NotNull(await ContactAsync(recent));
        Assert.NotNull(await ContactAsync(open));
        Assert.True(await AuditedAsync(old, SubjectRights.EraseAction));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "retention.run", ct));
        Assert.Equal(0, (await runner.RunAsync(dryRun: true, ct)).Contacts);
    }

    [Fact]
    public async Task Retention_PrunesVisitorSaltsOlderThanTwoDays()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.SystemScope(out var db);
        var today = CongVu.Infrastructure.Time.VietnamTime.Today(app.Time);
        db.Add(new PortalVisitSalt { Day = today.AddDays(-30), Salt = new byte[32], CreatedAt = app.Time.GetUtcNow().UtcDateTime });
        db.Add(new PortalVisitSalt { Day = today.AddDays(-1).AddYears(5), Salt = new byte[32], CreatedAt = app.Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);

        var report = await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(dryRun: false, ct);

        Assert.True(report.VisitSalts >= 1);
        Assert.False(await db.Set<PortalVisitSalt>().AnyAsync(s => s.Day == today.AddDays(-30), ct));
        Assert.True(await db.Set<PortalVisitSalt>().AnyAsync(s => s.Day == today.AddDays(-1).AddYears(5), ct));
    }

    [Fact]
    public async Task Retention_DropsOldImportFilesAndUnfinishedBatches_KeepsRecentOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.SystemScope(out var db);
        var unit = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.NewCommitteeCode).Select(u => u.Id).FirstAsync(ct);
        var now = app.Time.GetUtcNow().UtcDateTime;
        ImportBatch Batch(ImportState state, int daysAgo) => new() { OrgUnitId = unit, FileName = "retention-" + Guid.NewGuid().ToString("N") + ".xlsx", FileSize = 3, Content = [1, 2, 3], ProblemsJson = "[]", State = state, CreatedAt = now.AddDays(-daysAgo) };
        var oldImported = Batch(ImportState.Imported, 40);
        var oldCancelled = Batch(ImportState.Cancelled, 40);
        var recent = Batch(ImportState.Imported, 3);
        db.AddRange(oldImported, oldCancelled, recent);
        await db.SaveChangesAsync(ct);

        var report = await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(dryRun: false, ct);

        Assert.True(report.ImportFiles >= 1 && report.ImportBatches >= 1);
        var left = await db.Set<ImportBatch>().AsNoTracking().Where(b => b.FileName.StartsWith("retention-")).ToListAsync(ct);
        Assert.Null(left.Single(b => b.Id == oldImported.Id).Content);
        Assert.DoesNotContain(left, b => b.Id == oldCancelled.Id);
        Assert.NotNull(left.Single(b => b.Id == recent.Id).Content);
    }

    private async Task<string> FileAsync(bool answered)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.SystemScope(out var db);
        var commune = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.NewCommuneCode).Select(u => u.Id).FirstAsync(ct);
        var service = scope.ServiceProvider.GetRequiredService<FeedbackService>();
        var item = await service.FileAsync(new NewFeedback(FeedbackKind.PhanAnh, FeedbackChannel.Web, commune, FeedbackSubjectKind.None, null, null, null,
            "Đèn đường ấp Cây Gòn hỏng đã hai tuần — thử dữ liệu cá nhân".ToLowerInvariant(), FeedbackAnonymity.HiddenFromOfficial,
            new FeedbackContact("Nguyễn Văn Thử", Phone, Email), Consent: true, Photo: ("image/png", "anh.png", [137, 80, 78, 71])), ct);
        if (answered)
        {
            await service.AnswerAsync(item, new FeedbackAnswer(FeedbackOutcome.Resolved, "Đã thay bóng đèn.", null, null, null, false, false, null, "test"), ct);
        }

        return item.TrackingCode;
    }

    private async Task<string?> ContactAsync(string code)
    {
        await using var scope = app.SystemScope(out var db);
        return await db.Set<FeedbackItem>().Where(f => f.TrackingCode == code).Select(f => f.ContactPhoneProtected).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<bool> AuditedAsync(string code, string action)
    {
        await using var scope = app.SystemScope(out var db);
        var id = await db.Set<FeedbackItem>().Where(f => f.TrackingCode == code).Select(f => f.Id).SingleAsync(TestContext.Current.CancellationToken);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AnyAsync(e => e.Action == action && e.EntityId == key && e.EntityType == FeedbackService.EntityType, TestContext.Current.CancellationToken);
    }
}
