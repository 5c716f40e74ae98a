using System.Net;
using System.Text.Json;
using CongVu.Features.Organisation.Demo;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Organisation.Demo;

public class DemoCommuneTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Summary_HieuTrungIn2020_Shows13Cells_MoreThan280Members_And49Exempt()
    {
        using var json = await GetSummaryAsync("hieu-trung", 2020, HttpStatusCode.OK);
        var root = json!.RootElement;

        Assert.Equal(13, root.GetProperty("partyCells").GetInt32());
        Assert.True(root.GetProperty("partyMembers").GetInt32() >= 280);
        Assert.Equal(DemoPlanBuilder.ReportMembers, root.GetProperty("partyMembers").GetInt32());
        Assert.Equal(49, root.GetProperty("exemptMembers").GetInt32());
        Assert.Equal("Đảng bộ xã Hiếu Trung", root.GetProperty("partyOrganisation").GetString());
    }

    [Fact]
    public async Task Summary_TieuCanIn2026_ShowsTheMergedCommune()
    {
        using var json = await GetSummaryAsync("tieu-can", 2026, HttpStatusCode.OK);
        var root = json!.RootElement;
        var cells = root.GetProperty("partyCells").GetInt32();
        var members = root.GetProperty("partyMembers").GetInt32();
        var exempt = root.GetProperty("exemptMembers").GetInt32();
        TestContext.Current.TestOutputHelper?.WriteLine($"tieu-can 2026: cells {cells}, members {members}, exempt {exempt}");

        Assert.Equal(21, cells);
        Assert.InRange(members, 400, 600);
        Assert.InRange(exempt, 40, 100);
    }

    [Fact]
    public async Task Summary_HieuTrungIn2026_IsNotFound_BecauseTheCommuneEndedIn2025()
    {
        using var json = await GetSummaryAsync("hieu-trung", 2026, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("vanphong.tieucan")]
    [InlineData("huynhvanly")]
    [InlineData("bithu.caygon")]
    [InlineData("dangvien.caygon")]
    [InlineData("tinhuy.vinhlong")]
    public async Task DemoAccount_CanSignIn_AndOpenTheStaffDashboard(string userName)
    {
        var client = await app.SignInAsync(userName);

        var response = await client.GetAsync("/staff", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SeedAsync_WhenTheDemoIsThere_ReturnsFalseAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = app.SystemScope(out var db))
        {
            var before = await CountsAsync(db, ct);

            var seeded = await DemoCommune.SeedAsync(scope.ServiceProvider, ct);

            Assert.False(seeded);
            Assert.Equal(before, await CountsAsync(db, ct));
        }
    }

    [Fact]
    public async Task DemoAccounts_PointAtTheirUnitsAndPeople()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.SystemScope(out var db);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);

        Assert.Equal(DemoCommune.Accounts.Select(a => a.UserName).Order(), users.Keys.Order());
        Assert.Equal("dang-bo-xa-tieu-can", units[users["vanphong.tieucan"].OrgUnitId].Code);
        Assert.Equal("dang-bo-tinh-vinh-long", units[users["tinhuy.vinhlong"].OrgUnitId].Code);
        Assert.Equal(DemoPlanBuilder.CayGonCellCode, units[users["bithu.caygon"].OrgUnitId].Code);
        var ly = await db.People.AsNoTracking().SingleAsync(p => p.Id == users["huynhvanly"].PersonId, ct);
        Assert.Equal("Huỳnh Văn Lý", ly.FullName);
        var member = await db.Memberships.AsNoTracking().SingleAsync(m => m.PersonId == users["dangvien.caygon"].PersonId, ct);
        Assert.Equal(DemoPlanBuilder.CayGonCellCode, units[member.OrgUnitId].Code);
        var paths = units.Values.Where(u => u.ParentId is int p && !u.Path.StartsWith(units[p].Path, StringComparison.Ordinal)).Select(u => u.Code).ToList();
        Assert.Empty(paths);
    }

    private async Task<JsonDocument?> GetSummaryAsync(string commune, int year, HttpStatusCode expected)
    {
        var response = await app.CreateClient().GetAsync($"/api/v1/public/summary?commune={commune}&year={year}", TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)) : null;
    }

    private static async Task<(int Units, int People, int Periods, int Users)> CountsAsync(CongVu.Infrastructure.Data.AppDbContext db, CancellationToken ct) =>
        (await db.OrgUnits.CountAsync(ct), await db.People.CountAsync(ct), await db.MembershipPeriods.CountAsync(ct), await db.Users.CountAsync(ct));
}
