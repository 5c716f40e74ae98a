using System.Net;
using System.Net.Http.Json;
using CongVu.Features.Portal.Visits;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CongVu.Tests.Features.Portal;

/// <summary>A province deployment where hieutrung.example.vn serves Hiếu Trung's portal (Portal:Hosts).</summary>
public sealed class HostsAppFactory : AppFactory
{
    public const string HieuTrungHost = "hieutrung.example.vn";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Hosts:" + HieuTrungHost, "hieu-trung");
    }
}

public class PortalHostsTests(HostsAppFactory app) : IClassFixture<HostsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient ClientFor(string host) => app.CreateClient(new() { BaseAddress = new Uri($"http://{host}/") });

    [Fact]
    public async Task Home_OnTheMappedHost_ServesThatCommune_AndOtherHostsTheDefault()
    {
        var mapped = await ClientFor(HostsAppFactory.HieuTrungHost).GetPageAsync("/");
        var other = await ClientFor("localhost").GetPageAsync("/");

        Assert.Contains("Hiếu Trung", mapped.Text("h1"), StringComparison.Ordinal);
        // Hiếu Trung keeps its old portal's all-time count; other tests of this class may have added a view or two.
        Assert.True(MaxFigure(mapped.Text("footer .visit-box")) >= 2_539_965, mapped.Text("footer .visit-box"));
        Assert.DoesNotContain("Ấp Cây Gòn duy trì tuyến đường hoa", mapped.Text("main"), StringComparison.Ordinal);

        Assert.Contains("Tiểu Cần", other.Text("h1"), StringComparison.Ordinal);
        Assert.Contains("Ấp Cây Gòn duy trì tuyến đường hoa", other.Text("main"), StringComparison.Ordinal);
        Assert.True(MaxFigure(other.Text("footer .visit-box")) < 2_539_965, other.Text("footer .visit-box"));
    }

    private static long MaxFigure(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\d[\d.]*").Select(m => long.Parse(m.Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    [Fact]
    public async Task HostName_MatchesWithoutRegardToCase()
    {
        var doc = await ClientFor("HieuTrung.Example.VN").GetPageAsync("/");
        Assert.Contains("Hiếu Trung", doc.Text("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitsApi_WithoutCommune_AnswersForTheHostsCommune()
    {
        var mapped = await ClientFor(HostsAppFactory.HieuTrungHost).GetFromJsonAsync<VisitFiguresDto>("/api/v1/public/visits", Ct);
        var other = await ClientFor("localhost").GetFromJsonAsync<VisitFiguresDto>("/api/v1/public/visits", Ct);

        Assert.True(mapped!.AllTime >= 2_539_965, $"Hiếu Trung's all-time count keeps its offset, got {mapped.AllTime}.");
        Assert.True(other!.AllTime < 2_539_965, $"Tiểu Cần has no offset, got {other.AllTime}.");
    }

    [Fact]
    public async Task PageView_OnTheMappedHost_CountsForThatCommune()
    {
        var hieuTrung = await VisitCountingTests.FiguresAsync(app, "hieu-trung");
        var tieuCan = await VisitCountingTests.FiguresAsync(app, "tieu-can");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("User-Agent", VisitCountingTests.NewBrowser());
        var response = await ClientFor(HostsAppFactory.HieuTrungHost).SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(hieuTrung.Today + 1, (await VisitCountingTests.FiguresAsync(app, "hieu-trung")).Today);
        Assert.Equal(tieuCan.Today, (await VisitCountingTests.FiguresAsync(app, "tieu-can")).Today);
    }
}
