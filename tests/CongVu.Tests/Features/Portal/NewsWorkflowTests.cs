using System.Net;
using CongVu.Features.Portal;
using CongVu.Features.Portal.News;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Portal;

public class NewsWorkflowTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>A portal editor of xã Tiểu Cần, on the commune's party committee like the office staff.</summary>
    private async Task<HttpClient> EditorAsync()
    {
        var name = "bientap." + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.SystemScope(out var db))
        {
            var committee = await db.OrgUnits.SingleAsync(u => u.Code == "dang-bo-xa-tieu-can", TestContext.Current.CancellationToken);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, DisplayName = "Biên tập viên", OrgUnitId = committee.Id, CreatedAt = app.Time.GetUtcNow().UtcDateTime };
            Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Editor);
        }

        return await app.SignInAsync(name, TestData.Password);
    }

    private static async Task<string> CreatePostAsync(HttpClient editor, string title, string action, string? date = null, string? time = null)
    {
        var doc = await editor.GetPageAsync("/staff/news/new");
        var form = doc.Form("main form");
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Lead"] = "Tóm tắt " + title,
            ["Input.Body"] = "Nội dung **chính** của bài.\n\n<script>alert(1)</script>",
            ["Input.Byline"] = "Bài, ảnh: Văn phòng Đảng ủy xã",
            ["Input.Category"] = "Thông báo",
            ["action"] = action,
        };
        if (date is not null)
        {
            values["Input.PublishDate"] = date;
            values["Input.PublishTime"] = time ?? "08:00";
        }

        var response = await editor.SubmitAsync(form, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Editor_PublishesAPost_PublicSeesItWithSafeBody_DraftStaysHidden()
    {
        var editor = await EditorAsync();
        var title = "Họp mặt kỷ niệm ngày thành lập " + Guid.NewGuid().ToString("N")[..6];
        await CreatePostAsync(editor, title, "publish");
        var draftTitle = "Bản nháp chưa đăng " + Guid.NewGuid().ToString("N")[..6];
        await CreatePostAsync(editor, draftTitle, "draft");

        var anon = app.CreateClient();
        var list = await anon.GetPageAsync("/tin-tuc");
        Assert.Contains(title, list.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(draftTitle, list.Text(), StringComparison.Ordinal);

        var slug = list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).First(h => h!.Contains("hop-mat-ky-niem", StringComparison.Ordinal))!;
        var article = await anon.GetPageAsync(slug);
        Assert.Contains(title, article.Text("h1"), StringComparison.Ordinal);
        Assert.Equal(title, article.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Contains("Bài, ảnh: Văn phòng Đảng ủy xã", article.Text(".byline"), StringComparison.Ordinal);
        Assert.NotNull(article.QuerySelector(".article strong"));
        Assert.Empty(article.QuerySelectorAll("main script"));

        await using var scope = app.SystemScope(out var db);
        var draft = await db.Set<NewsPost>().SingleAsync(p => p.Title == draftTitle, TestContext.Current.CancellationToken);
        await anon.GetPageAsync("/tin-tuc/" + draft.Slug, HttpStatusCode.NotFound);
        Assert.Contains(db.AuditEntries, e => e.Action == "news.create" && e.EntityId == draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ScheduledPost_AppearsWhenItsTimeComes()
    {
        var editor = await EditorAsync();
        var title = "Lịch tiếp dân tuần sau " + Guid.NewGuid().ToString("N")[..6];
        // The clock reads 25/11/2026 10:00; the post is set for 12:00 the same day.
        await CreatePostAsync(editor, title, "publish", "25/11/2026", "12:00");

        var anon = app.CreateClient();
        Assert.DoesNotContain(title, (await anon.GetPageAsync("/tin-tuc")).Text(), StringComparison.Ordinal);

        await using (app.SystemScope(out var db))
        {
            var post = await db.Set<NewsPost>().SingleAsync(p => p.Title == title, TestContext.Current.CancellationToken);
            Assert.Equal(new DateTime(2026, 11, 25, 5, 0, 0, DateTimeKind.Utc), post.PublishAt);
            // Instead of moving the shared clock, the post's time is checked against a clock two hours on.
            var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AppFactory.Start.AddHours(2));
            var queries = new NewsQueries(db, later);
            Assert.Contains(await queries.LatestAsync(post.OrgUnitId, 100, title, TestContext.Current.CancellationToken), p => p.Id == post.Id);
            Assert.DoesNotContain(await new NewsQueries(db, app.Time).LatestAsync(post.OrgUnitId, 100, title, TestContext.Current.CancellationToken), p => p.Id == post.Id);
        }
    }

    [Fact]
    public async Task Editor_AddsACaptionedPhoto_AndRejectsAFakeImage()
    {
        var editor = await EditorAsync();
        var title = "Ảnh hoạt động " + Guid.NewGuid().ToString("N")[..6];
        var location = await CreatePostAsync(editor, title, "publish");

        var page = await editor.GetPageAsync(location);
        var bad = await editor.SubmitFileAsync(page.Form("form.photo-form"), "photo", "a.jpg", "<svg onload=alert(1)>"u8.ToArray(), "image/jpeg",
            new Dictionary<string, string> { ["caption"] = "Ảnh giả" });
        Assert.Contains("Chỉ nhận ảnh JPEG hoặc PNG.", (await PageClient.ParseAsync(bad)).Text(), StringComparison.Ordinal);

        page = await editor.GetPageAsync(location);
        var ok = await editor.SubmitFileAsync(page.Form("form.photo-form"), "photo", "a.png", PortalNewsDemo.StripedPng(40, 30, (200, 10, 10)), "image/png",
            new Dictionary<string, string> { ["caption"] = "Lễ ra quân tại ấp Cây Gòn." });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var anon = app.CreateClient();
        var list = await anon.GetPageAsync("/tin-tuc?q=anh hoat dong");
        var href = list.QuerySelectorAll("main .news-list a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("anh-hoat-dong", StringComparison.Ordinal));
        var article = await anon.GetPageAsync(href);
        Assert.Equal("Lễ ra quân tại ấp Cây Gòn.", article.Text("figcaption"));
        var img = article.QuerySelector("figure img")!.GetAttribute("src")!;
        var photo = await anon.GetAsync(img, TestContext.Current.CancellationToken);
        // Stored re-encoded as JPEG (PhotoEncoder).
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_MatchesWithoutDiacritics()
    {
        var doc = await app.CreateClient().GetPageAsync("/tin-tuc?q=duong hoa");
        Assert.Contains("Ấp Cây Gòn duy trì tuyến đường hoa trên Hương lộ 25", doc.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("hiến đất", doc.Text(".news-list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberWithoutEditorRole_CannotOpenTheNewsDesk()
    {
        var member = await app.SignInAsync("dangvien.caygon");
        var response = await member.GetAsync("/staff/news", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RssSitemapAndRobots_ListPublicPostsOnly()
    {
        var client = app.CreateClient();
        var rss = await client.GetStringAsync("/rss.xml", TestContext.Current.CancellationToken);
        Assert.Contains("<rss version=\"2.0\"", rss, StringComparison.Ordinal);
        Assert.Contains("ap-cay-gon-duy-tri-tuyen-duong-hoa", rss, StringComparison.Ordinal);
        Assert.DoesNotContain("ban-nhap", rss, StringComparison.Ordinal);
        Assert.DoesNotContain("lich-tiep-cong-dan-thang-12", rss, StringComparison.Ordinal);

        var sitemap = await client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken);
        Assert.Contains("/tin-tuc/ap-cay-gon-duy-tri-tuyen-duong-hoa", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("ban-nhap", sitemap, StringComparison.Ordinal);

        var robots = await client.GetStringAsync("/robots.txt", TestContext.Current.CancellationToken);
        Assert.Contains("Disallow: /staff/", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap:", robots, StringComparison.Ordinal);
    }
}
