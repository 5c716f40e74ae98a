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

namespace CongVu.Features.Initiatives.Works;

/// <summary>Adds or edits a public work of the user's commune (committee and its office).</summary>
// Only roles that may write reach the form; the scope decides which records.
[Authorize(Roles = Roles.Admin + "," + Roles.Committee)]
public sealed class EditModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class WorkInput
    {
        [Required(ErrorMessage = "Vui lòng nhập tên công trình.")]
        [StringLength(300, ErrorMessage = "Tên công trình tối đa 300 ký tự.")]
        public string? Name { get; set; }

        public PublicWorkKind Kind { get; set; } = PublicWorkKind.Road;

        public PublicWorkStatus Status { get; set; } = PublicWorkStatus.Planned;

        public int? HamletId { get; set; }

        public string? StartOn { get; set; }

        public string? CompletedOn { get; set; }

        [Range(0, 1_000_000, ErrorMessage = "Chiều dài không hợp lệ.")]
        public int? LengthMetres { get; set; }

        [StringLength(2000, ErrorMessage = "Mô tả tối đa 2000 ký tự.")]
        public string? Description { get; set; }
    }

    [BindProperty]
    public WorkInput Input { get; set; } = new();

    public PublicWork? Work { get; private set; }

    public List<OrgNode> Hamlets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } stop)
        {
            return stop;
        }

        if (Work is { } w)
        {
            Input = new WorkInput
            {
                Name = w.Name, Kind = w.Kind, Status = w.Status, HamletId = w.HamletId, StartOn = w.StartOn is null ? null : Formats.Date(w.StartOn),
                CompletedOn = w.CompletedOn is null ? null : Formats.Date(w.CompletedOn), LengthMetres = w.LengthMetres, Description = w.Description,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var commune = Work?.OrgUnitId ?? (await tree.GetAsync(ct)).CommuneOf(int.TryParse(User.FindFirst(AppClaims.OrgUnit)?.Value, out var u) ? u : 0)?.Id;
        if (commune is null)
        {
            ModelState.AddModelError(string.Empty, "Tài khoản của bạn không thuộc một xã.");
        }

        if (Input.HamletId is int h && Hamlets.All(x => x.Id != h))
        {
            ModelState.AddModelError("Input.HamletId", "Vui lòng chọn ấp trong xã.");
        }

        DateOnly? start = null, done = null;
        if (!string.IsNullOrWhiteSpace(Input.StartOn))
        {
            start = Formats.TryParseDate(Input.StartOn, out var s) ? s : null;
            if (start is null)
            {
                ModelState.AddModelError("Input.StartOn", "Ngày khởi công không hợp lệ: nhập dạng dd/MM/yyyy.");
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.CompletedOn))
        {
            done = Formats.TryParseDate(Input.CompletedOn, out var d) ? d : null;
            if (done is null)
            {
                ModelState.AddModelError("Input.CompletedOn", "Ngày hoàn thành không hợp lệ: nhập dạng dd/MM/yyyy.");
            }
        }

        if (!Enum.IsDefined(Input.Kind) || !Enum.IsDefined(Input.Status))
        {
            ModelState.AddModelError("Input.Kind", "Loại hoặc tình trạng công trình không hợp lệ.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var before = Work is null ? null : Snapshot(Work);
        var w = Work;
        if (w is null)
        {
            w = new PublicWork { Name = "", OrgUnitId = commune!.Value, CreatedAt = now };
            db.Set<PublicWork>().Add(w);
        }

        w.Name = Input.Name!.Trim();
        w.Kind = Input.Kind;
        w.Status = Input.Status;
        w.HamletId = Input.HamletId;
        w.StartOn = start;
        w.CompletedOn = done;
        w.LengthMetres = Input.LengthMetres;
        w.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        w.UpdatedAt = now;
        audit.RecordSaved(before is null ? "work.create" : "work.update", "public-work", () => w.Id, w.OrgUnitId, before, Snapshot(w));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã lưu công trình.";
        return Redirect("/staff/works/" + w.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<IActionResult?> PrepareAsync(int? id, CancellationToken ct)
    {
        if (!InitiativeAccess.IsCommittee(User))
        {
            return Forbid();
        }

        if (id is int existing)
        {
            Work = await db.Set<PublicWork>().FirstOrDefaultAsync(w => w.Id == existing, ct);
            if (Work is null)
            {
                return NotFound();
            }
        }

        var snap = await tree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        Hamlets = snap.Nodes(db.Scope.UnitIds).Where(n => n.Kind == OrgUnitKind.Hamlet && (Work is null ? n.IsValidOn(today) : n.ParentId == Work.OrgUnitId))
            .OrderBy(n => n.SortOrder).ToList();
        return null;
    }

    private static object Snapshot(PublicWork w) => new { w.Name, Kind = w.Kind.ToString(), Status = w.Status.ToString(), w.HamletId, w.StartOn, w.CompletedOn, w.LengthMetres, w.Description };
}
