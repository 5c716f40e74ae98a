using System.Net;

namespace CongVu.Tests.Infrastructure;

/// <summary>
/// The stylesheet comes from the build's manifest: a fingerprinted name, an ETag, open to anyone. (A published app
/// also sends it precompressed and cacheable for a year; a build, as tests run, keeps it revalidated.)
/// </summary>
public class StaticAssetsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Stylesheet_LinkedFromAPage_IsFingerprinted_AndServedToAnyone()
    {
        var client = app.CreateClient();
        var href = (await client.GetPageAsync("/")).QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(href);
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);

        using var response = await client.GetAsync(href, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("body", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
