using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Demo;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Indicators;

/// <summary>Entered figures and the term's targets for xã Hiếu Trung (2015–2025), as its reports give them.</summary>
internal static class IndicatorsDemo
{
    public const string TermBasis = "Nghị quyết Đại hội Đảng bộ xã Hiếu Trung nhiệm kỳ 2020–2025";
    private const string By = "Văn phòng UBND xã (dữ liệu mẫu)";

    /// <summary>Income per capita, million VND/person/year: about double 2015 by 2020, short of 80 in 2025.</summary>
    public static readonly IReadOnlyDictionary<int, decimal> Income = new Dictionary<int, decimal>
    {
        [2015] = 28.4m, [2016] = 32.6m, [2017] = 37.5m, [2018] = 43.1m, [2019] = 49.2m, [2020] = 55.1m,
        [2021] = 57.3m, [2022] = 63.8m, [2023] = 69.5m, [2024] = 74.2m, [2025] = 78.6m,
    };

    /// <summary>Total development investment, billion VND (2016–2020: 465).</summary>
    public static readonly IReadOnlyDictionary<int, decimal> Investment = new Dictionary<int, decimal>
    {
        [2016] = 85.2m, [2017] = 88.6m, [2018] = 92.4m, [2019] = 95.3m, [2020] = 103.5m,
        [2021] = 98.7m, [2022] = 107.9m, [2023] = 112.4m, [2024] = 118.6m, [2025] = 121.0m,
    };

    /// <summary>Production value, billion VND (2016–2020: 3,170).</summary>
    public static readonly IReadOnlyDictionary<int, decimal> Production = new Dictionary<int, decimal>
    {
        [2016] = 566m, [2017] = 601m, [2018] = 632m, [2019] = 668m, [2020] = 703m,
        [2021] = 721m, [2022] = 768m, [2023] = 812m, [2024] = 857m, [2025] = 896m,
    };

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var commune = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == DemoPlanBuilder.OldCommuneCode && u.Kind == OrgUnitKind.Commune, ct);
        if (commune is null || await db.Set<IndicatorValue>().AnyAsync(v => v.OrgUnitId == commune.Id, ct))
        {
            return;
        }

        var ids = await db.Set<IndicatorDefinition>().ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var at = time.GetUtcNow().UtcDateTime;
        void Add(string code, IReadOnlyDictionary<int, decimal> series, string source)
        {
            foreach (var (year, value) in series)
            {
                db.Set<IndicatorValue>().Add(new IndicatorValue
                {
                    IndicatorId = ids[code], OrgUnitId = commune.Id, Year = year, Value = value,
                    SourceNote = $"{source} năm {year}", EnteredBy = By, EnteredAt = at,
                });
            }
        }

        Add(IndicatorCodes.IncomePerCapita, Income, "Báo cáo kinh tế – xã hội của UBND xã Hiếu Trung");
        Add(IndicatorCodes.InvestmentTotal, Investment, "Báo cáo tổng vốn đầu tư của UBND xã Hiếu Trung");
        Add(IndicatorCodes.ProductionValue, Production, "Báo cáo thống kê giá trị sản xuất xã Hiếu Trung");
        db.Set<IndicatorTarget>().AddRange(
            new IndicatorTarget { IndicatorId = ids[IndicatorCodes.PoorHouseholdRate], OrgUnitId = commune.Id, Year = 2025, Value = 1m, Basis = TermBasis },
            new IndicatorTarget { IndicatorId = ids[IndicatorCodes.IncomePerCapita], OrgUnitId = commune.Id, Year = 2025, Value = 80m, Basis = TermBasis },
            new IndicatorTarget { IndicatorId = ids[IndicatorCodes.CulturalFamilyRate], OrgUnitId = commune.Id, Year = 2025, Value = 97m, Basis = TermBasis });
        await db.SaveChangesAsync(ct);
    }
}
