using System.Text.Json;
using CongVu.Features.Households;
using CongVu.Features.Indicators;
using CongVu.Features.Organisation;
using CongVu.Tests.Features.Households;
using CongVu.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Indicators;

public class HouseholdFiguresTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Hamlet A: 4 households (1 poor, 1 near-poor, 3 cultural); hamlet B: 6 (2 poor, 6 cultural). 2024 standard: NĐ 07, rural line 1.5 M.</summary>
    private async Task<(TestCommune Commune, int HamletA, int HamletB)> ArrangeAsync()
    {
        var c = await app.CreateCommuneAsync();
        var a = await app.AddHamletAsync(c, "Ấp Một");
        var b = await app.AddHamletAsync(c, "Ấp Hai");
        await app.AddHouseholdAsync(a, "A-1", "Nguyễn Văn A", 2024, 1_400_000, 4, true);
        await app.AddHouseholdAsync(a, "A-2", "Trần Thị B", 2024, 1_500_000, 1, false);
        await app.AddHouseholdAsync(a, "A-3", "Lê Văn C", 2024, 3_000_000, 0, true);
        await app.AddHouseholdAsync(a, "A-4", "Phạm Văn D", 2024, 1_600_000, 5, true);
        await app.AddHouseholdAsync(b, "B-1", "Võ Văn E", 2024, 900_000, 3, true);
        await app.AddHouseholdAsync(b, "B-2", "Huỳnh Thị F", 2024, 1_200_000, 6, true);
        for (var i = 3; i <= 6; i++)
        {
            await app.AddHouseholdAsync(b, "B-" + i, "Đặng Văn G" + i, 2024, 4_000_000, 0, true);
        }

        return (c, a, b);
    }

    [Fact]
    public async Task Board_CountsTheCommuneAndEachHamletLikeTheHandCount()
    {
        var (c, a, _) = await ArrangeAsync();
        await using var scope = app.SystemScope(out _);
        var tree = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync(TestContext.Current.CancellationToken);
        var board = scope.ServiceProvider.GetRequiredService<IndicatorBoard>();

        var commune = await board.ReadAsync(tree.Find(c.CommuneId)!, 2024, TestContext.Current.CancellationToken);
        decimal? V(IReadOnlyList<IndicatorReading> r, string code) => r.Single(x => x.Indicator.Code == code).Value;
        Assert.Equal(10m, V(commune, IndicatorCodes.Households));
        Assert.Equal(3m, V(commune, IndicatorCodes.PoorHouseholds));
        Assert.Equal(30m, V(commune, IndicatorCodes.PoorHouseholdRate));
        Assert.Equal(1m, V(commune, IndicatorCodes.NearPoorHouseholds));
        Assert.Equal(90m, V(commune, IndicatorCodes.CulturalFamilyRate));

        var hamlet = await board.ReadAsync(tree.Find(a)!, 2024, TestContext.Current.CancellationToken);
        Assert.Equal(4m, V(hamlet, IndicatorCodes.Households));
        Assert.Equal(25m, V(hamlet, IndicatorCodes.PoorHouseholdRate));
        Assert.Equal(75m, V(hamlet, IndicatorCodes.CulturalFamilyRate));
        Assert.DoesNotContain(hamlet, r => r.Indicator.Code == IndicatorCodes.IncomePerCapita);
    }

    [Fact]
    public async Task Summary_UsesTheLatestYearWithDataUpToTheYearAsked()
    {
        var (c, _, _) = await ArrangeAsync();
        var response = await app.CreateClient().GetAsync($"/api/v1/public/summary?commune={c.Prefix}-xa&year=2026", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, json.RootElement.GetProperty("poorHouseholds").GetInt32());
        Assert.Equal(30m, json.RootElement.GetProperty("poorHouseholdRate").GetDecimal());
        Assert.Equal(90m, json.RootElement.GetProperty("culturalFamilyRate").GetDecimal());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("incomePerCapita").ValueKind);

        var before = await app.CreateClient().GetAsync($"/api/v1/public/summary?commune={c.Prefix}-xa&year=2023", TestContext.Current.CancellationToken);
        using var none = JsonDocument.Parse(await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("poorHouseholds").ValueKind);
    }

    [Fact]
    public async Task DemoHieuTrung_2020_Has53PoorOf2850AndFallsUnderOnePercentBy2025()
    {
        await using var scope = app.SystemScope(out _);
        var tree = await scope.ServiceProvider.GetRequiredService<OrgTree>().GetAsync(TestContext.Current.CancellationToken);
        var stats = scope.ServiceProvider.GetRequiredService<HouseholdStats>();
        var hieuTrung = tree.FindByCode("hieu-trung")!;
        var tallies = await stats.TallyAsync(HouseholdStats.HamletsOf(tree, hieuTrung), 2016, 2025, ignoreScope: true, TestContext.Current.CancellationToken);
        Assert.Equal(53, tallies[2020].Poor);
        Assert.Equal(2850, tallies[2020].Households);
        Assert.Equal(1.86m, tallies[2020].PoorRate);
        Assert.True(tallies[2020].CulturalRate > 96m);
        Assert.True(tallies[2025].PoorRate < 1m);
        Assert.True(tallies[2016].Poor > tallies[2020].Poor);
    }
}
