using System.Net;
using System.Text.Json;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Features.Organisation;

public class PublicSummaryTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task Health_WhenDatabaseReachable_ReturnsOk()
    {
        var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Summary_UnknownCommune_IsProblem404()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/public/summary?commune=khong-co&year=2020", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("20x0")]
    [InlineData("99999")]
    [InlineData("-5")]
    public async Task Summary_BadYear_IsProblem400(string year)
    {
        var response = await app.CreateClient().GetAsync($"/api/v1/public/summary?commune=khong-co&year={year}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
