using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Staff;

/// <summary>The apology-and-new-date letter for one dossier (Nghị định 118/2025/NĐ-CP): reset the date once, then download the DOCX.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class DossierLetterModel(AppDbContext db, OrgTree orgTree, IAuthorizationService authz, AuditLog audit, TimeProvider time, Schedules.WorkingCalendarProvider calendars) : PageModel
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public Dossier Dossier { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public DateOnly LatestApologyDay { get; private set; }

    /// <summary>Why no letter may be issued now; null when the form is offered.</summary>
    public string? Refusal { get; private set; }

    public bool CanHandle { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? ExtraDays { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanHandle)
        {
            return Forbid();
        }

        if (Refusal is not null)
        {
            ModelState.AddModelError(string.Empty, Refusal);
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        // State documents are numbered per issuing office and calendar year (Nghị định 30/2020/NĐ-CP).
        var yearStart = new DateTime(Today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-7);
        var number = 1 + await db.Set<Dossier>().CountAsync(d => d.OrgUnitId == Dossier.OrgUnitId && d.DueResetAt >= yearStart && d.ApologyNumber != null, ct);
        var before = new { Dossier.DueOn };
        if (ExtraDays is null)
        {
            ModelState.AddModelError(nameof(ExtraDays), "Vui lòng nhập số ngày làm việc gia hạn.");
            return Page();
        }

        if (DossierApology.Reset(Dossier, Today, ExtraDays.Value, Reason ?? string.Empty, number, now, Calendar) is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            return Page();
        }

        audit.Record("dossier.due-reset", "dossier", Dossier.Id.ToString(CultureInfo.InvariantCulture), Dossier.OrgUnitId, before,
            new { Dossier.DueOn, Dossier.OriginalDueOn, Dossier.ApologyNumber });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã hẹn lại ngày trả kết quả. Tải phiếu xin lỗi để gửi người dân.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Dossier.WasReset)
        {
            return NotFound();
        }

        var tree = await orgTree.GetAsync(ct);
        var commune = tree.CommuneOf(Dossier.OrgUnitId);
        var letter = DossierApology.LetterFor(Dossier, commune?.Name ?? "Xã", Calendar);
        return File(DossierApology.Docx(letter), DocxType, $"phieu-xin-loi-{Infrastructure.Text.VietnameseText.Slug(Dossier.Code)}.docx");
    }

    private Rules.WorkingDayCalendar Calendar { get; set; } = Rules.WorkingDayCalendar.Default;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Calendar = await calendars.GetAsync(ct);
        var dossier = await db.Set<Dossier>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dossier is null)
        {
            return false;
        }

        Dossier = dossier;
        Today = VietnamTime.Today(time);
        LatestApologyDay = Rules.DossierTimeliness.LatestApologyDay(dossier.DueOn, Calendar);
        Refusal = DossierApology.WhyNot(dossier, Today, Calendar);
        CanHandle = (await authz.AuthorizeAsync(User, FeedbackPolicies.Handle)).Succeeded;
        return true;
    }
}
