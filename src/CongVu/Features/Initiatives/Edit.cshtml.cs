using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Initiatives;

/// <summary>Proposes a model or edits it until it is screened: a cell secretary for their own cell, the committee for any unit of its scope.</summary>
// Only roles that may write reach the form; the scope decides which records.
[Authorize(Roles = Roles.Admin + "," + Roles.Committee + "," + Roles.CellSecretary)]
public sealed class EditModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public const int TargetRows = 4;

    public sealed class TargetInput
    {
        [StringLength(200, ErrorMessage = "Tên chỉ tiêu tối đa 200 ký tự.")]
        public string? Name { get; set; }

        [StringLength(50, ErrorMessage = "Đơn vị tính tối đa 50 ký tự.")]
        public string? Unit { get; set; }

        public string? Target { get; set; }
    }

    public sealed class InitiativeInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên mô hình.")]
        [StringLength(300, ErrorMessage = "Tên mô hình tối đa 300 ký tự.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập mục tiêu.")]
        [StringLength(2000, ErrorMessage = "Mục tiêu tối đa 2000 ký tự.")]
        public string? Goal { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập người, tổ chức phụ trách.")]
        [StringLength(200, ErrorMessage = "Người phụ trách tối đa 200 ký tự.")]
        public string? OwnerName { get; set; }

        public ProposerKind Proposer { get; set; } = ProposerKind.Cell;

        public int? OrgUnitId { get; set; }

        public string? StartOn { get; set; }

        [StringLength(200, ErrorMessage = "Mã tiêu chí tối đa 200 ký tự.")]
        public string? CriterionCodes { get; set; }

        [StringLength(200, ErrorMessage = "Mã nội dung cam kết tối đa 200 ký tự.")]
        public string? PledgeItemIds { get; set; }

        public int? ReplicatedFromId { get; set; }

        public List<TargetInput> Targets { get; set; } = [];
    }

    [BindProperty]
    public InitiativeInput Input { get; set; } = new();

    public Initiative? Initiative { get; private set; }

    public List<OrgNode> Units { get; private set; } = [];

    public List<(int Id, string Title)> Typical { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } stop)
        {
            return stop;
        }

        if (Initiative is { } i)
        {
            Input = new InitiativeInput
            {
                Title = i.Title, Goal = i.Goal, OwnerName = i.OwnerName, Proposer = i.Proposer, OrgUnitId = i.OrgUnitId, StartOn = Formats.Date(i.StartOn),
                CriterionCodes = i.CriterionCodes, PledgeItemIds = i.PledgeItemIds, ReplicatedFromId = i.ReplicatedFromId,
                Targets = i.Targets.OrderBy(t => t.SortOrder).Select(t => new TargetInput { Name = t.Name, Unit = t.Unit, Target = t.Target.ToString("0.##", CultureInfo.InvariantCulture) }).ToList(),
            };
        }
        else
        {
            Input.StartOn = Formats.Date(VietnamTime.Today(time));
            Input.OrgUnitId = Units.Count == 1 ? Units[0].Id : null;
        }

        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } stop)
        {
            return stop;
        }

        if (Input.OrgUnitId is not int unitId || Units.All(u => u.Id != unitId))
        {
            // A unit outside the user's own (a forged form) is refused like an empty choice.
            ModelState.AddModelError("Input.OrgUnitId", "Vui lòng chọn đơn vị thực hiện trong phạm vi của bạn.");
        }

        if (!Formats.TryParseDate(Input.StartOn, out var start))
        {
            ModelState.AddModelError("Input.StartOn", "Ngày bắt đầu không hợp lệ: nhập dạng dd/MM/yyyy.");
        }

        if (Input.ReplicatedFromId is int from && Typical.All(t => t.Id != from))
        {
            ModelState.AddModelError("Input.ReplicatedFromId", "Chỉ nhân rộng được mô hình đã được công nhận tiêu biểu.");
        }

        // Links must point at real records: conduct criteria by code, pledge items the user can see.
        var codes = Split(Input.CriterionCodes);
        if (codes.Length > 0)
        {
            var known = await db.Set<Conduct.Criterion>().Where(c => codes.Contains(c.Code)).Select(c => c.Code).Distinct().ToListAsync(ct);
            if (codes.Except(known, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } unknown)
            {
                ModelState.AddModelError("Input.CriterionCodes", $"Không có tiêu chí mã \"{unknown}\" trong chuẩn mực đạo đức.");
            }
        }

        var itemIds = Split(Input.PledgeItemIds);
        if (itemIds.Length > 0)
        {
            var numbers = itemIds.Select(x => int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
            var found = await db.Set<Pledges.Pledge>().SelectMany(p => p.Items).Where(x => numbers.Contains(x.Id)).CountAsync(ct);
            if (numbers.Contains(-1) || found != numbers.Distinct().Count())
            {
                ModelState.AddModelError("Input.PledgeItemIds", "Số nội dung cam kết không đúng hoặc không thuộc chi bộ của bạn.");
            }
        }

        var targets = new List<InitiativeTarget>();
        for (var k = 0; k < Input.Targets.Count; k++)
        {
            var t = Input.Targets[k];
            if (string.IsNullOrWhiteSpace(t.Name) && string.IsNullOrWhiteSpace(t.Target))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(t.Name) || string.IsNullOrWhiteSpace(t.Unit) || !decimal.TryParse(t.Target?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                ModelState.AddModelError($"Input.Targets[{k}].Target", $"Chỉ tiêu {k + 1}: ghi tên, đơn vị tính và con số lớn hơn 0.");
                continue;
            }

            targets.Add(new InitiativeTarget { Name = t.Name.Trim(), Unit = t.Unit.Trim(), Target = value, SortOrder = targets.Count + 1 });
        }

        if (targets.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Targets[0].Name", "Vui lòng ghi ít nhất một kết quả đo được (ví dụ: km đường hoa, học sinh được giúp đỡ).");
        }

        if (!ModelState.IsValid)
        {
            Pad();
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var before = Initiative is null ? null : Snapshot(Initiative);
        var i = Initiative;
        if (i is null)
        {
            i = new Initiative { OwnerName = "", Title = "", Goal = "", CreatedAt = now };
            i.Events.Add(new InitiativeEvent { To = InitiativeStatus.Proposed, OnDate = VietnamTime.Today(time), By = User.Identity?.Name, At = now });
            db.Set<Initiative>().Add(i);
        }
        else
        {
            // Targets keep their ids (figures point at them): update in place, add new ones, drop unused ones.
            var existing = i.Targets.OrderBy(t => t.SortOrder).ToList();
            for (var k = 0; k < targets.Count; k++)
            {
                if (k < existing.Count)
                {
                    existing[k].Name = targets[k].Name;
                    existing[k].Unit = targets[k].Unit;
                    existing[k].Target = targets[k].Target;
                    existing[k].SortOrder = k + 1;
                }
                else
                {
                    i.Targets.Add(targets[k]);
                }
            }

            var used = await db.Set<InitiativeFigure>().Where(f => existing.Select(t => t.Id).Contains(f.TargetId)).Select(f => f.TargetId).ToListAsync(ct);
            foreach (var extra in existing.Skip(targets.Count).Where(t => !used.Contains(t.Id)))
            {
                i.Targets.Remove(extra);
                db.Remove(extra);
            }

            targets.Clear();
        }

        i.Targets.AddRange(targets);
        i.Title = Input.Title!.Trim();
        i.Goal = Input.Goal!.Trim();
        i.OwnerName = Input.OwnerName!.Trim();
        i.Proposer = Enum.IsDefined(Input.Proposer) ? Input.Proposer : ProposerKind.Cell;
        i.OrgUnitId = Input.OrgUnitId!.Value;
        i.StartOn = start;
        i.CriterionCodes = Clean(Input.CriterionCodes);
        i.PledgeItemIds = Clean(Input.PledgeItemIds);
        i.ReplicatedFromId = Input.ReplicatedFromId;
        i.UpdatedAt = now;
        audit.RecordSaved(before is null ? "initiative.propose" : "initiative.update", "initiative", () => i.Id, i.OrgUnitId, before, Snapshot(i));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = before is null ? "Đã gửi đề xuất mô hình." : "Đã lưu mô hình.";
        return Redirect("/staff/initiatives/" + i.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<IActionResult?> PrepareAsync(int? id, CancellationToken ct)
    {
        if (!InitiativeAccess.CanPropose(User))
        {
            return Forbid();
        }

        if (id is int existing)
        {
            Initiative = await db.Set<Initiative>().Include(i => i.Targets).FirstOrDefaultAsync(i => i.Id == existing, ct);
            if (Initiative is null)
            {
                return NotFound();
            }

            if (!InitiativeAccess.CanManage(User, db.Scope, Initiative))
            {
                return Forbid();
            }

            if (!InitiativeWorkflow.Editable(Initiative.Status))
            {
                TempData["Flash"] = "Mô hình đã được thẩm định: không sửa được nữa.";
                return Redirect("/staff/initiatives/" + existing.ToString(CultureInfo.InvariantCulture));
            }
        }

        var snap = await tree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        Units = snap.Nodes(db.Scope.UnitIds)
            .Where(n => n.Kind is OrgUnitKind.PartyCell or OrgUnitKind.CommunePartyCommittee or OrgUnitKind.Agency && (n.IsValidOn(today) || n.Id == Initiative?.OrgUnitId))
            .OrderBy(n => n.Kind).ThenBy(n => n.SortOrder).ToList();
        var communes = Units.Select(u => snap.CommuneOf(u.Id)?.Id).OfType<int>().Distinct().ToArray();
        var reach = communes.SelectMany(c => snap.Scope(snap.CommitteeOf(c)?.Id ?? c)).Distinct().ToArray();
        // Typical models are public: a cell may replicate any of its commune's, beyond its own scope.
        var typical = await db.Set<Initiative>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Status == InitiativeStatus.Typical && reach.Contains(i.OrgUnitId)).Select(i => new { i.Id, i.Title }).ToListAsync(ct);
        Typical = typical.Select(t => (t.Id, t.Title)).OrderBy(t => t.Title, StringComparer.Ordinal).ToList();
        return null;
    }

    private void Pad()
    {
        while (Input.Targets.Count < TargetRows)
        {
            Input.Targets.Add(new TargetInput());
        }
    }

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static string? Clean(string? list)
    {
        var parts = Split(list);
        return parts.Length == 0 ? null : string.Join(',', parts);
    }

    private static object Snapshot(Initiative i) => new
    {
        i.Title, i.Goal, i.OwnerName, Proposer = i.Proposer.ToString(), i.OrgUnitId, i.StartOn, i.CriterionCodes, i.PledgeItemIds, i.ReplicatedFromId,
        Targets = i.Targets.OrderBy(t => t.SortOrder).Select(t => new { t.Name, t.Unit, t.Target }),
    };
}
