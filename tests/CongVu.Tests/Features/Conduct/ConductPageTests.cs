using System.Net;
using CongVu.Features.Conduct;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Reviews;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Tests.Features.Conduct;

public class ConductPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task PublicPage_Anonymous_ShowsTheFifteenCriteriaAndFlagsTw4Placeholders()
    {
        var doc = await app.CreateClient().GetPageAsync("/quy-tac-ung-xu");
        var text = doc.Text();
        Assert.Contains("Không gây phiền hà, sách nhiễu nhân dân", text, StringComparison.Ordinal);
        Assert.Contains("Chống đùn đẩy trách nhiệm, chia rẽ, bè phái gây mất đoàn kết", text, StringComparison.Ordinal);
        Assert.Equal(15, doc.QuerySelectorAll("main ol li").Length);
        Assert.Contains("cần đối chiếu văn bản chính thức", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceSeed_RunTwice_KeepsOneVersionAndTwentySevenManifestations()
    {
        await using var scope = app.SystemScope(out var db);
        await ConductSeed.SeedAsync(db, TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Set<ConductCode>().CountAsync(c => c.Code == ConductSeed.HieuTrungCode, TestContext.Current.CancellationToken));
        Assert.Equal(27, await db.Set<Tw4Manifestation>().CountAsync(m => m.NeedsOfficialWording, TestContext.Current.CancellationToken));
        Assert.Equal(15, await db.Set<Criterion>().CountAsync(c => c.Group!.ConductCode!.Code == ConductSeed.HieuTrungCode, TestContext.Current.CancellationToken));
    }

    private static readonly Dictionary<string, string> Deadlines2027 = new()
    {
        ["Input.Year"] = "2027",
        ["Input.PledgeDeadline"] = "31/03/2027",
        ["Input.ReviewDeadline"] = "31/12/2027",
        ["Input.Extension"] = "15/01/2028",
    };

    [Fact]
    public async Task Admin_OpensYear_WithDeadlinesOutsideTheYear_ShowsError()
    {
        var admin = await app.SignInAsync(DemoCommune.Accounts[0].UserName);
        var doc = await admin.GetPageAsync("/staff/reviews/years");
        var response = await admin.SubmitAsync(doc.Form("main form"), new Dictionary<string, string> { ["Input.Year"] = "2030" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("phải nằm trong năm 2030", (await PageClient.ParseAsync(response)).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_EditsBreakdown_RefusedUnlessGroupsTotal30And70()
    {
        int yearId;
        int firstItem;
        int resultItem;
        await using (var scope = app.SystemScope(out var db))
        {
            var y = await db.Set<RatingYear>().Include(x => x.ScoreItems).FirstAsync(x => x.Year == 2026, TestContext.Current.CancellationToken);
            yearId = y.Id;
            firstItem = y.ScoreItems.Where(i => i.Group == ScoreGroup.General).Min(i => i.Id);
            resultItem = y.ScoreItems.Where(i => i.Group == ScoreGroup.Results).Min(i => i.Id);
        }

        var admin = await app.SignInAsync(DemoCommune.Accounts[0].UserName);
        var doc = await admin.GetPageAsync($"/staff/reviews/years/{yearId}");
        var bad = await admin.SubmitAsync(doc.Form("form[action*='handler=Breakdown']"), new Dictionary<string, string> { [$"points[{firstItem}]"] = "3" });
        Assert.Contains("đủ 30 điểm (đang 31)", (await PageClient.ParseAsync(bad)).Text(), StringComparison.Ordinal);
        var good = await admin.SubmitAsync(doc.Form("form[action*='handler=Breakdown']"), new Dictionary<string, string> { [$"points[{firstItem}]"] = "3", [$"points[{firstItem + 1}]"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        await using (var scope = app.SystemScope(out var db))
        {
            Assert.Equal(3m, await db.Set<ScoreItem>().Where(i => i.Id == firstItem).Select(i => i.MaxPoints).FirstAsync(TestContext.Current.CancellationToken));
        }

        Assert.True(resultItem > firstItem);
    }

    [Fact]
    public async Task Admin_OpensAYear_WithDefaultBreakdownOf30And70()
    {
        var admin = await app.SignInAsync(DemoCommune.Accounts[0].UserName);
        var doc = await admin.GetPageAsync("/staff/reviews/years");
        var response = await admin.SubmitAsync(doc.Form("main form"), Deadlines2027);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.SystemScope(out var db);
        var year = await db.Set<RatingYear>().Include(y => y.ScoreItems).SingleAsync(y => y.Year == 2027, TestContext.Current.CancellationToken);
        Assert.Equal(30m, year.ScoreItems.Where(i => i.Group == ScoreGroup.General).Sum(i => i.MaxPoints));
        Assert.Equal(70m, year.ScoreItems.Where(i => i.Group == ScoreGroup.Results).Sum(i => i.MaxPoints));
        Assert.Equal(new DateOnly(2027, 12, 31), year.ReviewDeadline);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "rating-year.open", TestContext.Current.CancellationToken));

        var again = await admin.SubmitAsync((await admin.GetPageAsync("/staff/reviews/years")).Form("main form"), Deadlines2027);
        Assert.Contains("đã được mở", (await PageClient.ParseAsync(again)).Text(), StringComparison.Ordinal);
    }
}
