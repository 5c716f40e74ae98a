using System.Globalization;
using System.Net;
using System.Text.Json;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Features.Pledges;
using CongVu.Features.Reviews;
using CongVu.Infrastructure.Security;
using CongVu.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Pledges;

public class PledgeWorkflowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task PublicSummary_HieuTrung2020_PledgeRateIsOne()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/public/summary?commune=hieu-trung&year=2020", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var figures = json.RootElement.TryGetProperty("figures", out var f) ? f : json.RootElement;
        Assert.Equal(1m, figures.GetProperty("pledgeRate").GetDecimal());
    }

    [Fact]
    public async Task PublicSummary_TieuCan2025_CountsPublishedRatingsWithinQuota()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/public/summary?commune=tieu-can&year=2025", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var figures = json.RootElement.TryGetProperty("figures", out var f) ? f : json.RootElement;
        var ratings = figures.GetProperty("ratings");
        var excellent = ratings.GetProperty("excellent").GetInt32();
        var good = ratings.GetProperty("good").GetInt32();
        Assert.True(good > 0);
        Assert.True(excellent <= good / 5, $"{excellent} xuất sắc for {good} tốt");
    }

    [Fact]
    public async Task Member_SubmitsPledge_SecretaryAcknowledges_AndItIsAudited()
    {
        var member = await app.SignInAsync(DemoCommune.Accounts[3].UserName);
        var doc = await member.GetPageAsync("/staff/pledges/mine");
        var form = doc.Form("main form");
        var response = await member.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.FollowUncleHo"] = "Học tập tấm gương Bác về phục vụ nhân dân",
            ["Input.Model"] = "Con đường hoa Hương lộ 25",
            ["Input.Items[0].CriterionCode"] = "3D-2",
            ["Input.Items[0].Commitment"] = "Trả hồ sơ đúng hẹn",
        }, (AngleSharp.Html.Dom.IHtmlElement?)doc.QuerySelector("button[formaction*='Submit']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        int pledgeId;
        await using (var scope = app.SystemScope(out var db))
        {
            var personId = await db.Users.Where(u => u.UserName == DemoCommune.Accounts[3].UserName).Select(u => u.PersonId).FirstAsync(TestContext.Current.CancellationToken);
            var pledge = await db.Set<Pledge>().Include(p => p.Items).SingleAsync(p => p.PersonId == personId && p.State == PledgeState.Submitted, TestContext.Current.CancellationToken);
            Assert.Equal("3D-2", Assert.Single(pledge.Items).CriterionCode);
            pledgeId = pledge.Id;
        }

        var secretary = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        var page = await secretary.GetPageAsync($"/staff/pledges/{pledgeId}");
        var ack = await secretary.SubmitAsync(page.Form("main form"), null, (AngleSharp.Html.Dom.IHtmlElement?)page.QuerySelector("button[formaction*='Acknowledge']"));
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);

        await using (var scope = app.SystemScope(out var db))
        {
            var pledge = await db.Set<Pledge>().SingleAsync(p => p.Id == pledgeId, TestContext.Current.CancellationToken);
            Assert.Equal(PledgeState.Acknowledged, pledge.State);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "pledge.acknowledge" && a.EntityId == pledgeId.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task OtherCellSecretary_OpensPledge_Gets404()
    {
        int pledgeId;
        int otherCell;
        await using (var scope = app.SystemScope(out var db))
        {
            var cayGon = await db.OrgUnits.Where(u => u.Code == DemoPlanBuilder.CayGonCellCode).Select(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
            pledgeId = await db.Set<Pledge>().Where(p => p.OrgUnitId == cayGon && p.PersonId != null).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
            otherCell = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.PartyCell && u.ValidTo == null && u.Id != cayGon).Select(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "bithu.khac", DisplayName = "Bí thư chi bộ khác", OrgUnitId = otherCell, CreatedAt = app.Time.GetUtcNow().UtcDateTime };
            if (await users.FindByNameAsync("bithu.khac") is null)
            {
                Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
                await users.AddToRoleAsync(user, Roles.CellSecretary);
            }
        }

        var other = await app.SignInAsync("bithu.khac", TestData.Password);
        await other.GetPageAsync($"/staff/pledges/{pledgeId}", HttpStatusCode.NotFound);
        var own = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        await own.GetPageAsync($"/staff/pledges/{pledgeId}");
    }

    [Fact]
    public async Task Member_OpensAnotherMembersPledge_Gets404()
    {
        int pledgeId;
        await using (var scope = app.SystemScope(out var db))
        {
            var me = await db.Users.Where(u => u.UserName == DemoCommune.Accounts[3].UserName).Select(u => u.PersonId).FirstAsync(TestContext.Current.CancellationToken);
            pledgeId = await db.Set<Pledge>().Where(p => p.PersonId != null && p.PersonId != me).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        var member = await app.SignInAsync(DemoCommune.Accounts[3].UserName);
        await member.GetPageAsync($"/staff/pledges/{pledgeId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dashboard_OpenYear_ListsMissingMembers()
    {
        int yearId;
        await using (var scope = app.SystemScope(out var db))
        {
            yearId = await db.Set<RatingYear>().Where(y => y.Year == 2026).Select(y => y.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        var secretary = await app.SignInAsync(DemoCommune.Accounts[2].UserName);
        var doc = await secretary.GetPageAsync($"/staff/pledges?year={yearId}");
        Assert.Contains("Chưa đăng ký", doc.Text(), StringComparison.Ordinal);
        Assert.Single(doc.QuerySelectorAll("main table")[0].QuerySelectorAll("tbody tr"));
    }
}
