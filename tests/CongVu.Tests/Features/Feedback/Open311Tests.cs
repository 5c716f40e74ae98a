using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Features.Feedback;

/// <summary>Responses checked against the field lists of the GeoReport v2 specification.</summary>
public class Open311Tests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private static readonly string[] PostFields = ["service_request_id", "token", "service_notice", "account_id"];

    private static async Task<JsonElement> JsonOf(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private static void HasFields(JsonElement e, string[] fields)
    {
        Assert.Equal(JsonValueKind.Object, e.ValueKind);
        foreach (var f in fields)
        {
            Assert.True(e.TryGetProperty(f, out _), $"missing {f}");
        }
    }

    private static void IsErrorArray(JsonElement e, int code)
    {
        Assert.Equal(JsonValueKind.Array, e.ValueKind);
        var first = e.EnumerateArray().First();
        Assert.Equal(code, first.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("description").GetString()));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> values, string format = "json") =>
        client.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(values));

    [Fact]
    public async Task Discovery_AndServices_FollowTheSpec()
    {
        var client = app.CreateClient();
        var discovery = await JsonOf(await client.GetAsync("/open311/v2/discovery.json", TestContext.Current.CancellationToken));
        var endpoint = discovery.GetProperty("endpoints").EnumerateArray().Single();
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        HasFields(endpoint, ["url", "changeset", "type", "formats"]);

        var services = await JsonOf(await client.GetAsync("/open311/v2/services.json", TestContext.Current.CancellationToken));
        Assert.NotEmpty(services.EnumerateArray());
        Assert.All(services.EnumerateArray(), s => HasFields(s, ServiceFields));
        Assert.DoesNotContain(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() is "khieu-nai" or "to-cao");

        var definition = await JsonOf(await client.GetAsync("/open311/v2/services/phan-anh.json", TestContext.Current.CancellationToken));
        HasFields(definition, ["service_code", "attributes"]);
        IsErrorArray(await JsonOf(await client.GetAsync("/open311/v2/services/khong-co.json", TestContext.Current.CancellationToken)), 404);

        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml", TestContext.Current.CancellationToken));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.All(xml.Root.Elements("service"), s => Assert.All(ServiceFields, f => Assert.NotNull(s.Element(f))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sai-khoa")]
    public async Task Post_WithAMissingOrBadKey_IsRefused(string? key)
    {
        var client = app.CreateClient();
        var values = new Dictionary<string, string> { ["service_code"] = "phan-anh", ["description"] = "Đèn đường hỏng", ["jurisdiction_id"] = "tieu-can" };
        if (key is not null)
        {
            values["api_key"] = key;
        }

        var response = await PostAsync(client, values);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        IsErrorArray(await JsonOf(response), 403);
    }

    [Fact]
    public async Task Post_WithTheDemoKey_CreatesARequest_VisibleInGet_AndClosedOnceAnswered()
    {
        var client = app.CreateClient();
        var text = "Cống ngập ở ấp Cây Gòn " + Guid.NewGuid();
        var response = await PostAsync(client, new Dictionary<string, string>
        {
            ["api_key"] = "demo-open311-key",
            ["service_code"] = "phan-anh",
            ["description"] = text,
            ["jurisdiction_id"] = "tieu-can",
            ["first_name"] = "Nguyễn",
            ["last_name"] = "Văn Riêng Tư",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await JsonOf(response)).EnumerateArray().Single();
        HasFields(created, PostFields);
        var id = created.GetProperty("service_request_id").GetString()!;

        var single = await client.GetAsync($"/open311/v2/requests/{id}.json", TestContext.Current.CancellationToken);
        var body = await single.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Riêng Tư", body, StringComparison.Ordinal);
        var request = JsonDocument.Parse(body).RootElement.EnumerateArray().Single();
        HasFields(request, RequestFields);
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("2026-12-02T17:00:00+07:00", request.GetProperty("expected_datetime").GetString());

        var list = await JsonOf(await client.GetAsync("/open311/v2/requests.json?status=open&service_code=phan-anh", TestContext.Current.CancellationToken));
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var closed = await JsonOf(await client.GetAsync("/open311/v2/requests.json?status=closed", TestContext.Current.CancellationToken));
        Assert.DoesNotContain(closed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        Assert.All(closed.EnumerateArray(), r => HasFields(r, RequestFields));
        Assert.NotEmpty(closed.EnumerateArray());

        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.xml", TestContext.Current.CancellationToken));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var element = xml.Root.Element("request")!;
        Assert.All(RequestFields, f => Assert.NotNull(element.Element(f)));
    }

    [Fact]
    public async Task Post_WithoutDescriptionOrWithAnUnknownService_IsABadRequest()
    {
        var client = app.CreateClient();
        var noText = await PostAsync(client, new Dictionary<string, string> { ["api_key"] = "demo-open311-key", ["service_code"] = "phan-anh", ["jurisdiction_id"] = "tieu-can" });
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        IsErrorArray(await JsonOf(noText), 400);
        var badService = await PostAsync(client, new Dictionary<string, string> { ["api_key"] = "demo-open311-key", ["service_code"] = "to-cao", ["description"] = "x", ["jurisdiction_id"] = "tieu-can" }, "xml");
        Assert.Equal(HttpStatusCode.BadRequest, badService.StatusCode);
        var xml = XDocument.Parse(await badService.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        Assert.Equal("400", xml.Root.Element("error")!.Element("code")!.Value);
    }

    [Fact]
    public async Task PublicSummary_CarriesTheFeedbackFigures()
    {
        var summary = await JsonOf(await app.CreateClient().GetAsync("/api/v1/public/summary?commune=tieu-can", TestContext.Current.CancellationToken));
        var text = summary.ToString();
        foreach (var key in new[] { "feedbackReceived", "feedbackAnsweredOnTime", "feedbackOverdue", "feedbackMedianDays", "satisfaction" })
        {
            Assert.Contains($"\"{key}\"", text, StringComparison.Ordinal);
        }

        // The demo year of xã Tiểu Cần: a few hundred items, mostly answered on time, some overdue.
        var received = summary.GetProperty("feedbackReceived").GetInt32();
        Assert.InRange(received, 150, 320);
        Assert.InRange(summary.GetProperty("feedbackAnsweredOnTime").GetInt32(), received * 6 / 10, received);
        Assert.InRange(summary.GetProperty("feedbackOverdue").GetInt32(), 1, received / 5);
        Assert.InRange(summary.GetProperty("feedbackMedianDays").GetDecimal(), 1m, 7m);
        Assert.InRange(summary.GetProperty("satisfaction").GetDecimal(), 30m, 100m);
    }
}

public class Open311KeyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Admin_IssuesAKey_ThatWorks_AndRevokingItStopsIt()
    {
        var admin = await app.SignInAsync("vanphong.tieucan");
        var page = await admin.GetPageAsync("/staff/feedback/open311");
        var issued = await PageClient.ParseAsync(await admin.SubmitAsync(page.Form("form[action*='Issue']"), new Dictionary<string, string> { ["Name"] = "Ứng dụng thử" }));
        var key = issued.QuerySelector(".new-key")!.TextContent.Trim();
        Assert.StartsWith("cv311-", key, StringComparison.Ordinal);

        var values = new Dictionary<string, string> { ["api_key"] = key, ["service_code"] = "gop-y", ["description"] = "Góp ý thử", ["jurisdiction_id"] = "tieu-can" };
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(values), TestContext.Current.CancellationToken)).StatusCode);

        var list = await admin.GetPageAsync("/staff/feedback/open311");
        var revoke = list.QuerySelectorAll("form[action*='Revoke']").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Last();
        await admin.SubmitAsync(revoke);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(values), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ACommitteeMember_CannotIssueKeys()
    {
        var member = await app.SignInAsync("huynhvanly");
        var response = await member.GetAsync("/staff/feedback/open311", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
