using System.ComponentModel.DataAnnotations;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.Units;

/// <summary>
/// Ends a unit (dissolution, merger, rename). With a successor, a cell's members on the roll move to it
/// and the old unit's records stay under its own name, reachable from the successor.
/// </summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class EndModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(10, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Units.LastDay")]
        public string? LastDay { get; set; }

        [Display(Name = "Units.Successor")]
        public int? SuccessorId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Units.Basis")]
        public string? Basis { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OrgNode? Unit { get; private set; }

    public List<OrgNode> Candidates { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.LastDay = Formats.Date(VietnamTime.Today(time));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var snap = await tree.GetAsync(ct);
        if (!Formats.TryParseDate(Input.LastDay, out var last))
        {
            ModelState.AddModelError("Input.LastDay", "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.");
        }
        else if (last < Unit!.ValidFrom)
        {
            ModelState.AddModelError("Input.LastDay", "Ngày kết thúc phải sau ngày thành lập đơn vị.");
        }
        else if (snap.Children(id).Any(c => c.ValidTo is null || c.ValidTo > last))
        {
            ModelState.AddModelError(string.Empty, "Đơn vị còn đơn vị trực thuộc đang hoạt động: hãy kết thúc hoặc chuyển chúng trước.");
        }

        var next = last.AddDays(1);
        if (Input.SuccessorId is int sid && !Candidates.Any(c => c.Id == sid && c.IsValidOn(next)))
        {
            ModelState.AddModelError("Input.SuccessorId", "Đơn vị tiếp nhận phải cùng loại, thuộc phạm vi của bạn và tồn tại vào ngày hôm sau.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A cell's living members go to the successor; without one, the cell must be empty first.
        var members = Unit!.Kind == OrgUnitKind.PartyCell
            ? await db.Memberships.Include(m => m.Periods).Include(m => m.Person)
                .Where(m => m.OrgUnitId == id && (m.Status == MemberStatus.Active || m.Status == MemberStatus.ExemptFromActivities || m.Status == MemberStatus.Suspended))
                .ToListAsync(ct)
            : [];
        if (members.Count > 0 && Input.SuccessorId is null)
        {
            ModelState.AddModelError("Input.SuccessorId", $"Chi bộ còn {members.Count} đảng viên: chọn chi bộ tiếp nhận hoặc chuyển họ trước.");
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var m in members)
        {
            var error = MembershipLedger.Apply(m, MembershipChange.Merger, next, Input.SuccessorId, Input.Basis, now, User.Identity?.Name);
            if (error is not null)
            {
                ModelState.AddModelError(string.Empty, $"{m.Person?.FullName}: {error}");
                return Page();
            }
        }

        var entity = await db.OrgUnits.SingleAsync(u => u.Id == id, ct);
        entity.ValidTo = last;
        if (Input.SuccessorId is int successor)
        {
            db.OrgUnitSuccessions.Add(new OrgUnitSuccession { PredecessorId = id, SuccessorId = successor, EffectiveOn = next, Basis = Input.Basis!.Trim() });
        }

        audit.Record("unit.end", "unit", id, id, after: new { ValidTo = last, Input.SuccessorId, Input.Basis, MembersMoved = members.Count });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        tree.Invalidate();
        TempData["Flash"] = members.Count > 0
            ? $"Đã kết thúc {entity.Name}; {members.Count} đảng viên được chuyển sang đơn vị tiếp nhận."
            : $"Đã kết thúc {entity.Name}.";
        return Redirect($"/staff/org/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!db.Scope.CanSee(id))
        {
            return false;
        }

        var snap = await tree.GetAsync(ct);
        Unit = snap.Find(id);
        if (Unit is null || Unit.ValidTo is not null)
        {
            return false;
        }

        var kind = Unit.Kind;
        Candidates.AddRange(snap.Nodes(db.Scope.UnitIds.Where(x => x != id))
            .Where(n => n.Kind == kind && n.ValidTo is null).OrderBy(n => n.SortOrder).ThenBy(n => n.Name, StringComparer.Ordinal));
        return true;
    }
}
