using System.ComponentModel.DataAnnotations;
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

namespace CongVu.Features.Organisation.Units;

[Authorize(Policy = Policies.RegistryWrite)]
public sealed class NewModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Tree.Kind")]
        public OrgUnitKind Kind { get; set; } = OrgUnitKind.PartyCell;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Units.Name")]
        public string? Name { get; set; }

        [StringLength(80, ErrorMessage = "Validation.TooLong")]
        [RegularExpression("^[a-z0-9-]*$", ErrorMessage = "Validation.Code")]
        [Display(Name = "Units.Code")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(10, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Units.ValidFrom")]
        public string? ValidFrom { get; set; }

        [Display(Name = "Units.AdminUnit")]
        public int? AdminUnitId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OrgNode? Parent { get; private set; }

    public List<OrgUnitKind> Kinds { get; } = [];

    public List<OrgNode> AdminUnits { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Kind = Kinds.FirstOrDefault();
        Input.ValidFrom = Formats.Date(VietnamTime.Today(time));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Kinds.Contains(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Loại đơn vị này không đặt được dưới đơn vị đã chọn.");
        }

        if (!Formats.TryParseDate(Input.ValidFrom, out var from))
        {
            ModelState.AddModelError("Input.ValidFrom", "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.");
        }
        else if (from < Parent!.ValidFrom || (Parent.ValidTo is DateOnly end && from > end))
        {
            ModelState.AddModelError("Input.ValidFrom", "Đơn vị con phải bắt đầu trong thời gian đơn vị cấp trên tồn tại.");
        }

        if (Input.AdminUnitId is int admin && !AdminUnits.Any(a => a.Id == admin))
        {
            ModelState.AddModelError("Input.AdminUnitId", "Đơn vị hành chính không thuộc phạm vi quản lý của bạn.");
        }

        var code = string.IsNullOrWhiteSpace(Input.Code) ? VietnameseText.Slug(Input.Name) : Input.Code.Trim();
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.Code", "Cần một mã đơn vị (chữ thường không dấu, số, gạch ngang).");
        }
        else if (await db.OrgUnits.AnyAsync(u => u.Code == code, ct))
        {
            ModelState.AddModelError("Input.Code", $"Mã “{code}” đã được dùng cho đơn vị khác.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unit = new OrgUnit
        {
            ParentId = id,
            Kind = Input.Kind,
            Code = code,
            Name = Input.Name!.Trim(),
            SearchName = VietnameseText.Fold(Input.Name),
            AdminUnitId = Input.AdminUnitId,
            ValidFrom = from,
            SortOrder = 1000,
        };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        var parentPath = await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Path).SingleAsync(ct);
        unit.Path = parentPath + unit.Id + "/";
        audit.Record("unit.create", "unit", unit.Id, unit.Id, after: new { unit.Code, unit.Name, Kind = unit.Kind.ToString(), unit.ParentId, unit.ValidFrom });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        tree.Invalidate();
        TempData["Flash"] = $"Đã thêm {unit.Name}.";
        return Redirect($"/staff/org/{unit.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!db.Scope.CanSee(id))
        {
            return false;
        }

        var snap = await tree.GetAsync(ct);
        Parent = snap.Find(id);
        if (Parent is null)
        {
            return false;
        }

        Kinds.AddRange(AllowedChildren(Parent.Kind));
        AdminUnits.AddRange(snap.Nodes(db.Scope.UnitIds)
            .Where(n => OrgUnit.IsAdministrative(n.Kind) && n.ValidTo is null).OrderBy(n => n.Kind).ThenBy(n => n.SortOrder));
        return true;
    }

    /// <summary>Which kinds may sit under which: administrative units nest by level (district optional), party organisations likewise.</summary>
    public static OrgUnitKind[] AllowedChildren(OrgUnitKind parent) => parent switch
    {
        OrgUnitKind.Province => [OrgUnitKind.District, OrgUnitKind.Commune, OrgUnitKind.Agency],
        OrgUnitKind.District => [OrgUnitKind.Commune, OrgUnitKind.Agency],
        OrgUnitKind.Commune => [OrgUnitKind.Hamlet, OrgUnitKind.Agency],
        OrgUnitKind.ProvincialPartyCommittee => [OrgUnitKind.DistrictPartyCommittee, OrgUnitKind.CommunePartyCommittee, OrgUnitKind.PartyCell],
        OrgUnitKind.DistrictPartyCommittee => [OrgUnitKind.CommunePartyCommittee, OrgUnitKind.PartyCell],
        OrgUnitKind.CommunePartyCommittee => [OrgUnitKind.PartyCell, OrgUnitKind.CommunePartyCommittee],
        _ => [],
    };
}
