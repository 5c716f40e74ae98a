using CongVu.Features.Households;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Indicators.Pages;

/// <summary>The household records behind a computed figure (e.g. the poor households of 2020 in a hamlet): staff only, within scope, and the read is audited.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class RecordsModel(AppDbContext db, OrgTree tree, AuditLog audit) : PageModel
{
    public sealed record Row(int HouseholdId, string Number, string HeadName, string Hamlet, decimal? Income, int Deprivations, PovertyClass Poverty, bool Cultural, string? Exclusion);

    [BindProperty(SupportsGet = true, Name = "don-vi")]
    public int UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int Year { get; set; }

    /// <summary>"ngheo" (poor), "can-ngheo" (near-poor), "tat-ca" (all).</summary>
    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? Kind { get; set; }

    public OrgNode? Unit { get; private set; }

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Unit = snap.Find(UnitId);
        if (Unit is null || !db.Scope.CanSee(Unit.Id) || Unit.Kind is not (OrgUnitKind.Commune or OrgUnitKind.Hamlet))
        {
            return NotFound();
        }

        var hamlets = HouseholdStats.HamletsOf(snap, Unit);
        var q = db.Set<HouseholdYear>().AsNoTracking().Where(y => hamlets.Contains(y.OrgUnitId) && y.Year == Year);
        q = Kind switch
        {
            "can-ngheo" => q.Where(y => y.Poverty == PovertyClass.NearPoor),
            "tat-ca" => q,
            _ => q.Where(y => y.Poverty == PovertyClass.Poor),
        };
        var rows = await q.Select(y => new { y.HouseholdId, y.Household!.Number, y.Household.HeadName, y.OrgUnitId, y.IncomePerPersonMonth, y.Deprivations, y.Poverty, y.CulturalFamily, y.CulturalExclusion })
            .Take(5000)
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.HouseholdId, r.Number, r.HeadName, snap.Find(r.OrgUnitId)?.Name ?? string.Empty, r.IncomePerPersonMonth, r.Deprivations, r.Poverty, r.CulturalFamily, CulturalFamilyRules.Label(r.CulturalExclusion)))
            .OrderBy(r => r.Hamlet, StringComparer.Ordinal).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
        await audit.RecordReadAsync("household-list", $"{Unit.Code}/{Year}/{Kind ?? "ngheo"}", Unit.Id, ct);
        return Page();
    }

    public static string PovertyKey(PovertyClass c) => c switch
    {
        PovertyClass.Poor => "Households.Poor",
        PovertyClass.NearPoor => "Households.NearPoor",
        _ => "Households.NotPoor",
    };
}
