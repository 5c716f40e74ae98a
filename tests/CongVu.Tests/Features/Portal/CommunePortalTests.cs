using System.Net;
using System.Net.Http.Json;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Features.Portal;

public class CommunePortalTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Home_ServesTheDefaultCommune_WithNewsFiguresLinksAndVisitBox()
    {
        var doc = await app.CreateClient().GetPageAsync("/");
        Assert.Contains("Tiểu Cần", doc.Text("h1"), StringComparison.Ordinal);
        Assert.Contains("Ấp Cây Gòn duy trì tuyến đường hoa", doc.Text(), StringComparison.Ordinal);
        foreach (var link in new[] { "/quy-tac-ung-xu", "/gop-y", "/tra-cuu" })
        {
            Assert.NotNull(doc.QuerySelector($"main a[href='{link}']"));
        }

        Assert.Contains("Đảng viên", doc.Text(".figures"), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("meta[property='og:title']"));
        Assert.NotNull(doc.QuerySelector("footer .visit-box"));
        // Readable with JavaScript off: the page ships none.
        Assert.Empty(doc.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task TransparencyPage_LabelsEveryFigure_AndShowsSharesAsPercentages()
    {
        var client = app.CreateClient();
        var summary = await client.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>("/api/v1/public/summary?commune=hieu-trung&year=2024", TestContext.Current.CancellationToken);
        var doc = await client.GetPageAsync("/xa/hieu-trung/minh-bach");
        var labels = doc.QuerySelectorAll(".figures dt").Select(d => d.TextContent.Trim()).ToList();

        // Every module's figure reaches readers under a Vietnamese label, never as the API's key.
        Assert.NotEmpty(labels);
        Assert.Empty(labels.Intersect(summary!.Keys, StringComparer.Ordinal));

        // The API gives the pledge rate as a share of 1; the page (whose second block is 2024, after the commune's last year) as a percentage.
        var share = summary["pledgeRate"].GetDecimal();
        Assert.InRange(share, 0.01m, 1m);
        var pledge = doc.QuerySelectorAll(".figures")[1].QuerySelectorAll("div").Single(d => d.QuerySelector("dt")!.TextContent.Trim() == "Đảng viên đã đăng ký cam kết");
        Assert.Equal(Math.Round(share * 100, 2).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%", pledge.QuerySelector("dd")!.TextContent.Trim());
    }

    [Fact]
    public async Task EndedCommune_PointsToItsSuccessor_AndKeepsTheOldCount()
    {
        var doc = await app.CreateClient().GetPageAsync("/xa/hieu-trung");
        Assert.NotNull(doc.QuerySelector("main a[href='/xa/tieu-can']"));
        Assert.Contains("2.539.965", doc.Text("footer .visit-box"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommune_IsNotFound() =>
        await app.CreateClient().GetPageAsync("/xa/khong-co", HttpStatusCode.NotFound);

    [Fact]
    public async Task TransparencyPage_ShowsAggregatesForTheYear()
    {
        var doc = await app.CreateClient().GetPageAsync("/xa/tieu-can/minh-bach");
        Assert.Contains("Năm 2026", doc.Text(), StringComparison.Ordinal);
        Assert.Contains("Chi bộ", doc.Text(".figures"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPages_HaveNoVisitBox_AndTheStatsPageShowsDailyVisits()
    {
        var admin = await app.SignInAsync("vanphong.tieucan");
        var doc = await admin.GetPageAsync("/staff/portal/visits");
        Assert.Null(doc.QuerySelector(".visit-box"));
        Assert.NotNull(doc.QuerySelector("svg.visit-chart rect"));
        Assert.Contains("/tin-tuc", doc.Text("main"), StringComparison.Ordinal);
    }
}
