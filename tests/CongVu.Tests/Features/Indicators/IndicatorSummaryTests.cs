using System.Text.Json;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Features.Indicators;

public class IndicatorSummaryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Summary_HieuTrung2020_GivesTheReportedHouseholdFigures()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/public/summary?commune=hieu-trung&year=2020", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(53, root.GetProperty("poorHouseholds").GetInt32());
        Assert.Equal(1.86m, root.GetProperty("poorHouseholdRate").GetDecimal());
        Assert.True(root.GetProperty("culturalFamilyRate").GetDecimal() > 96m);
        Assert.InRange(root.GetProperty("incomePerCapita").GetDecimal(), 54m, 56m);
    }

    [Fact]
    public async Task Summary_TieuCan2025_IsUnderOnePercentPoor()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/public/summary?commune=tieu-can&year=2025", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("poorHouseholdRate").GetDecimal() < 1m);
        Assert.Equal(2025, json.RootElement.GetProperty("householdsYear").GetInt32());
    }
}
