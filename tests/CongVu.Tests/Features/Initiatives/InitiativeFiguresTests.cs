using System.Net;
using System.Text.Json;
using CongVu.Features.Initiatives;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Initiatives;

public class InitiativeFiguresTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<JsonElement> SummaryAsync(string commune, int year)
    {
        var response = await app.CreateClient().GetAsync($"/api/v1/public/summary?commune={commune}&year={year}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement.TryGetProperty("figures", out var f) ? f : json.RootElement;
        return root.Clone();
    }

    [Fact]
    public async Task Summary_HieuTrung2020_CountsTwelveTypicalModels()
    {
        var figures = await SummaryAsync("hieu-trung", 2020);
        Assert.Equal(12, figures.GetProperty("typicalInitiatives").GetInt32());
        Assert.True(figures.GetProperty("initiatives").GetInt32() >= 12);
        Assert.True(figures.GetProperty("commendations").GetInt32() >= 12);
        Assert.True(figures.GetProperty("publicWorkContributionsVnd").GetDecimal() > 0);
    }

    [Fact]
    public async Task Summary_HieuTrung2019_HasNoTypicalModelYet()
    {
        var figures = await SummaryAsync("hieu-trung", 2019);
        Assert.Equal(0, figures.GetProperty("typicalInitiatives").GetInt32());
        Assert.Equal(0, figures.GetProperty("commendations").GetInt32());
    }

    [Fact]
    public async Task Summary_TieuCan2025_KeepsHieuTrungModelsThroughSuccession()
    {
        var figures = await SummaryAsync("tieu-can", 2025);
        Assert.Equal(12, figures.GetProperty("typicalInitiatives").GetInt32());
    }

    [Fact]
    public async Task Summary_ContributionsVnd_EqualsSumOfTheYearsWorkContributions()
    {
        var figures = await SummaryAsync("hieu-trung", 2020);
        await using var scope = app.SystemScope(out var db);
        var rows = await db.Set<Contribution>().Where(c => c.PublicWorkId != null && c.OnDate >= new DateOnly(2020, 1, 1) && c.OnDate <= new DateOnly(2020, 12, 31))
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(rows.Sum(r => r.EstimatedValueVnd), figures.GetProperty("publicWorkContributionsVnd").GetDecimal());
    }

    [Fact]
    public async Task Demo_SeedsCanalsAndRoadWithContributions()
    {
        await using var scope = app.SystemScope(out var db);
        var works = await db.Set<PublicWork>().Select(w => w.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(works, w => w.Contains("kênh 9A", StringComparison.Ordinal));
        Assert.Contains(works, w => w.Contains("kênh Ô Na", StringComparison.Ordinal));
        Assert.Contains(works, w => w.Contains("Vàm Đình – Đại Trường – Cây Gòn", StringComparison.Ordinal));
        Assert.Contains(works, w => w.StartsWith("Đường", StringComparison.Ordinal));
        var support = await db.Set<Contribution>().Where(c => c.PublicWorkId == null).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(support, c => Assert.True(c.RecipientHouseholdId is not null || c.RecipientDescription is not null));
    }
}
