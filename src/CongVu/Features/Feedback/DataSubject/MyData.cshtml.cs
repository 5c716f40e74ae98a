using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CongVu.Features.Feedback.DataSubject;

/// <summary>The complainant's copy of their data and erasure of their contact details, behind the tracking code plus the phone or e-mail they gave.</summary>
[AllowAnonymous]
[EnableRateLimiting(SecuritySetup.PublicFormLimiter)]
[RequestSizeLimit(16 * 1024)]
public sealed class MyDataModel(SubjectRights rights) : PageModel
{
    public const string ProofError = "Thông tin xác minh không khớp với số điện thoại hoặc thư điện tử đã gửi kèm ý kiến.";

    [BindProperty]
    public string? Proof { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public string Code { get; private set; } = string.Empty;

    public bool HasPersonalData { get; private set; }

    public bool CanProve { get; private set; }

    public bool Erased { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var item = await rights.FindAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        Show(item);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(string code, CancellationToken ct)
    {
        var item = await rights.FindAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        if (!rights.Proves(item, Proof))
        {
            Error = ProofError;
            Show(item);
            return Page();
        }

        var json = await rights.ExportAsync(item, ct);
        return File(json, "application/json; charset=utf-8", "congvu-" + item.TrackingCode + ".json");
    }

    public async Task<IActionResult> OnPostEraseAsync(string code, CancellationToken ct)
    {
        var item = await rights.FindAsync(code, ct);
        if (item is null)
        {
            return NotFound();
        }

        if (!rights.Proves(item, Proof))
        {
            Error = ProofError;
        }
        else if (!Confirm)
        {
            Error = "Vui lòng đánh dấu ô xác nhận yêu cầu xóa.";
        }

        if (Error is null)
        {
            Erased = await rights.EraseContactAsync(item, "request", ct);
        }

        Show(item);
        return Page();
    }

    private void Show(FeedbackItem item)
    {
        Code = item.TrackingCode;
        HasPersonalData = SubjectRights.HasPersonalData(item);
        CanProve = item.ContactPhoneProtected is not null || item.ContactEmailProtected is not null;
    }
}
