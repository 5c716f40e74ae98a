using System.Net;
using System.Text.Json;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Security;

public class InputLimitTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task SignIn_WithAHugeField_IsRefused_WithoutAServerError()
    {
        var client = app.CreateBrowserLikeClient();
        var doc = await client.GetPageAsync("/tai-khoan/dang-nhap");
        var response = await client.SubmitAsync(doc.Form(), new Dictionary<string, string>
        {
            ["Input.UserName"] = new string('a', 100_000),
            ["Input.Password"] = "x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithATooLongUserName_ShowsAMessage()
    {
        var client = app.CreateBrowserLikeClient();
        var doc = await client.GetPageAsync("/tai-khoan/dang-nhap");
        var response = await client.SubmitAsync(doc.Form(), new Dictionary<string, string>
        {
            ["Input.UserName"] = new string('a', 500),
            ["Input.Password"] = "x",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("quá dài", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        var client = app.CreateBrowserLikeClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "a", ["Input.Password"] = "b" });
        var response = await client.PostAsync("/tai-khoan/dang-nhap", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsPublic_AndListsTheSummaryEndpoint()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/public/summary", out _));
    }
}
