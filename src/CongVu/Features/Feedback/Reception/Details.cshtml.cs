using System.Globalization;
using CongVu.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Reception;

/// <summary>One reception session: its outcome, and each citizen's matter filed as a feedback item linked to it.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class DetailsModel(AppDbContext db, ReceptionService reception, IAuthorizationService authz) : PageModel
{
    public sealed record VisitRow(int ItemId, string Code, FeedbackKind Kind, FeedbackStatus Status, string Excerpt);

    public ReceptionSession Session { get; private set; } = null!;

    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public ReceptionStatus Status { get; set; }

    [BindProperty]
    public int? Citizens { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public FeedbackKind? Kind { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public bool ConsultsOthers { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Status = Session.Status;
        Citizens = Session.CitizensReceived;
        Notes = Session.OutcomeNotes;
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var errors = Citizens is null ? ["Vui lòng nhập số lượt công dân được tiếp."] : await reception.RecordAsync(Session, Status, Citizens.Value, Notes, ct);
        foreach (var e in errors)
        {
            ModelState.AddModelError(string.Empty, e);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Flash"] = "Đã cập nhật kết quả buổi tiếp.";
        return Redirect("/staff/feedback/tiep-dan/" + id.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostVisitAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            ModelState.AddModelError(nameof(Kind), "Vui lòng chọn loại vụ việc.");
        }

        if (string.IsNullOrWhiteSpace(Text) || Text.Length > 4000)
        {
            ModelState.AddModelError(nameof(Text), "Vui lòng nhập nội dung công dân trình bày (tối đa 4000 ký tự).");
        }

        if (Session.Status == ReceptionStatus.Cancelled)
        {
            ModelState.AddModelError(string.Empty, "Buổi tiếp đã hủy, không ghi vụ việc được.");
        }

        if (Session.On > Infrastructure.Time.VietnamTime.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>()))
        {
            ModelState.AddModelError(string.Empty, "Buổi tiếp chưa diễn ra.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var item = await reception.AddVisitAsync(Session, Kind!.Value, Text!, ConsultsOthers, ct);
        TempData["Flash"] = $"Đã tiếp nhận vụ việc, mã tra cứu {item.TrackingCode}.";
        return Redirect("/staff/feedback/tiep-dan/" + id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var session = await db.Set<ReceptionSession>().Include(s => s.Visits).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return false;
        }

        Session = session;
        CanEdit = (await authz.AuthorizeAsync(User, FeedbackPolicies.Handle)).Succeeded;
        var ids = session.Visits.Select(v => v.FeedbackItemId).ToList();
        Visits = (await db.Set<FeedbackItem>().AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.TrackingCode, f.Kind, f.Status, f.Text }).ToListAsync(ct))
            .Select(f => new VisitRow(f.Id, f.TrackingCode, f.Kind, f.Status, f.Text.Length > 120 ? f.Text[..120] + "…" : f.Text)).ToList();
        return true;
    }
}
