using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Indicators.Pages;

/// <summary>Targets of the term (year, value, the resolution that set them) per commune or hamlet; every change audited.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class TargetsModel(AppDbContext db, OrgTree tree, AuditLog audit) : PageModel
{
    public sealed record Row(int Id, string Indicator, string Unit, string UnitName, int Year, decimal Value, string? Basis);

    [BindProperty]
    public int? IndicatorId { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Basis { get; set; }

    public List<IndicatorDefinition> Indicators { get; private set; } = [];

    public List<OrgNode> Units { get; private set; } = [];

    public List<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var def = Indicators.FirstOrDefault(d => d.Id == IndicatorId);
        if (def is null)
        {
            ModelState.AddModelError(nameof(IndicatorId), "Chọn chỉ tiêu.");
        }

        var unit = Units.FirstOrDefault(u => u.Id == UnitId);
        if (unit is null)
        {
            ModelState.AddModelError(nameof(UnitId), "Chọn xã hoặc ấp thuộc phạm vi quản lý của bạn.");
        }

        if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1990 || year > 2100)
        {
            ModelState.AddModelError(nameof(Year), "Nhập năm cần đạt dạng yyyy.");
        }

        if (!IndicatorInput.TryParseNumber(Value, out var value))
        {
            ModelState.AddModelError(nameof(Value), "Nhập mục tiêu là số (dùng dấu phẩy cho phần thập phân).");
        }

        if (string.IsNullOrWhiteSpace(Basis))
        {
            ModelState.AddModelError(nameof(Basis), "Ghi rõ căn cứ (ví dụ: Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020–2025).");
        }
        else if (Basis.Trim().Length > 300)
        {
            ModelState.AddModelError(nameof(Basis), "Căn cứ không quá 300 ký tự.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = await db.Set<IndicatorTarget>().SingleOrDefaultAsync(t => t.IndicatorId == def!.Id && t.OrgUnitId == unit!.Id && t.Year == year, ct);
        var before = row is null ? null : new { row.Value, row.Basis };
        if (row is null)
        {
            row = new IndicatorTarget { IndicatorId = def!.Id, OrgUnitId = unit!.Id, Year = year };
            db.Set<IndicatorTarget>().Add(row);
        }

        row.Value = value;
        row.Basis = Basis!.Trim();
        audit.RecordSaved(before is null ? "indicator-target.create" : "indicator-target.update", nameof(IndicatorTarget), () => row.Id, row.OrgUnitId, before,
            new { Indicator = def!.Code, Unit = unit!.Code, row.Year, row.Value, row.Basis });
        await db.SaveChangesAsync(ct);
        Flash = $"Đã lưu mục tiêu {def.Name} năm {year} của {unit.Name}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Indicators = (await db.Set<IndicatorDefinition>().AsNoTracking().ToListAsync(ct)).OrderBy(d => d.SortOrder).ToList();
        Units = IndicatorInput.UnitChoices(snap, db.Scope);
        var ids = Units.Select(u => u.Id).ToArray();
        var rows = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => ids.Contains(t.OrgUnitId))
            .Select(t => new { t.Id, t.Indicator!.Name, t.Indicator.Unit, t.OrgUnitId, t.Year, t.Value, t.Basis })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Name, r.Unit, snap.Find(r.OrgUnitId)?.Name ?? string.Empty, r.Year, r.Value, r.Basis))
            .OrderByDescending(r => r.Year).ThenBy(r => r.Indicator, StringComparer.Ordinal).ToList();
    }
}
