using System.Globalization;
using CongVu.Features.Households;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Indicators.Pages;

/// <summary>The indicator dashboard: a commune's or hamlet's indicators against their targets, trends 2016–2025, and for an overseer the communes side by side.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class BoardModel(AppDbContext db, OrgTree tree, IndicatorBoard board, HouseholdStats households, TimeProvider time) : PageModel
{
    public const int TermFrom = 2016;
    public const int TermTo = 2025;

    public static readonly string[] Charted = [IndicatorCodes.PoorHouseholdRate, IndicatorCodes.CulturalFamilyRate, IndicatorCodes.IncomePerCapita];

    public sealed record Chart(string Id, IndicatorDefinition Indicator, string Svg, IReadOnlyList<(int Year, decimal? Value, decimal? Target)> Points);

    public sealed record CommuneRow(OrgNode Commune, int? Households, decimal? PoorRate, decimal? CulturalRate, decimal? Income);

    [BindProperty(SupportsGet = true, Name = "don-vi")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    public OrgNode? Unit { get; private set; }

    public int ShownYear { get; private set; }

    public List<OrgNode> Units { get; } = [];

    public IReadOnlyList<IndicatorReading> Readings { get; private set; } = [];

    public List<Chart> Charts { get; } = [];

    public List<CommuneRow> Communes { get; } = [];

    /// <summary>Above this many communes the side-by-side table is not computed here (each commune's board is its own set of queries): the communes overview reads pre-computed figures instead.</summary>
    public const int MaxCommunesSideBySide = 30;

    /// <summary>Communes in scope when there are too many to put side by side; 0 otherwise.</summary>
    public int TooManyCommunes { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var scope = db.Scope;
        var inScope = snap.Nodes(scope.UnitIds).ToList();
        Units.AddRange(inScope.Where(n => n.Kind is OrgUnitKind.Commune or OrgUnitKind.Hamlet)
            .OrderBy(n => n.Kind).ThenBy(n => n.ValidTo is null ? 0 : 1).ThenBy(n => n.ParentId).ThenBy(n => n.SortOrder));
        CanEdit = User.IsInRole(Roles.Admin);
        var today = VietnamTime.Today(time);

        if (UnitId is int id)
        {
            Unit = Units.FirstOrDefault(u => u.Id == id);
            if (Unit is null)
            {
                return NotFound();
            }
        }
        else
        {
            var communes = Units.Where(u => u.Kind == OrgUnitKind.Commune).ToList();
            var own = scope.RootUnitId is int root ? snap.CommuneOf(root) : null;
            if (own is not null && communes.Any(c => c.Id == own.Id) && !User.IsInRole(Roles.Overseer))
            {
                Unit = own;
            }
            else
            {
                // An overseer (or anyone over several communes) first sees the communes side by side.
                ShownYear = Year ?? Math.Min(today.Year - 1, TermTo);
                if (communes.Count > MaxCommunesSideBySide)
                {
                    // A province or the nation: pick one commune here, or read every commune's figures on /staff/cac-xa.
                    TooManyCommunes = communes.Count;
                    Units.RemoveAll(u => u.Kind != OrgUnitKind.Commune);
                    return Page();
                }

                foreach (var c in communes)
                {
                    var tally = (await households.TallyAsync(HouseholdStats.HamletsOf(snap, c), ShownYear, ShownYear, false, ct)).GetValueOrDefault(ShownYear);
                    var readings = await board.ReadAsync(c, ShownYear, ct);
                    var income = readings.FirstOrDefault(r => r.Indicator.Code == IndicatorCodes.IncomePerCapita)?.Value;
                    Communes.Add(new CommuneRow(c, tally?.Households, tally?.PoorRate, tally?.CulturalRate, income));
                }

                return Page();
            }
        }

        var lastYear = Math.Min(today.Year - 1, Unit.ValidTo?.Year ?? today.Year);
        ShownYear = Year is int y && y >= 2000 && y <= today.Year ? y : Math.Min(lastYear, TermTo);
        Readings = await board.ReadAsync(Unit, ShownYear, ct);
        foreach (var code in Charted)
        {
            var def = Readings.FirstOrDefault(r => r.Indicator.Code == code)?.Indicator;
            if (def is null)
            {
                continue;
            }

            var points = await board.TrendAsync(Unit, def, TermFrom, TermTo, ct);
            var chartId = "chart-" + code;
            var known = points.Where(p => p.Value is not null).ToList();
            var desc = known.Count == 0
                ? $"{def.Name}: {IndicatorBoard.NoDataText}."
                : $"{def.Name} ({def.Unit}) của {Unit.Name} từ {known[0].Year} đến {known[^1].Year}: từ {Format(known[0].Value)} đến {Format(known[^1].Value)}.";
            Charts.Add(new Chart(chartId, def, TrendChart.Render(chartId, $"{def.Name}, {TermFrom}–{TermTo}", desc, points), points));
        }

        return Page();
    }

    public static string Format(decimal? value) =>
        value is decimal v ? v.ToString("#,0.##", CultureInfo.GetCultureInfo("vi-VN")) : IndicatorBoard.NoDataText;

    public static string StatusKey(TargetStatus status) => status switch
    {
        TargetStatus.Met => "Indicators.Met",
        TargetStatus.NotMet => "Indicators.NotMet",
        TargetStatus.NoData => "Indicators.NoData",
        _ => "Indicators.NoTarget",
    };

    public string UnitLabel(OrgNode n) => n.ValidTo is DateOnly end ? $"{n.Name} (đến {end:dd/MM/yyyy})" : n.Name;
}
