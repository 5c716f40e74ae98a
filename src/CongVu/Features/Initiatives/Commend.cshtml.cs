using System.ComponentModel.DataAnnotations;
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

/// <summary>Records a commendation decision for an initiative, a person or a cell (committee and its office only).</summary>
// Only roles that may write reach the form; the scope decides which records.
[Authorize(Roles = Roles.Admin + "," + Roles.Committee)]
public sealed class CommendModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class CommendationInput
    {
        public int? InitiativeId { get; set; }

        public int? PersonId { get; set; }

        public int? CellId { get; set; }

        public CommendationLevel Level { get; set; } = CommendationLevel.District;

        public CommendationForm Form { get; set; } = CommendationForm.Certificate;

        [Required(ErrorMessage = "Vui lòng nhập số quyết định.")]
        [StringLength(60, ErrorMessage = "Số quyết định tối đa 60 ký tự.")]
        public string? DecisionNumber { get; set; }

        public string? DecidedOn { get; set; }

        [StringLength(200, ErrorMessage = "Người ký tối đa 200 ký tự.")]
        public string? IssuedBy { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập thành tích được khen.")]
        [StringLength(1000, ErrorMessage = "Thành tích tối đa 1000 ký tự.")]
        public string? Citation { get; set; }
    }

    [BindProperty]
    public CommendationInput Input { get; set; } = new();

    public string? Subject { get; private set; }

    public List<OrgNode> Cells { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? initiative, int? person, CancellationToken ct)
    {
        if (!InitiativeAccess.IsCommittee(User))
        {
            return Forbid();
        }

        Input.InitiativeId = initiative;
        Input.PersonId = initiative is null ? person : null;
        Input.DecidedOn = Formats.Date(VietnamTime.Today(time));
        return await SubjectAsync(ct) is null && (initiative is not null || person is not null) ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!InitiativeAccess.IsCommittee(User))
        {
            return Forbid();
        }

        var owner = await SubjectAsync(ct);
        if (owner is null)
        {
            ModelState.AddModelError("Input.CellId", "Vui lòng chọn mô hình, đảng viên hoặc chi bộ được khen trong phạm vi của bạn.");
        }

        if (!Formats.TryParseDate(Input.DecidedOn, out var decided) || decided > VietnamTime.Today(time))
        {
            ModelState.AddModelError("Input.DecidedOn", "Ngày quyết định không hợp lệ: nhập dạng dd/MM/yyyy, không sau hôm nay.");
        }

        if (!Enum.IsDefined(Input.Level) || !Enum.IsDefined(Input.Form))
        {
            ModelState.AddModelError("Input.Level", "Cấp khen hoặc hình thức khen không hợp lệ.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var c = new Commendation
        {
            OrgUnitId = owner!.Value, InitiativeId = Input.InitiativeId, PersonId = Input.InitiativeId is null ? Input.PersonId : null,
            CellId = Input.InitiativeId is null && Input.PersonId is null ? Input.CellId : null,
            Level = Input.Level, Form = Input.Form, DecisionNumber = Input.DecisionNumber!.Trim(), DecidedOn = decided,
            IssuedBy = string.IsNullOrWhiteSpace(Input.IssuedBy) ? null : Input.IssuedBy.Trim(), Citation = Input.Citation!.Trim(),
            RecordedAt = time.GetUtcNow().UtcDateTime, RecordedBy = User.Identity?.Name,
        };
        db.Set<Commendation>().Add(c);
        audit.RecordSaved("commendation.create", "commendation", () => c.Id, c.OrgUnitId, null,
            new { c.InitiativeId, c.PersonId, c.CellId, Level = c.Level.ToString(), Form = c.Form.ToString(), c.DecisionNumber, c.DecidedOn, c.IssuedBy, c.Citation });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi quyết định khen thưởng.";
        return Redirect(c.InitiativeId is int i ? "/staff/initiatives/" + i : c.PersonId is int p ? "/staff/people/" + p : "/staff/commendations");
    }

    /// <summary>The unit that will own the record (the subject's unit), or null when the subject is not in the user's scope.</summary>
    private async Task<int?> SubjectAsync(CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Cells = snap.Nodes(db.Scope.UnitIds).Where(n => n.Kind == OrgUnitKind.PartyCell).OrderBy(n => n.ValidTo is not null).ThenBy(n => n.SortOrder).ToList();
        if (Input.InitiativeId is int iid)
        {
            var i = await db.Set<Initiative>().AsNoTracking().Where(x => x.Id == iid).Select(x => new { x.Title, x.OrgUnitId }).FirstOrDefaultAsync(ct);
            Subject = i?.Title;
            return i?.OrgUnitId;
        }

        if (Input.PersonId is int pid)
        {
            var p = await db.People.AsNoTracking().Where(x => x.Id == pid).Select(x => new { x.FullName, x.OrgUnitId, Cell = x.Membership != null ? (int?)x.Membership.OrgUnitId : null }).FirstOrDefaultAsync(ct);
            Subject = p?.FullName;
            return p is null ? null : p.Cell ?? p.OrgUnitId;
        }

        if (Input.CellId is int cell && Cells.Any(c => c.Id == cell))
        {
            Subject = snap.Find(cell)?.Name;
            return cell;
        }

        return null;
    }
}
