using System.Net;
using CongVu.Features.Feedback;
using CongVu.Infrastructure.Audit;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Feedback;

public class FeedbackFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private async Task<HttpResponseMessage> FileAsync(HttpClient client, Dictionary<string, string> values, byte[]? photo = null, string photoType = "image/png")
    {
        var doc = await client.GetPageAsync("/gop-y?xa=tieu-can");
        var form = doc.Form("form[enctype]");
        // The form refuses submissions faster than a person can type.
        app.Time.Advance(TimeSpan.FromSeconds(10));
        return photo is null
            ? await client.SubmitAsync(form, values)
            : await client.SubmitFileAsync(form, "Photo", "anh.png", photo, photoType, values);
    }

    private static Dictionary<string, string> Anonymous(string text) => new()
    {
        ["Input.Kind"] = nameof(FeedbackKind.PhanAnh),
        ["Input.Xa"] = "tieu-can",
        ["Input.Text"] = text,
        ["Input.Anonymity"] = nameof(FeedbackAnonymity.Anonymous),
    };

    private async Task<int> CountAsync(string text)
    {
        await using var scope = app.SystemScope(out var db);
        return await db.Set<FeedbackItem>().CountAsync(f => f.Text == text);
    }

    private static string CodeFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/tra-cuu/", location, StringComparison.Ordinal);
        return location["/tra-cuu/".Length..].Split('?')[0];
    }

    [Fact]
    public async Task Citizen_FilesAnonymously_GetsACode_AndTheStatusPageShowsProgress()
    {
        var client = app.CreateBrowserLikeClient();
        var text = "Đèn đường ấp Cây Gòn hỏng " + Guid.NewGuid();
        var code = CodeFrom(await FileAsync(client, Anonymous(text), TinyPng));

        var page = await client.GetPageAsync($"/tra-cuu/{code}?moi=1");
        var main = page.Text();
        Assert.Contains(code, main, StringComparison.Ordinal);
        Assert.Contains("Đã tiếp nhận", main, StringComparison.Ordinal);
        Assert.Contains("Xã Tiểu Cần", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Cây Gòn hỏng", main, StringComparison.Ordinal);

        await using var scope = app.SystemScope(out var db);
        var item = await db.Set<FeedbackItem>().Include(f => f.Attachments).SingleAsync(f => f.TrackingCode == code, TestContext.Current.CancellationToken);
        Assert.Null(item.ContactNameProtected);
        Assert.Equal(new DateOnly(2026, 12, 2), item.DueOn);
        Assert.Single(item.Attachments);
    }

    [Fact]
    public async Task Lookup_WithACode_RedirectsToTheStatusPage_AndAnUnknownCodeIsNotFound()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/tra-cuu?ma=7kq2m-9xa4t", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tra-cuu/7KQ2M9XA4T", response.Headers.Location!.OriginalString);
        await client.GetPageAsync("/tra-cuu/7KQ2M9XA4T", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ContactDetails_AreEncrypted_NeverOnThePublicPage_AndReadingThemIsAudited()
    {
        var client = app.CreateBrowserLikeClient();
        var text = "Cán bộ một cửa hẹn lên hẹn xuống " + Guid.NewGuid();
        var values = Anonymous(text);
        values["Input.Anonymity"] = nameof(FeedbackAnonymity.HiddenFromOfficial);
        values["Input.ContactName"] = "Trần Thị Mai Test";
        values["Input.ContactPhone"] = "0912 345 678";
        values["Input.Consent"] = "true";
        var code = CodeFrom(await FileAsync(client, values));

        var page = await client.GetAsync($"/tra-cuu/{code}", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Mai Test", html, StringComparison.Ordinal);
        Assert.DoesNotContain("345 678", html, StringComparison.Ordinal);

        int id;
        await using (var scope = app.SystemScope(out var db))
        {
            var item = await db.Set<FeedbackItem>().SingleAsync(f => f.TrackingCode == code, TestContext.Current.CancellationToken);
            Assert.NotNull(item.ContactNameProtected);
            Assert.DoesNotContain("Mai", item.ContactNameProtected, StringComparison.Ordinal);
            id = item.Id;
        }

        var staff = await app.SignInAsync("vanphong.tieucan");
        var details = await staff.GetPageAsync($"/staff/feedback/{id}");
        Assert.DoesNotContain("Mai Test", details.Text(), StringComparison.Ordinal);
        var revealed = await PageClient.ParseAsync(await staff.SubmitAsync(details.Form("form[action*='Reveal']")));
        Assert.Contains("Trần Thị Mai Test", revealed.Text(), StringComparison.Ordinal);

        await using (var scope = app.SystemScope(out var db))
        {
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "feedback.contact.read" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task TheOfficialConcerned_NeverSeesTheContact()
    {
        int id;
        await using (var scope = app.SystemScope(out var db))
        {
            var ly = await db.Users.SingleAsync(u => u.UserName == "huynhvanly", TestContext.Current.CancellationToken);
            var tieuCan = await db.OrgUnits.SingleAsync(u => u.Code == "tieu-can", TestContext.Current.CancellationToken);
            var service = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            var item = await service.FileAsync(
                new NewFeedback(FeedbackKind.PhanAnh, FeedbackChannel.Web, tieuCan.Id, FeedbackSubjectKind.Official, ly.PersonId, null, "Huỳnh Văn Lý",
                    "Đồng chí tiếp dân thiếu niềm nở", FeedbackAnonymity.HiddenFromOfficial, new FeedbackContact("Lê Văn Bí Mật", "0987000111", null), true),
                TestContext.Current.CancellationToken);
            id = item.Id;
        }

        var official = await app.SignInAsync("huynhvanly");
        var page = await official.GetPageAsync($"/staff/feedback/{id}");
        var main = page.Text();
        Assert.Contains("thiếu niềm nở", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Bí Mật", main, StringComparison.Ordinal);
        Assert.DoesNotContain("0987000111", main, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='Reveal']"));
        Assert.Null(page.QuerySelector("form.answer-form"));

        // Even a hand-made request to reveal or answer is refused.
        var antiforgery = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        var reveal = await official.PostAsync($"/staff/feedback/{id}?handler=Reveal", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery ?? string.Empty }), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, reveal.StatusCode);
        Assert.DoesNotContain("Bí Mật", await reveal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_AnswersWithEvidence_AndTheStatusPageShowsTheAnswer()
    {
        var citizen = app.CreateBrowserLikeClient();
        var text = "Ổ gà trên đường liên ấp " + Guid.NewGuid();
        var code = CodeFrom(await FileAsync(citizen, Anonymous(text)));
        int id;
        await using (var scope = app.SystemScope(out var db))
        {
            id = (await db.Set<FeedbackItem>().SingleAsync(f => f.TrackingCode == code, TestContext.Current.CancellationToken)).Id;
        }

        var staff = await app.SignInAsync("vanphong.tieucan");
        var inbox = await staff.GetPageAsync("/staff/feedback");
        Assert.Contains(code, inbox.Text(), StringComparison.Ordinal);

        var details = await staff.GetPageAsync($"/staff/feedback/{id}");
        var form = details.Form("form.answer-form");
        // "Resolved" without a file is refused.
        var refused = await staff.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Answer.Outcome"] = nameof(FeedbackOutcome.Resolved),
            ["Answer.Answer"] = "Đã vá ổ gà.",
            ["Answer.EvidenceText"] = "Ảnh sau khi vá",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("minh chứng", (await PageClient.ParseAsync(refused)).Text(), StringComparison.Ordinal);

        details = await staff.GetPageAsync($"/staff/feedback/{id}");
        var done = await staff.SubmitFileAsync(details.Form("form.answer-form"), "Evidence", "sau.png", TinyPng, "image/png", new Dictionary<string, string>
        {
            ["Answer.Outcome"] = nameof(FeedbackOutcome.Resolved),
            ["Answer.Answer"] = "Tổ công tác đã vá ổ gà ngày 25/11/2026.",
            ["Answer.EvidenceText"] = "Ảnh mặt đường sau khi vá",
            ["Answer.Thanked"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var status = (await citizen.GetPageAsync($"/tra-cuu/{code}")).Text();
        Assert.Contains("Đã trả lời", status, StringComparison.Ordinal);
        Assert.Contains("Tổ công tác đã vá ổ gà", status, StringComparison.Ordinal);
        Assert.Contains("Đã giải quyết", status, StringComparison.Ordinal);
        Assert.Contains("Cảm ơn bạn đã góp ý", status, StringComparison.Ordinal);

        await using (var scope = app.SystemScope(out var db))
        {
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "feedback.answered" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Citizen_CanReopenAnAnsweredItem_WithinTheWindow()
    {
        var citizen = app.CreateBrowserLikeClient();
        var text = "Rác chưa được thu gom " + Guid.NewGuid();
        var code = CodeFrom(await FileAsync(citizen, Anonymous(text)));
        await using (var scope = app.SystemScope(out var db))
        {
            var item = await db.Set<FeedbackItem>().SingleAsync(f => f.TrackingCode == code, TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<FeedbackService>().AnswerAsync(item,
                new FeedbackAnswer(FeedbackOutcome.NotUpheld, "Lịch thu gom là thứ Năm.", null, null, null, false, false, null, "test"), TestContext.Current.CancellationToken);
        }

        var page = await citizen.GetPageAsync($"/tra-cuu/{code}");
        var response = await citizen.SubmitAsync(page.Form("form[action*='Reopen']"), new Dictionary<string, string> { ["ReopenReason"] = "Thứ Năm vừa rồi cũng không thu." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Được mở lại", (await citizen.GetPageAsync($"/tra-cuu/{code}")).Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oversize")]
    [InlineData("empty")]
    [InlineData("honeypot")]
    [InlineData("bad-kind")]
    [InlineData("no-consent")]
    public async Task MalformedInput_StoresNothing(string flaw)
    {
        var client = app.CreateBrowserLikeClient();
        var text = "Nội dung kiểm tra " + Guid.NewGuid();
        var values = Anonymous(text);
        switch (flaw)
        {
            case "oversize":
                values["Input.Text"] = text + new string('a', 4000);
                text = values["Input.Text"];
                break;
            case "empty":
                values["Input.Text"] = "   ";
                break;
            case "honeypot":
                values["Input.Website"] = "http://spam.example";
                break;
            case "bad-kind":
                values["Input.Kind"] = "99";
                break;
            case "no-consent":
                values["Input.Anonymity"] = nameof(FeedbackAnonymity.HiddenFromOfficial);
                values["Input.ContactPhone"] = "0912000000";
                break;
        }

        var before = await app.SystemScopeCountAsync();
        var response = await FileAsync(client, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(response)).QuerySelector(".errors"));
        Assert.Equal(0, await CountAsync(text));
        Assert.Equal(before, await app.SystemScopeCountAsync());
    }

    [Fact]
    public async Task APhotoThatIsNotAnImage_StoresNothing()
    {
        var client = app.CreateBrowserLikeClient();
        var text = "Kèm tệp giả ảnh " + Guid.NewGuid();
        var response = await FileAsync(client, Anonymous(text), "MZ\u0090 not an image"u8.ToArray(), "image/png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("JPEG hoặc PNG", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(text));
    }

    [Fact]
    public async Task ASubmissionFasterThanAPersonCanType_IsRefusedPolitely()
    {
        var client = app.CreateBrowserLikeClient();
        var text = "Gửi quá nhanh " + Guid.NewGuid();
        var doc = await client.GetPageAsync("/gop-y?xa=tieu-can");
        var response = await client.SubmitAsync(doc.Form("form[enctype]"), Anonymous(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gửi lại", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(text));
    }

    [Fact]
    public async Task APhotoWithExif_IsStoredWithoutIt()
    {
        // A JPEG skeleton: SOI, APP1 "Exif" carrying a fake GPS string, SOS and EOI.
        byte[] exif = [0xFF, 0xE1, 0x00, 0x10, .. "Exif\0\0GPS-10.1"u8.ToArray()];
        byte[] jpeg = [0xFF, 0xD8, .. exif, 0xFF, 0xDA, 0x00, 0x02, 0x01, 0x02, 0xFF, 0xD9];
        var client = app.CreateBrowserLikeClient();
        var text = "Ảnh có vị trí " + Guid.NewGuid();
        var code = CodeFrom(await FileAsync(client, Anonymous(text), jpeg, "image/jpeg"));
        await using var scope = app.SystemScope(out var db);
        var item = await db.Set<FeedbackItem>().Include(f => f.Attachments).SingleAsync(f => f.TrackingCode == code, TestContext.Current.CancellationToken);
        var stored = item.Attachments.Single().Content;
        Assert.Equal("image/jpeg", item.Attachments.Single().ContentType);
        Assert.DoesNotContain("GPS", System.Text.Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(0xD8, stored[1]);
    }
}

internal static class FeedbackTestExtensions
{
    public static async Task<int> SystemScopeCountAsync(this AppFactory app)
    {
        await using var scope = app.SystemScope(out var db);
        return await db.Set<FeedbackItem>().CountAsync();
    }
}
