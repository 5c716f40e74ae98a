using CongVu.Features.Organisation;
using BoardModel = CongVu.Features.Indicators.Pages.BoardModel;
using CongVu.Features.Organisation.People;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Text;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Performance;

/// <summary>Pages and queries for users whose scope is a province or the nation: bounded work and bounded pages.</summary>
public class LargeScopeTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    private static readonly DateOnly From = new(2000, 1, 1);

    [Fact]
    public async Task ScopeFilter_WithMoreUnitsThanTheDatabaseTakesParameters_StillFiltersByScope()
    {
        var c = await app.CreateCommuneAsync();
        var inside = await app.AddMemberAsync(c.CellA, "Nguyễn Văn Trong", From);
        var outside = await app.AddMemberAsync(c.CellB, "Nguyễn Văn Ngoài", From);

        // 70,000 ids: more than SQLite's 32,766 and PostgreSQL's 65,535 bind parameters, as a national overseer's scope is.
        var ids = Enumerable.Range(10_000_000, 70_000).Append(c.CellA).Order().ToArray();
        await using var scope = app.SystemScope(out var db);
        scope.ServiceProvider.GetRequiredService<AccessScope>().Restrict(c.CellA, ids);
        var seen = await db.People.Where(p => p.Id == inside || p.Id == outside).Select(p => p.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([inside], seen);
    }

    [Fact]
    public async Task MemberList_OverMoreCellsThanASelectCanHold_OffersUnitsAndCapsTheCount()
    {
        var c = await app.CreateCommuneAsync();
        int big;
        int small;
        await using (var scope = app.SystemScope(out var db))
        {
            var committee = await db.OrgUnits.SingleAsync(u => u.Id == c.CommitteeId, TestContext.Current.CancellationToken);
            var provinceCommittee = await db.OrgUnits.SingleAsync(u => u.Id == committee.ParentId, TestContext.Current.CancellationToken);
            var bigCommittee = await TestData.AddUnitAsync(db, provinceCommittee, OrgUnitKind.CommunePartyCommittee, c.Prefix + "-big", "Đảng bộ xã Lớn " + c.Prefix, null, From);
            var smallCommittee = await TestData.AddUnitAsync(db, provinceCommittee, OrgUnitKind.CommunePartyCommittee, c.Prefix + "-small", "Đảng bộ xã Nhỏ " + c.Prefix, null, From);
            var firstBigCell = 0;
            for (var i = 0; i < IndexModel.MaxCellChoices / 2 + 1; i++)
            {
                var cell = await TestData.AddUnitAsync(db, bigCommittee, OrgUnitKind.PartyCell, $"{c.Prefix}-l{i}", $"Chi bộ Lớn {i}", null, From);
                await TestData.AddUnitAsync(db, smallCommittee, OrgUnitKind.PartyCell, $"{c.Prefix}-n{i}", $"Chi bộ Nhỏ {i}", null, From);
                firstBigCell = firstBigCell == 0 ? cell.Id : firstBigCell;
            }

            var at = app.Time.GetUtcNow().UtcDateTime;
            db.People.AddRange(Enumerable.Range(0, IndexModel.CountCap + 5).Select(i =>
            {
                var name = $"Người Thử {i:D4}";
                return new Person { FullName = name, SearchName = VietnameseText.Fold(name), OrgUnitId = firstBigCell, CreatedAt = at, UpdatedAt = at };
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            scope.ServiceProvider.GetRequiredService<OrgTree>().Invalidate();
            big = bigCommittee.Id;
            small = smallCommittee.Id;
        }

        await app.AddMemberAsync(c.CellA, "Lê Thị Một", From);
        await app.AddMemberAsync(c.CellB, "Lê Thị Hai", From);
        var overseer = await app.SignInAsync(c.OverseerUser, TestData.Password);

        // The whole province: units to narrow by instead of 200-odd cells, and "more than 1,000" instead of a full count.
        var all = await overseer.GetPageAsync("/staff/people");
        Assert.Null(all.QuerySelector("select#cell"));
        var units = all.QuerySelectorAll("select#don-vi option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(new[] { "", Id(c.CommitteeId), Id(big), Id(small) }.Order().ToList(), units.Select(u => u ?? "(none)").Order().ToList());
        Assert.Contains("Hơn 1.000 người", all.Text(), StringComparison.Ordinal);
        Assert.Equal(IndexModel.PageSize, all.QuerySelectorAll("main table tbody tr").Length);
        Assert.NotNull(all.QuerySelector("a[rel=next]"));

        // One commune: its own cells and its exact count.
        var one = await overseer.GetPageAsync($"/staff/people?don-vi={c.CommitteeId}");
        Assert.Contains("Tìm thấy 2 người", one.Text(), StringComparison.Ordinal);
        Assert.Equal(3, one.QuerySelectorAll("select#cell option").Length);
        Assert.Equal(Id(c.CommitteeId), one.QuerySelector("input[name=don-vi]")?.GetAttribute("value"));

        // The commune's own administrator cannot widen the list with another commune's unit id.
        var admin = await app.SignInAsync(c.AdminUser, TestData.Password);
        var widened = await admin.GetPageAsync($"/staff/people?don-vi={big}");
        Assert.Contains("Tìm thấy 2 người", widened.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Người Thử", widened.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndicatorBoard_OverMoreCommunesThanItComputesSideBySide_PointsToTheCommunesOverview()
    {
        var c = await app.CreateCommuneAsync();
        await using (var scope = app.SystemScope(out var db))
        {
            var committee = await db.OrgUnits.SingleAsync(u => u.Id == c.CommitteeId, TestContext.Current.CancellationToken);
            var provinceCommittee = await db.OrgUnits.SingleAsync(u => u.Id == committee.ParentId, TestContext.Current.CancellationToken);
            var province = await db.OrgUnits.SingleAsync(u => u.Id == c.ProvinceId, TestContext.Current.CancellationToken);
            for (var i = 0; i < BoardModel.MaxCommunesSideBySide; i++)
            {
                var commune = await TestData.AddUnitAsync(db, province, OrgUnitKind.Commune, $"{c.Prefix}-x{i}", $"Xã Thêm {i} {c.Prefix}", null, From);
                await TestData.AddUnitAsync(db, provinceCommittee, OrgUnitKind.CommunePartyCommittee, $"{c.Prefix}-dx{i}", $"Đảng bộ xã Thêm {i} {c.Prefix}", commune.Id, From);
            }

            scope.ServiceProvider.GetRequiredService<OrgTree>().Invalidate();
        }

        var overseer = await app.SignInAsync(c.OverseerUser, TestData.Password);
        var doc = await overseer.GetPageAsync("/staff/chi-tieu");

        // 31 communes: no per-commune table computed in the request, a link to the pre-computed overview instead, communes only in the picker.
        Assert.Contains("31 xã", doc.Text(".flash"), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(".flash a[href^='/staff/cac-xa']"));
        Assert.Empty(doc.QuerySelectorAll("main table"));
        Assert.Equal(BoardModel.MaxCommunesSideBySide + 1, doc.QuerySelectorAll("select#don-vi option").Length - 1);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
