using System.Net;
using CongVu.Features.Feedback;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Feedback;

public class DeskRatingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Citizen_RatesTheOneStopDesk_AndTheRatingIsStored()
    {
        var client = app.CreateBrowserLikeClient();
        int before;
        await using (var scope = app.SystemScope(out var db))
        {
            before = await db.Set<DeskRating>().CountAsync(r => r.Desk == "mot-cua" && r.Attitude == 2 && r.Trips == 3, TestContext.Current.CancellationToken);
        }

        var page = await client.GetPageAsync("/danh-gia?xa=tieu-can&quay=mot-cua");
        var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Attitude"] = "2", ["Timeliness"] = "4", ["Clarity"] = "5", ["Trips"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.Equal(before + 1, await db.Set<DeskRating>().CountAsync(r => r.Desk == "mot-cua" && r.Attitude == 2 && r.Trips == 3, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task ARatingOutOfRange_StoresNothing()
    {
        var client = app.CreateBrowserLikeClient();
        int before;
        await using (var scope = app.SystemScope(out var db))
        {
            before = await db.Set<DeskRating>().CountAsync(TestContext.Current.CancellationToken);
        }

        var page = await client.GetPageAsync("/danh-gia?xa=tieu-can&quay=mot-cua");
        var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Attitude"] = "9", ["Timeliness"] = "4", ["Clarity"] = "5", ["Trips"] = "1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.Equal(before, await db.Set<DeskRating>().CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task UnknownDesk_IsNotFound() =>
        await app.CreateBrowserLikeClient().GetPageAsync("/danh-gia?xa=khong-co&quay=mot-cua", HttpStatusCode.NotFound);

    [Fact]
    public async Task QrSheet_HasAnSvgCodePerCard()
    {
        var staff = await app.SignInAsync("vanphong.tieucan");
        var page = await staff.GetPageAsync("/staff/feedback/qr");
        var cards = page.QuerySelectorAll(".qr-card");
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Equal(2, c.QuerySelectorAll("svg").Length));
        Assert.Contains("/danh-gia?xa=tieu-can&quay=mot-cua", page.Text(), StringComparison.Ordinal);
    }
}
