using System.ComponentModel.DataAnnotations;
using CongVu.Features.Organisation;
using CongVu.Features.Reviews;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Pledges;

/// <summary>One pledge; the cell secretary (or the committee) acknowledges it or returns it with a comment.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public Pledge? Pledge { get; private set; }

    public string Owner { get; private set; } = string.Empty;

    public string CellName { get; private set; } = string.Empty;

    public int Year { get; private set; }

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Pledges.ReturnComment")]
    public string? Comment { get; set; }

    // Nobody acknowledges their own pledge: a secretary's pledge goes to the committee.
    public bool CanAcknowledge => Pledge is not null && Pledge.State == PledgeState.Submitted && CycleAccess.CanAppraise(User) && db.Scope.CanSee(Pledge.OrgUnitId)
        && (Pledge.PersonId is null || Pledge.PersonId != CycleAccess.PersonId(User));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await audit.RecordReadAsync("pledge", id, Pledge!.OrgUnitId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct) => await DecideAsync(id, acknowledge: true, ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) => await DecideAsync(id, acknowledge: false, ct);

    private async Task<IActionResult> DecideAsync(int id, bool acknowledge, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanAcknowledge)
        {
            ModelState.AddModelError(string.Empty, "Chỉ bí thư chi bộ hoặc Đảng ủy xác nhận được bản cam kết đang chờ xác nhận.");
            return Page();
        }

        if (!acknowledge && string.IsNullOrWhiteSpace(Comment))
        {
            ModelState.AddModelError(nameof(Comment), "Ghi rõ lý do trả lại để đảng viên sửa.");
            return Page();
        }

        var before = new { Pledge!.State };
        Pledge.State = acknowledge ? PledgeState.Acknowledged : PledgeState.Returned;
        Pledge.ReturnComment = acknowledge ? null : Comment!.Trim();
        if (acknowledge)
        {
            Pledge.AcknowledgedAt = time.GetUtcNow().UtcDateTime;
            Pledge.AcknowledgedBy = User.Identity?.Name;
        }

        audit.Record(acknowledge ? "pledge.acknowledge" : "pledge.return", "pledge", id, Pledge.OrgUnitId, before, new { Pledge.State, Pledge.ReturnComment });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = acknowledge ? "Đã xác nhận bản cam kết." : "Đã trả lại bản cam kết kèm ý kiến.";
        return Redirect($"/staff/pledges/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var me = CycleAccess.PersonId(User);
        // Scoped read; a member's own pledge is the one row lifted out of the filter.
        Pledge = await db.Set<Pledge>().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? (me is null ? null : await db.Set<Pledge>().IgnoreQueryFilters().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id && p.PersonId == me, ct));
        if (Pledge is null)
        {
            return false;
        }

        var snap = await tree.GetAsync(ct);
        CellName = snap.Find(Pledge.OrgUnitId)?.Name ?? "?";
        Owner = Pledge.PersonId is int pid
            ? await db.People.IgnoreQueryFilters().Where(p => p.Id == pid).Select(p => p.FullName).FirstOrDefaultAsync(ct) ?? "?"
            : CellName;
        Year = await db.Set<RatingYear>().Where(y => y.Id == Pledge.RatingYearId).Select(y => y.Year).FirstAsync(ct);
        return true;
    }
}
