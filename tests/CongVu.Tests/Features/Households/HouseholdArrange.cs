using CongVu.Features.Households;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Text;
using CongVu.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Features.Households;

/// <summary>Hamlets and households for a test commune of its own.</summary>
internal static class HouseholdArrange
{
    public static async Task<int> AddHamletAsync(this AppFactory app, TestCommune commune, string name)
    {
        await using var scope = app.SystemScope(out var db);
        var unit = new OrgUnit
        {
            ParentId = commune.CommuneId, Kind = OrgUnitKind.Hamlet, Code = commune.Prefix + "-" + VietnameseText.Slug(name),
            Name = name, SearchName = VietnameseText.Fold(name), ValidFrom = new DateOnly(2000, 1, 1),
        };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync();
        unit.Path = "/" + commune.ProvinceId + "/" + commune.CommuneId + "/" + unit.Id + "/";
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<OrgTree>().Invalidate();
        return unit.Id;
    }

    /// <summary>Adds a household with its facts for one year; income and deprivations are classified with that year's standard.</summary>
    public static async Task<int> AddHouseholdAsync(this AppFactory app, int hamletId, string number, string head, int year, decimal income, int deprivations, bool cultural, HouseholdArea area = HouseholdArea.Rural)
    {
        await using var scope = app.SystemScope(out var db);
        var now = app.Time.GetUtcNow().UtcDateTime;
        var h = new Household { OrgUnitId = hamletId, Number = number, HeadName = head, SearchName = VietnameseText.Fold(head), MembersCount = 4, RegisteredOn = new DateOnly(2015, 1, 1), CreatedAt = now, UpdatedAt = now };
        db.Set<Household>().Add(h);
        await db.SaveChangesAsync();
        db.Set<HouseholdYear>().Add(new HouseholdYear
        {
            HouseholdId = h.Id, Year = year, OrgUnitId = hamletId, Area = area, IncomePerPersonMonth = income, Deprivations = deprivations,
            Poverty = PovertyStandard.For(year).Classify(area, income, deprivations), CulturalFamily = cultural, CulturalExclusion = cultural ? null : "not-registered", UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return h.Id;
    }
}
