using System.Globalization;
using System.Net;
using CongVu.Features.Indicators;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Tests.Features.Households;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Indicators;

public class IndicatorBoardPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<int> UnitIdAsync(string code)
    {
        await using var scope = app.SystemScope(out _);
        var tree = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync(TestContext.Current.CancellationToken);
        return tree.FindByCode(code)!.Id;
    }

    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/loi/403", StringComparison.Ordinal)),
            $"Expected access denied, got {(int)response.StatusCode} {response.Headers.Location}");

    [Fact]
    public async Task Board_HieuTrung2025_ShowsMetAndNotMetAgainstTheTermTargets()
    {
        var id = await UnitIdAsync("hieu-trung");
        var client = await app.SignInAsync("vanphong.tieucan");
        var doc = await client.GetPageAsync($"/staff/chi-tieu?don-vi={id}&nam=2025");
        var poor = doc.QuerySelector("tr[data-code='poor-household-rate']")!;
        Assert.NotNull(poor.QuerySelector(".status-met"));
        var income = doc.QuerySelector("tr[data-code='income-per-capita']")!;
        Assert.NotNull(income.QuerySelector(".status-notmet"));
        Assert.Contains("Nghị quyết Đại hội Đảng bộ xã Hiếu Trung", income.TextContent, StringComparison.Ordinal);
        // Typical models come from the initiatives module through the public summary: Hiếu Trung's twelve.
        var models = doc.QuerySelector("tr[data-code='typical-initiatives']")!;
        Assert.DoesNotContain(IndicatorBoard.NoDataText, models.TextContent, StringComparison.Ordinal);
        Assert.Contains("12", models.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_TrendCharts_HaveTitleDescAndATableEquivalent()
    {
        var id = await UnitIdAsync("hieu-trung");
        var client = await app.SignInAsync("vanphong.tieucan");
        var doc = await client.GetPageAsync($"/staff/chi-tieu?don-vi={id}&nam=2020");
        var figures = doc.QuerySelectorAll("figure.trend");
        Assert.Equal(3, figures.Length);
        foreach (var figure in figures)
        {
            var svg = figure.QuerySelector("svg")!;
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")?.TextContent));
            var table = svg.NextElementSibling?.QuerySelector("table.chart-table");
            Assert.NotNull(table);
            Assert.Equal(10, table.QuerySelectorAll("tbody tr").Length);
        }

        var rate = doc.QuerySelector("#chart-poor-household-rate-figure table")!;
        Assert.Contains("1,86", rate.QuerySelectorAll("tbody tr")[4].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drilldown_ListsThe53PoorHouseholdsOf2020_AndAuditsTheRead()
    {
        var id = await UnitIdAsync("hieu-trung");
        var client = await app.SignInAsync("vanphong.tieucan");
        var doc = await client.GetPageAsync($"/staff/chi-tieu/ho?don-vi={id}&nam=2020&loai=ngheo");
        Assert.Equal(53, doc.QuerySelectorAll("main tbody tr").Length);
        await using var scope = app.SystemScope(out var db);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "household-list.read" && e.OrgUnitId == id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Overseer_SeesTheCommunesTable_ButCannotEnterValues()
    {
        var client = await app.SignInAsync("tinhuy.vinhlong");
        var doc = await client.GetPageAsync("/staff/chi-tieu?nam=2020");
        Assert.Contains("Xã Hiếu Trung", doc.Text(), StringComparison.Ordinal);
        Assert.Contains("1,86", doc.Text(), StringComparison.Ordinal);
        AssertDenied(await client.GetAsync("/staff/chi-tieu/nhap-lieu", TestContext.Current.CancellationToken));
        AssertDenied(await client.GetAsync("/staff/chi-tieu/muc-tieu", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("bithu.caygon")]
    [InlineData("dangvien.caygon")]
    public async Task CellSecretaryOrMember_CannotEditIndicators(string user)
    {
        var client = await app.SignInAsync(user);
        AssertDenied(await client.GetAsync("/staff/chi-tieu/nhap-lieu", TestContext.Current.CancellationToken));
        AssertDenied(await client.GetAsync("/staff/chi-tieu/muc-tieu", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EnterValue_SavesWithSourceAndAuthor_AndIsAudited()
    {
        var c = await app.CreateCommuneAsync();
        var client = await app.SignInAsync(c.AdminUser, TestData.Password);
        var page = await client.GetPageAsync("/staff/chi-tieu/nhap-lieu");
        int indicatorId;
        await using (var scope = app.SystemScope(out var db))
        {
            indicatorId = (await db.Set<IndicatorDefinition>().SingleAsync(d => d.Code == IndicatorCodes.IncomePerCapita, TestContext.Current.CancellationToken)).Id;
        }

        var bad = await client.SubmitAsync(page.Form("main form[method=post]"), new Dictionary<string, string> { ["IndicatorId"] = indicatorId.ToString(CultureInfo.InvariantCulture), ["UnitId"] = c.CommuneId.ToString(CultureInfo.InvariantCulture), ["Year"] = "2024", ["Value"] = "abc", ["SourceNote"] = "" });
        var errors = (await PageClient.ParseAsync(bad)).Text(".errors");
        Assert.Contains("Nhập giá trị là số", errors, StringComparison.Ordinal);
        Assert.Contains("Ghi rõ nguồn số liệu", errors, StringComparison.Ordinal);

        var ok = await client.SubmitAsync(page.Form("main form[method=post]"), new Dictionary<string, string> { ["IndicatorId"] = indicatorId.ToString(CultureInfo.InvariantCulture), ["UnitId"] = c.CommuneId.ToString(CultureInfo.InvariantCulture), ["Year"] = "2024", ["Value"] = "61,5", ["SourceNote"] = "Báo cáo KT-XH 2024" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using var check = app.SystemScope(out var db2);
        var value = await db2.Set<IndicatorValue>().SingleAsync(v => v.OrgUnitId == c.CommuneId && v.IndicatorId == indicatorId, TestContext.Current.CancellationToken);
        Assert.Equal(61.5m, value.Value);
        Assert.Equal(c.AdminUser, value.EnteredBy);
        Assert.True(await db2.AuditEntries.AnyAsync(e => e.Action == "indicator-value.create" && e.EntityId == value.Id.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnotherCommunesHousehold_Is404_AndItsBoardToo()
    {
        var c = await app.CreateCommuneAsync();
        var hamlet = await app.AddHamletAsync(c, "Ấp Riêng");
        var household = await app.AddHouseholdAsync(hamlet, "R-1", "Lâm Văn R", 2024, 5_000_000, 0, true);
        var client = await app.SignInAsync("vanphong.tieucan");
        await client.GetPageAsync($"/staff/ho-gia-dinh/{household}", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/staff/chi-tieu?don-vi={c.CommuneId}", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/staff/chi-tieu/ho?don-vi={hamlet}&nam=2024", HttpStatusCode.NotFound);

        var own = await app.SignInAsync(c.AdminUser, TestData.Password);
        var doc = await own.GetPageAsync($"/staff/ho-gia-dinh/{household}");
        Assert.Contains("Lâm Văn R", doc.Text(), StringComparison.Ordinal);
    }
    [Fact]
    public async Task Board_ForAdmin_DefaultsToTieuCan2025_AndAHamletKeepsItsPredecessorsHistory()
    {
        var client = await app.SignInAsync("vanphong.tieucan");
        var doc = await client.GetPageAsync("/staff/chi-tieu");
        Assert.Contains("Xã Tiểu Cần", doc.Text("h1"), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("tr[data-code='poor-household-rate'] .status-met"));

        var cayGon = await UnitIdAsync("tieu-can-ap-cay-gon");
        var hamlet = await client.GetPageAsync($"/staff/chi-tieu?don-vi={cayGon}&nam=2020");
        var households = hamlet.QuerySelector("tr[data-code='households'] td")!.TextContent;
        Assert.Contains("490", households, StringComparison.Ordinal);
        Assert.Null(hamlet.QuerySelector("tr[data-code='income-per-capita']"));
    }
}
