using System.Globalization;
using CongVu.Features.Households;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Indicators;

public enum TargetStatus
{
    NoTarget = 0,
    NoData = 1,
    Met = 2,
    NotMet = 3,
}

/// <summary>One indicator for a unit and year: value, where it comes from, the target and whether it is met.</summary>
public sealed record IndicatorReading(
    IndicatorDefinition Indicator,
    decimal? Value,
    int? DataYear,
    string Source,
    decimal? Target,
    int? TargetYear,
    string? TargetBasis,
    TargetStatus Status);

/// <summary>
/// The one code path that reads indicators for dashboards and reports: household figures from the register,
/// party/feedback figures from the public summary, entered values from IndicatorValue, targets from IndicatorTarget.
/// Reads through the request's scope (the caller checks the unit is in scope).
/// </summary>
public sealed class IndicatorBoard(AppDbContext db, OrgTree tree, HouseholdStats households, IEnumerable<IPublicFigures> contributors, TimeProvider time)
{
    public const string NoDataText = "chưa có số liệu";
    public const string HouseholdSource = "Tính từ sổ hộ gia đình";
    public const string SummarySource = "Tính từ dữ liệu CongVu (số liệu tổng hợp công khai)";

    public async Task<IReadOnlyList<IndicatorDefinition>> CatalogueAsync(CancellationToken ct) =>
        (await db.Set<IndicatorDefinition>().AsNoTracking().ToListAsync(ct)).OrderBy(d => d.SortOrder).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();

    public Task<IReadOnlyList<IndicatorReading>> ReadAsync(OrgNode unit, int year, CancellationToken ct) =>
        ReadAsync(unit, year, null, ct);

    /// <summary>As above, reusing a public summary the caller already computed for the same commune and year.</summary>
    public async Task<IReadOnlyList<IndicatorReading>> ReadAsync(OrgNode unit, int year, Dictionary<string, object?>? knownSummary, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var catalogue = (await CatalogueAsync(ct)).Where(d => unit.Kind != OrgUnitKind.Hamlet || d.Scope == IndicatorScope.Hamlet).ToList();
        var units = UnitAndPredecessors(snap, unit);
        var tallies = await households.TallyAsync(HouseholdStats.HamletsOf(snap, unit), year, year, ignoreScope: false, ct);
        var tally = tallies.GetValueOrDefault(year);
        var values = await db.Set<IndicatorValue>().AsNoTracking().Where(v => units.Contains(v.OrgUnitId) && v.Year == year).ToListAsync(ct);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => units.Contains(t.OrgUnitId) && t.Year == year).ToListAsync(ct);
        var summary = unit.Kind == OrgUnitKind.Commune && catalogue.Any(d => IndicatorCodes.FromSummary.Contains(d.Code))
            ? knownSummary ?? await PublicSummaryEndpoints.FiguresForAsync(unit.Code, year, tree, contributors, time, ct)
            : null;

        var result = new List<IndicatorReading>();
        foreach (var def in catalogue)
        {
            decimal? value;
            int? dataYear = year;
            string source;
            if (IndicatorCodes.FromHouseholds.Contains(def.Code))
            {
                value = tally is null ? null : FromTally(def.Code, tally);
                source = HouseholdSource;
            }
            else if (IndicatorCodes.FromSummary.Contains(def.Code))
            {
                value = summary is null ? null : FromSummary(def.Code, summary);
                source = SummarySource;
            }
            else
            {
                var entered = Prefer(values.Where(v => v.IndicatorId == def.Id), units);
                value = entered?.Value;
                source = entered is null ? string.Empty : $"{entered.SourceNote} — {entered.EnteredBy}";
            }

            if (value is null)
            {
                dataYear = null;
            }

            var target = Prefer(targets.Where(t => t.IndicatorId == def.Id), units);
            result.Add(new IndicatorReading(def, value, dataYear, source, target?.Value, target?.Year, target?.Basis, Judge(def.Direction, value, target?.Value)));
        }

