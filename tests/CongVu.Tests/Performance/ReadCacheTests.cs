using System.Net.Http.Json;
using System.Text.Json;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Performance;

/// <summary>The public summary is served from cache between writes, and a write shows at once.</summary>
public class ReadCacheTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
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

        app.Time.Advance(ReadCache.MaxAge + TimeSpan.FromSeconds(1));

        Assert.True(await CountAsync(client, url) > 0);
    }

    [Fact]
    public async Task FiguresReadFromSomeTypes_SurviveWritesOfOthers_AndFollowTheirOwn()
    {
        var commune = await app.CreateCommuneAsync();
        var cache = app.Services.GetRequiredService<ReadCache>();
        var computed = 0;
        Task<string> ComputeAsync(CancellationToken _) => Task.FromResult("lần " + ++computed);
        var key = "test-officials|" + commune.Prefix;
        var ct = TestContext.Current.CancellationToken;
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var person = await app.AddMemberAsync(commune.CellA, "Ngô Văn Cán Bộ", today.AddYears(-5));
        Assert.Equal("lần 1", await cache.GetOrComputeAsync(key, [typeof(PublicPost)], ComputeAsync, ct));

        // A new member is a write, but not of a post: the figures stay.
        await app.AddMemberAsync(commune.CellB, "Ngô Thị Đảng Viên", today.AddYears(-2));
        Assert.Equal("lần 1", await cache.GetOrComputeAsync(key, [typeof(PublicPost)], ComputeAsync, ct));

        await using (var scope = app.SystemScope(out var db))
        {
            db.PublicPosts.Add(new PublicPost { PersonId = person, OrgUnitId = commune.AgencyId, Title = "Phó Chủ tịch UBND xã", From = today });
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal("lần 2", await cache.GetOrComputeAsync(key, [typeof(PublicPost)], ComputeAsync, ct));
    }

    [Fact]
    public async Task FeedbackForm_ListsANewOfficial_RightAfterThePostIsRecorded()
    {
        var commune = await app.CreateCommuneAsync();
        var client = app.CreateClient();
        var url = $"/gop-y?xa={commune.Prefix}-xa";
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var person = await app.AddMemberAsync(commune.CellA, "Dương Văn Mới Nhận", today.AddYears(-5));
        Assert.DoesNotContain("Dương Văn Mới Nhận", (await client.GetPageAsync(url)).Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(client, url));

        await using (var scope = app.SystemScope(out var db))
        {
            db.PublicPosts.Add(new PublicPost { PersonId = person, OrgUnitId = commune.AgencyId, Title = "Công chức Tư pháp - Hộ tịch", From = today });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Contains("Dương Văn Mới Nhận — Công chức Tư pháp - Hộ tịch", (await client.GetPageAsync(url)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberList_ComesFromTheCache_UntilAMemberIsAdded()
    {
        var commune = await app.CreateCommuneAsync();
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        await app.AddMemberAsync(commune.CellA, "Hồ Văn Đầu Tiên", today.AddYears(-4));
        var admin = await app.SignInAsync(commune.AdminUser, TestData.Password);
        Assert.Contains("Hồ Văn Đầu Tiên", (await admin.GetPageAsync("/staff/people")).Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(admin, "/staff/people"));

        await app.AddMemberAsync(commune.CellB, "Hồ Thị Vừa Thêm", today.AddYears(-1));

        var doc = await admin.GetPageAsync("/staff/people");
        Assert.Contains("Hồ Thị Vừa Thêm", doc.Text(), StringComparison.Ordinal);
        Assert.Equal("Tìm thấy 2 người.", doc.Text("main p[role=status]"));
    }

    [Fact]
    public async Task MemberList_CachedForTheCommune_IsNeverShownToACellSecretary()
    {
        var commune = await app.CreateCommuneAsync();
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        await app.AddMemberAsync(commune.CellA, "Phan Văn Ấp Một", today.AddYears(-4));
        await app.AddMemberAsync(commune.CellB, "Phan Thị Ấp Hai", today.AddYears(-4));
        var admin = await app.SignInAsync(commune.AdminUser, TestData.Password);
        Assert.Contains("Phan Thị Ấp Hai", (await admin.GetPageAsync("/staff/people")).Text(), StringComparison.Ordinal);

        var secretary = await app.SignInAsync(commune.SecretaryUser, TestData.Password);
        var text = (await secretary.GetPageAsync("/staff/people")).Text();

        Assert.Contains("Phan Văn Ấp Một", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phan Thị Ấp Hai", text, StringComparison.Ordinal);
    }

    private static async Task<int> MembersAsync(HttpClient client, string url)
    {
        var json = await client.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
        return json.GetProperty("partyMembers").GetInt32();
    }

    private Task<int> CountAsync(HttpClient client, string url) => app.CountQueriesAsync(client, url);
}
