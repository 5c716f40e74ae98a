using CongVu.Features.Organisation;
using CongVu.Infrastructure.Text;
using CongVu.Tests.Infrastructure;
using CongVu.Tests.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Overview;

/// <summary>With every row fresh and its figures remembered the overview reads the rows' state in one query, however many communes it shows.</summary>
public class OverviewQueryCountTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    [Fact]
    public async Task OverviewWithFreshRows_RunsAFixedNumberOfQueriesWhateverTheCommunes()
    {
        const string url = "/staff/cac-xa?nam=2025";
        var client = await app.SignInAsync("tinhuy.vinhlong");
        // The first view fills the rows, the second reads and remembers their figures (CommuneFiguresMemo).
        await client.GetPageAsync(url);
        await client.GetPageAsync(url);
        var few = await app.CountQueriesAsync(client, url);

        await AddCommunesAsync(5);
        await client.GetPageAsync(url);
        var doc = await client.GetPageAsync(url);
        var more = await app.CountQueriesAsync(client, url);

        SuiteFigures.Report("queries per page", $"{url}: {few} with few communes, {more} with 5 more");
        Assert.True(doc.QuerySelectorAll("tbody tr[data-commune]").Length >= 6);
        Assert.Equal(1, few);
        Assert.Equal(few, more);
    }

    private async Task AddCommunesAsync(int count)
    {
        await using var scope = app.SystemScope(out var db);
        var ct = TestContext.Current.CancellationToken;
        var province = await db.OrgUnits.Where(u => u.Code == "vinh-long").FirstAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var name = $"Xã Thêm {i} {Guid.NewGuid():N}"[..20];
            var unit = new OrgUnit { ParentId = province.Id, Kind = OrgUnitKind.Commune, Code = "them-" + Guid.NewGuid().ToString("N")[..8], Name = name, SearchName = VietnameseText.Fold(name), ValidFrom = new DateOnly(2010, 1, 1) };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync(ct);
            unit.Path = province.Path + unit.Id + "/";
            await db.SaveChangesAsync(ct);
        }

        scope.ServiceProvider.GetRequiredService<OrgTree>().Invalidate();
    }
}
