using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Public;

/// <summary>Public progress of one item by its tracking code: never the text's author, contact or photo.</summary>
[AllowAnonymous]
[EnableRateLimiting(Infrastructure.Security.SecuritySetup.PublicFormLimiter)]
public sealed class StatusModel(AppDbContext db, FeedbackService feedback, TimeProvider time) : PageModel
{
    public sealed record PublicView(
        string Code, FeedbackKind Kind, string Commune, DateOnly ReceivedOn, DateOnly DueOn, FeedbackStatus Status,
        FeedbackOutcome? Outcome, string? Answer, string? ReferredTo, DateOnly? AnsweredOn, bool Overdue, bool Apologised, bool Thanked, bool HasEvidence, int ReopenCount);

    public PublicView? Item { get; private set; }

    public bool IsNew { get; private set; }

    public bool CanReopen { get; private set; }

    [BindProperty]
    public string? ReopenReason { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int? moi, CancellationToken ct)
    {
        IsNew = moi == 1;
        var item = await FindAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        await ShowAsync(item, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(string code, CancellationToken ct)
    {
        var item = await FindAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        var reason = ReopenReason?.Trim();
        if (!feedback.CanReopen(item))
        {
            Error = "Ý kiến này không thể mở lại (đã quá thời hạn hoặc chưa được trả lời).";
        }
        else if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            Error = "Vui lòng nêu lý do mở lại (tối đa 2000 ký tự).";
        }

        if (Error is not null)
        {
            await ShowAsync(item, ct);
            return Page();
        }

        await feedback.ReopenAsync(item, reason!, ct);
        return Redirect("/tra-cuu/" + item.TrackingCode);
    }

    private async Task<FeedbackItem?> FindAsync(string code, CancellationToken ct)
    {
        var normal = TrackingCode.Normalize(code);
        if (normal is null)
        {
            return null;
        }

        // The code is the citizen's key: the unit scope does not apply to the person holding it.
        return await db.Set<FeedbackItem>().IgnoreQueryFilters().Include(f => f.Attachments.Where(a => a.Role == AttachmentRole.Evidence))
            .FirstOrDefaultAsync(f => f.TrackingCode == normal, ct);
    }

    private async Task ShowAsync(FeedbackItem item, CancellationToken ct)
    {
        var commune = await db.OrgUnits.AsNoTracking().Where(u => u.Id == item.CommuneId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var today = VietnamTime.Today(time);
        Item = new PublicView(item.TrackingCode, item.Kind, commune, item.ReceivedOn, item.DueOn, item.Status, item.Outcome,
            item.AnswerText, item.ReferredTo, item.AnsweredOn, item.IsOverdue(today), item.Apologised, item.Thanked,
            item.Attachments.Count > 0, item.ReopenCount);
        CanReopen = feedback.CanReopen(item);
    }
}
