using CongVu.Features.Households;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Indicators;

/// <summary>Public summary figures of households and income: the latest year with data up to the year asked; aggregates only.</summary>
public sealed class IndicatorFigures(AppDbContext db, HouseholdStats households) : IPublicFigures
{
    public async Task AddAsync(PublicFiguresContext context, IDictionary<string, object?> figures, CancellationToken ct)
    {
        var tallies = await households.TallyAsync(HouseholdStats.HamletsOf(context.Tree, context.Commune), 1900, context.Year, ignoreScope: true, ct);
        var latest = tallies.Values.Where(t => t.Households > 0).OrderByDescending(t => t.Year).FirstOrDefault();
        figures["householdsYear"] = latest?.Year;
        figures["poorHouseholds"] = latest?.Poor;
        figures["poorHouseholdRate"] = latest?.PoorRate;
        figures["culturalFamilyRate"] = latest?.CulturalRate;

        var units = IndicatorBoard.UnitAndPredecessors(context.Tree, context.Commune);
        var income = await db.Set<IndicatorValue>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.Indicator!.Code == IndicatorCodes.IncomePerCapita && units.Contains(v.OrgUnitId) && v.Year <= context.Year)
            .Select(v => new { v.Year, v.OrgUnitId, v.Value })
            .ToListAsync(ct);
        var best = income.OrderByDescending(v => v.Year).ThenBy(v => Array.IndexOf(units, v.OrgUnitId)).FirstOrDefault();
        figures["incomePerCapita"] = best?.Value;
    }
}
