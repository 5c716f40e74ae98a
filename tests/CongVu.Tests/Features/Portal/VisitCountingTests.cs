using System.Net;
using System.Net.Http.Json;
using CongVu.Features.Portal.Visits;
using CongVu.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Portal;

public class VisitCountingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static string NewBrowser() => $"Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0 t{Guid.NewGuid():N}";

    internal static async Task<HttpResponseMessage> VisitAsync(AppFactory app, string path, string userAgent, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return await app.CreateClient().SendAsync(request, Ct);
    }

    internal static async Task<VisitFiguresDto> FiguresAsync(AppFactory app, string commune = "tieu-can") =>
        (await app.CreateClient().GetFromJsonAsync<VisitFiguresDto>($"/api/v1/public/visits?commune={commune}", Ct))!;

    [Fact]
    public async Task TwoBrowsers_OnTheHomePage_CountTwoOnlineAndTwoToday()
    {
        var before = await FiguresAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(app, "/", NewBrowser())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(app, "/", NewBrowser())).StatusCode);

        var after = await FiguresAsync(app);
        Assert.Equal(before.OnlineNow + 2, after.OnlineNow);
        Assert.Equal(before.Today + 2, after.Today);
        Assert.Equal(before.ThisWeek + 2, after.ThisWeek);
        Assert.Equal(before.AllTime + 2, after.AllTime);
    }

    [Fact]
    public async Task SameBrowser_TenTimes_CountsOnce()
    {
        var browser = NewBrowser();
        var before = await FiguresAsync(app);
        for (var i = 0; i < 10; i++)
        {
            await VisitAsync(app, "/", browser);
        }

        var after = await FiguresAsync(app);
        Assert.Equal(before.OnlineNow + 1, after.OnlineNow);
        Assert.Equal(before.Today + 1, after.Today);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("curl/8.5.0")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("")]
    public async Task Crawlers_AndNonBrowsers_AreNotCounted(string userAgent)
    {
        var before = await FiguresAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(app, "/", userAgent)).StatusCode);

        var after = await FiguresAsync(app);
        Assert.Equal(before.Today, after.Today);
        Assert.Equal(before.OnlineNow, after.OnlineNow);
    }

    [Fact]
    public async Task Prefetch_AndMissingPages_AreNotCounted()
    {
        var before = await FiguresAsync(app);
        await VisitAsync(app, "/", NewBrowser(), ("Sec-Purpose", "prefetch"));
        await VisitAsync(app, "/khong-co-trang-nay", NewBrowser());
        await VisitAsync(app, "/staff", NewBrowser());

        var after = await FiguresAsync(app);
        Assert.Equal(before.Today, after.Today);
    }

    [Fact]
    public async Task HieuTrung_AllTime_StartsFromTheOldPortalsCount()
    {
        var figures = await FiguresAsync(app, "hieu-trung");
        Assert.True(figures.AllTime >= 2_539_965);
    }

    [Fact]
    public async Task VisitsApi_UnknownCommune_IsProblem404()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/public/visits?commune=khong-co", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HomePage_ShowsTheVisitBox_WithTheOnlineDefinition()
    {
        var doc = await PageClient.ParseAsync(await VisitAsync(app, "/", NewBrowser()));
        var box = doc.QuerySelector(".visit-box");
        Assert.NotNull(box);
        Assert.Contains("Thống kê truy cập", box.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đang online", box.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 phút", box.QuerySelector("[title]")?.GetAttribute("title") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flush_WritesDayHourAndPageRows()
    {
        await VisitAsync(app, "/", NewBrowser());
        await app.Services.GetRequiredService<VisitService>().FlushAsync(Ct);

        await using var scope = app.SystemScope(out var db);
        var today = new DateOnly(2026, 11, 25);
        Assert.Contains(db.Set<PortalVisitDay>(), d => d.Commune == "tieu-can" && d.Day == today && d.Visits > 0);
        Assert.Contains(db.Set<PortalVisitHour>(), d => d.Commune == "tieu-can" && d.Visits > 0);
        Assert.Contains(db.Set<PortalVisitPage>(), d => d.Commune == "tieu-can" && d.Day == today && d.Path == "/");
        Assert.Contains(db.Set<PortalVisitSalt>(), s => s.Day == today);
    }
}