        return result;
    }

    /// <summary>A series over the years for the household and entered indicators (the summary ones are not charted).</summary>
    public async Task<IReadOnlyList<(int Year, decimal? Value, decimal? Target)>> TrendAsync(OrgNode unit, IndicatorDefinition def, int fromYear, int toYear, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var units = UnitAndPredecessors(snap, unit);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.IndicatorId == def.Id && units.Contains(t.OrgUnitId) && t.Year >= fromYear && t.Year <= toYear).ToListAsync(ct);
        Dictionary<int, decimal?> series;
        if (IndicatorCodes.FromHouseholds.Contains(def.Code))
        {
            var tallies = await households.TallyAsync(HouseholdStats.HamletsOf(snap, unit), fromYear, toYear, ignoreScope: false, ct);
            series = tallies.ToDictionary(t => t.Key, t => FromTally(def.Code, t.Value));
        }
        else
        {
            var values = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.IndicatorId == def.Id && units.Contains(v.OrgUnitId) && v.Year >= fromYear && v.Year <= toYear).ToListAsync(ct);
            series = values.GroupBy(v => v.Year).ToDictionary(g => g.Key, g => Prefer(g, units)?.Value);
        }

        return Enumerable.Range(fromYear, toYear - fromYear + 1)
            .Select(y => (y, series.GetValueOrDefault(y), Prefer(targets.Where(t => t.Year == y), units)?.Value))
            .ToList();
    }

    public static TargetStatus Judge(IndicatorDirection direction, decimal? value, decimal? target)
    {
        if (target is not decimal t)
        {
            return TargetStatus.NoTarget;
        }

        if (value is not decimal v)
        {
            return TargetStatus.NoData;
        }

        var met = direction == IndicatorDirection.LowerIsBetter ? v <= t : v >= t;
        return met ? TargetStatus.Met : TargetStatus.NotMet;
    }

    public static decimal? FromTally(string code, HouseholdTally tally) => code switch
    {
        IndicatorCodes.Households => tally.Households,
        IndicatorCodes.PoorHouseholds => tally.Poor,
        IndicatorCodes.PoorHouseholdRate => tally.PoorRate,
        IndicatorCodes.NearPoorHouseholds => tally.NearPoor,
        IndicatorCodes.CulturalFamilyRate => tally.CulturalRate,
        _ => null,
    };

    /// <summary>The unit first, then the units it succeeded: a merged commune shows its predecessor's entered history.</summary>
    public static int[] UnitAndPredecessors(OrgTreeSnapshot snap, OrgNode unit)
    {
        var list = new List<int>();
        var queue = new Queue<int>([unit.Id]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (list.Contains(id))
            {
                continue;
            }

            list.Add(id);
            foreach (var p in snap.Predecessors(id).Where(p => p.Kind == unit.Kind))
            {
                queue.Enqueue(p.Id);
            }
        }

        return [.. list];
    }

    private static T? Prefer<T>(IEnumerable<T> rows, int[] units)
        where T : class, IOrgOwned =>
        rows.OrderBy(r => Array.IndexOf(units, r.OrgUnitId)).FirstOrDefault();

    private static decimal? FromSummary(string code, Dictionary<string, object?> summary)
    {
        switch (code)
        {
            case IndicatorCodes.PartyMembers:
                return Number(summary, "partyMembers");
            case IndicatorCodes.PledgeRate:
                return Number(summary, "pledgeRate") is decimal r ? Math.Round(r * 100m, 2) : null;
            case IndicatorCodes.TypicalInitiatives:
                return Number(summary, "typicalInitiatives");
            case IndicatorCodes.FeedbackOnTimeRate:
                var received = Number(summary, "feedbackReceived");
                var onTime = Number(summary, "feedbackAnsweredOnTime");
                return received is > 0 && onTime is decimal o ? Math.Round(100m * o / received.Value, 2) : null;
            default:
                return null;
        }
    }

    private static decimal? Number(Dictionary<string, object?> summary, string key) =>
        summary.TryGetValue(key, out var v) && v is not null && v is IConvertible c && v is not string
            ? c.ToDecimal(CultureInfo.InvariantCulture)
            : null;
}
