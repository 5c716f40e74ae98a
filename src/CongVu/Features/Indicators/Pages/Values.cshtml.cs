using System.Globalization;
using System.Security.Claims;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Indicators.Pages;

/// <summary>Entered indicator values (income, investment, production) per commune or hamlet and year, with their source; every change audited.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class ValuesModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Indicator, string Unit, string UnitName, int Year, decimal Value, string? Source, string? By, DateTime At);

    [BindProperty]
    public int? IndicatorId { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? SourceNote { get; set; }

    public List<IndicatorDefinition> Indicators { get; private set; } = [];

    public List<OrgNode> Units { get; private set; } = [];

    public List<Row> Rows { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = VietnamTime.Today(time);
        var def = Indicators.FirstOrDefault(d => d.Id == IndicatorId);
        if (def is null)
        {
            ModelState.AddModelError(nameof(IndicatorId), "Chọn chỉ tiêu nhập số liệu.");
        }

        var unit = Units.FirstOrDefault(u => u.Id == UnitId);
        if (unit is null)
        {
            ModelState.AddModelError(nameof(UnitId), "Chọn xã hoặc ấp thuộc phạm vi quản lý của bạn.");
        }

        if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1990 || year > today.Year)
        {
            ModelState.AddModelError(nameof(Year), $"Nhập năm dạng yyyy, từ 1990 đến {today.Year}.");
        }

        if (!IndicatorInput.TryParseNumber(Value, out var value))
        {
            ModelState.AddModelError(nameof(Value), "Nhập giá trị là số (dùng dấu phẩy cho phần thập phân, ví dụ 55,1).");
        }

        if (string.IsNullOrWhiteSpace(SourceNote))
        {
            ModelState.AddModelError(nameof(SourceNote), "Ghi rõ nguồn số liệu (ví dụ: Báo cáo KT-XH năm 2020 của UBND xã).");
        }
        else if (SourceNote.Trim().Length > 300)
        {
            ModelState.AddModelError(nameof(SourceNote), "Nguồn số liệu không quá 300 ký tự.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = await db.Set<IndicatorValue>().SingleOrDefaultAsync(v => v.IndicatorId == def!.Id && v.OrgUnitId == unit!.Id && v.Year == year, ct);
        var before = row is null ? null : new { row.Value, row.SourceNote, row.EnteredBy };
        if (row is null)
        {
            row = new IndicatorValue { IndicatorId = def!.Id, OrgUnitId = unit!.Id, Year = year };
            db.Set<IndicatorValue>().Add(row);
        }

        row.Value = value;
        row.SourceNote = SourceNote!.Trim();
        row.EnteredBy = User.FindFirstValue(AppClaims.DisplayName) ?? User.Identity?.Name;
        row.EnteredAt = time.GetUtcNow().UtcDateTime;
        audit.RecordSaved(before is null ? "indicator-value.create" : "indicator-value.update", nameof(IndicatorValue), () => row.Id, row.OrgUnitId, before,
            new { Indicator = def!.Code, Unit = unit!.Code, row.Year, row.Value, row.SourceNote });
        await db.SaveChangesAsync(ct);
        Flash = $"Đã lưu {def.Name} năm {year} của {unit.Name}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Indicators = (await db.Set<IndicatorDefinition>().AsNoTracking().Where(d => d.Source == IndicatorSource.Entered).ToListAsync(ct)).OrderBy(d => d.SortOrder).ToList();
        Units = IndicatorInput.UnitChoices(snap, db.Scope);
        var ids = Units.Select(u => u.Id).ToArray();
        var rows = await db.Set<IndicatorValue>().AsNoTracking().Where(v => ids.Contains(v.OrgUnitId))
            .Select(v => new { v.Id, v.Indicator!.Name, v.Indicator.Unit, v.OrgUnitId, v.Year, v.Value, v.SourceNote, v.EnteredBy, v.EnteredAt })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Name, r.Unit, snap.Find(r.OrgUnitId)?.Name ?? string.Empty, r.Year, r.Value, r.SourceNote, r.EnteredBy, r.EnteredAt))
            .OrderByDescending(r => r.Year).ThenBy(r => r.Indicator, StringComparer.Ordinal).ToList();
    }
}
