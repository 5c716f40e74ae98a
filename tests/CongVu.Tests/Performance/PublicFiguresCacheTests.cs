using System.Net.Http.Json;
using System.Text.Json;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Performance;

/// <summary>The public summary is served from cache between writes, and a write shows at once.</summary>
public class PublicFiguresCacheTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    [Fact]
    public async Task Summary_SecondRequestWithoutWrites_RunsNoQuery()
    {
        var commune = await app.CreateCommuneAsync();
        var client = app.CreateClient();
        var url = $"/api/v1/public/summary?commune={commune.Prefix}-xa";

        var first = await CountAsync(client, url);
        var second = await CountAsync(client, url);

        Assert.True(first > 0, "the first request computes the figures");
        Assert.Equal(0, second);
    }

    [Fact]
    public async Task Summary_AfterAMemberIsAdded_CountsTheNewMember()
    {
        var commune = await app.CreateCommuneAsync();
        var client = app.CreateClient();
        var url = $"/api/v1/public/summary?commune={commune.Prefix}-xa";
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        await app.AddMemberAsync(commune.CellA, "Nguyễn Văn Một", today.AddYears(-3));
        Assert.Equal(1, await MembersAsync(client, url));

        await app.AddMemberAsync(commune.CellB, "Trần Thị Hai", today.AddYears(-2));

        Assert.Equal(2, await MembersAsync(client, url));
    }

    [Fact]
    public async Task Summary_AfterTheCacheAgeWithoutWrites_IsComputedAgain()
    {
        var commune = await app.CreateCommuneAsync();
        var client = app.CreateClient();
        var url = $"/api/v1/public/summary?commune={commune.Prefix}-xa";
        await CountAsync(client, url);

        app.Time.Advance(CongVu.Features.Organisation.PublicFiguresCache.MaxAge + TimeSpan.FromSeconds(1));

        Assert.True(await CountAsync(client, url) > 0);
    }

    private static async Task<int> MembersAsync(HttpClient client, string url)
    {
        var json = await client.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
        return json.GetProperty("partyMembers").GetInt32();
    }

    private Task<int> CountAsync(HttpClient client, string url) => app.CountQueriesAsync(client, url);
}
