using System.Globalization;
using System.Security.Claims;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Text;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Households.Pages;

/// <summary>One household: its register entry (edit, leave) and its yearly facts (poverty under the year's standard, cultural family). Another commune's household is 404.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class DetailsModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time, IAuthorizationService authz) : PageModel
{
    public Household? Household { get; private set; }

    public List<HouseholdYear> Years { get; private set; } = [];

    public List<OrgNode> Hamlets { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public OrgTreeSnapshot? Tree { get; private set; }

    [BindProperty]
    public HouseholdInput Input { get; set; } = new();

    [BindProperty]
    public string? LeftOn { get; set; }

    [BindProperty]
    public string? FactYear { get; set; }

    [BindProperty]
    public HouseholdArea FactArea { get; set; } = HouseholdArea.Rural;

    [BindProperty]
    public string? FactIncome { get; set; }

    [BindProperty]
    public string? FactDeprivations { get; set; }

    [BindProperty]
    public bool FactCultural { get; set; }

    [BindProperty]
    public string? FactExclusion { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FactYear = (VietnamTime.Today(time).Year - 1).ToString(CultureInfo.InvariantCulture);
        FactCultural = true;
        await audit.RecordReadAsync("household", id, Household!.OrgUnitId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        Input.Check(ModelState, "Input.", Hamlets.Select(h => h.Id).Append(Household!.OrgUnitId).ToList(), VietnamTime.Today(time), out var members, out var registered);
        var number = Input.Number?.Trim() ?? string.Empty;
        if (ModelState.IsValid && await db.Set<Household>().AnyAsync(h => h.Id != id && h.OrgUnitId == Input.HamletId && h.Number == number, ct))
        {
            ModelState.AddModelError("Input.Number", "Số hộ này đã có trong sổ của ấp.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var h = Household!;
        var before = new { h.OrgUnitId, h.Number, h.HeadName, h.MembersCount, h.Address, h.RegisteredOn };
        h.OrgUnitId = Input.HamletId!.Value;
        h.Number = number;
        h.HeadName = Input.HeadName!.Trim();
        h.SearchName = VietnameseText.Fold(h.HeadName);
        h.MembersCount = members;
        h.Address = string.IsNullOrWhiteSpace(Input.Address) ? null : Input.Address.Trim();
        h.RegisteredOn = registered;
        h.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record("household.update", nameof(Household), h.Id, h.OrgUnitId, before, new { h.OrgUnitId, h.Number, h.HeadName, h.MembersCount, h.Address, h.RegisteredOn });
        await db.SaveChangesAsync(ct);
        Flash = "Đã lưu thông tin hộ.";
        return Redirect("/staff/ho-gia-dinh/" + id);
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var today = VietnamTime.Today(time);
        if (!Formats.TryParseDate(LeftOn, out var left) || left > today || left < Household!.RegisteredOn)
        {
            ModelState.AddModelError(nameof(LeftOn), "Nhập ngày ra khỏi sổ hợp lệ (dd/mm/yyyy), sau ngày vào sổ và không sau hôm nay.");
            return Page();
        }

        Household.LeftOn = left;
        Household.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Record("household.leave", nameof(Household), id, Household.OrgUnitId, null, new { LeftOn = left });
        await db.SaveChangesAsync(ct);
        Flash = "Đã ghi hộ ra khỏi sổ.";
        return Redirect("/staff/ho-gia-dinh/" + id);
    }

    public async Task<IActionResult> OnPostYearAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var today = VietnamTime.Today(time);
        if (!int.TryParse(FactYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2016 || year > today.Year)
        {
            ModelState.AddModelError(nameof(FactYear), $"Nhập năm từ 2016 đến {today.Year}.");
        }

        decimal? income = null;
        if (!string.IsNullOrWhiteSpace(FactIncome))
        {
            var digits = new string(FactIncome.Where(c => c is not ('.' or ',' or ' ')).ToArray());
            if (!decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > 1_000_000_000m)
            {
                ModelState.AddModelError(nameof(FactIncome), "Thu nhập bình quân là số đồng/người/tháng, ví dụ 1.200.000.");
            }
            else
            {
                income = parsed;
            }
        }

        var standard = PovertyStandard.For(year);
        if (!int.TryParse(FactDeprivations, NumberStyles.None, CultureInfo.InvariantCulture, out var deprivations) || deprivations > standard.IndicatorCount)
        {
            ModelState.AddModelError(nameof(FactDeprivations), $"Số chỉ số thiếu hụt là số từ 0 đến {standard.IndicatorCount}.");
        }

        if (!Enum.IsDefined(FactArea))
        {
            ModelState.AddModelError(nameof(FactArea), "Chọn khu vực nông thôn hoặc thành thị.");
        }

        if (!FactCultural && !CulturalFamilyRules.IsKnown(FactExclusion))
        {
            ModelState.AddModelError(nameof(FactExclusion), "Hộ không đạt gia đình văn hóa: chọn lý do.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = await db.Set<HouseholdYear>().SingleOrDefaultAsync(y => y.HouseholdId == id && y.Year == year, ct);
        var before = row is null ? null : new { row.Area, row.IncomePerPersonMonth, row.Deprivations, row.Poverty, row.CulturalFamily, row.CulturalExclusion };
        if (row is null)
        {
            row = new HouseholdYear { HouseholdId = id, Year = year, OrgUnitId = Household!.OrgUnitId };
            db.Set<HouseholdYear>().Add(row);
        }

        row.Area = FactArea;
        row.IncomePerPersonMonth = income;
        row.Deprivations = deprivations;
        row.Poverty = standard.Classify(FactArea, income, deprivations);
        row.CulturalFamily = FactCultural;
        row.CulturalExclusion = FactCultural ? null : FactExclusion;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = User.FindFirstValue(AppClaims.DisplayName) ?? User.Identity?.Name;
        audit.RecordSaved(before is null ? "household-year.create" : "household-year.update", nameof(HouseholdYear), () => row.Id, row.OrgUnitId, before,
            new { row.Year, row.Area, row.IncomePerPersonMonth, row.Deprivations, row.Poverty, row.CulturalFamily, row.CulturalExclusion, Standard = standard.Code });
        await db.SaveChangesAsync(ct);
        Flash = $"Đã lưu số liệu năm {year}.";
        return Redirect("/staff/ho-gia-dinh/" + id);
    }

    public static string PovertyKey(PovertyClass c) => c switch
    {
        PovertyClass.Poor => "Households.Poor",
        PovertyClass.NearPoor => "Households.NearPoor",
        _ => "Households.NotPoor",
    };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Household = await db.Set<Household>().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (Household is null)
        {
            return false;
        }

        Tree = await tree.GetAsync(ct);
        Hamlets = IndexModel.HamletChoices(Tree, db.Scope).Where(h => h.ValidTo is null).ToList();
        Years = (await db.Set<HouseholdYear>().AsNoTracking().Where(y => y.HouseholdId == id).ToListAsync(ct)).OrderByDescending(y => y.Year).ToList();
        CanEdit = (await authz.AuthorizeAsync(User, Policies.RegistryWrite)).Succeeded;
        if (Input.Number is null && Input.HeadName is null)
        {
            // The edit form starts from the register; a post of another form (year, leave) keeps it filled.
            Input = new HouseholdInput
            {
                HamletId = Household.OrgUnitId,
                Number = Household.Number,
                HeadName = Household.HeadName,
                MembersCount = Household.MembersCount.ToString(CultureInfo.InvariantCulture),
                Address = Household.Address,
                RegisteredOn = Formats.Date(Household.RegisteredOn),
            };
        }

        return true;
    }
}
