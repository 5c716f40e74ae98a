using System.Net;
using CongVu.Tests.Features.Portal;
using CongVu.Tests.Infrastructure;

namespace CongVu.Tests.Performance;

/// <summary>
/// Public pages are served from the output cache between writes, never stale after a write in this process,
/// never to a signed-in user, per language, and every view is still counted.
/// </summary>
public class PublicPageCacheTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_SecondViewWithoutWrites_ComesFromTheCacheWithoutQueries()
    {
        var client = app.CreateClient();
        await app.CountQueriesAsync(client, "/quy-tac-ung-xu");

        var second = await app.CountQueriesAsync(client, "/quy-tac-ung-xu");

        Assert.Equal(0, second);
        using var third = await client.GetAsync("/quy-tac-ung-xu", Ct);
        Assert.True(third.Headers.Age is not null, "a page served from the cache carries its age");
        Assert.False(third.Headers.Contains("Set-Cookie"), "a plain view sets no cookie (none to delete either)");
    }

    [Fact]
    public async Task HomeList_AfterAMemberIsAdded_ShowsTheNewRollAtOnce()
    {
        var commune = await app.CreateCommuneAsync();
        var client = app.CreateClient();
        var joined = new DateOnly(2010, 3, 1);
        await app.AddMemberAsync(commune.CellA, "Lê Văn Một", joined);
        Assert.Equal("1", Members(await client.GetPageAsync("/"), commune.Prefix));
        Assert.Equal(0, await app.CountQueriesAsync(client, "/"));

        await app.AddMemberAsync(commune.CellB, "Lê Thị Hai", joined);

        Assert.Equal("2", Members(await client.GetPageAsync("/"), commune.Prefix));
    }

    [Fact]
    public async Task SignedInUser_IsNeverServedTheAnonymousCopy()
    {
        var anonymous = app.CreateClient();
        await anonymous.GetPageAsync("/");
        await anonymous.GetPageAsync("/");

        var staff = await app.SignInAsync("vanphong.tieucan");
        using var response = await staff.GetAsync("/", Ct);
        var doc = await PageClient.ParseAsync(response);

        Assert.Null(response.Headers.Age);
        Assert.NotNull(doc.QuerySelector("header a[href='/tai-khoan/dang-xuat']"));
    }

    [Fact]
    public async Task EnglishReader_GetsTheEnglishPage_EvenRightAfterAVietnameseView()
    {
        var vietnamese = app.CreateClient();
        Assert.Equal("Tin mới", (await vietnamese.GetPageAsync("/")).Text("#news-h"));

        var english = app.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        Assert.Equal("Latest news", (await english.GetPageAsync("/")).Text("#news-h"));
        Assert.Equal("Tin mới", (await vietnamese.GetPageAsync("/")).Text("#news-h"));
    }

    [Fact]
    public async Task ViewServedFromTheCache_IsStillCounted()
    {
        await app.CreateClient().GetAsync("/tin-tuc", Ct);
        var before = await VisitCountingTests.FiguresAsync(app);

        using var cached = await VisitCountingTests.VisitAsync(app, "/tin-tuc", VisitCountingTests.NewBrowser());

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.NotNull(cached.Headers.Age);
        var after = await VisitCountingTests.FiguresAsync(app);
        Assert.Equal(before.Today + 1, after.Today);
    }

    private static string Members(AngleSharp.Dom.IDocument doc, string prefix)
    {
        var figures = doc.QuerySelectorAll("li.card")
            .Single(card => card.QuerySelector("h3 a")!.GetAttribute("href") == $"/xa/{prefix}-xa")
            .QuerySelector("dl.figures")!.TextContent;
        // Cells, members, exempt, in that order.
        return System.Text.RegularExpressions.Regex.Matches(figures, @"\d[\d.]*")[1].Value;
    }
}
