using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CongVu.Features.Feedback.Rules;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Staff;

[Authorize(Policy = FeedbackPolicies.Read)]
[RequestSizeLimit(ImageCheck.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ImageCheck.MaxBytes + (256 * 1024))]
public sealed partial class DetailsModel(AppDbContext db, FeedbackService feedback, IAuthorizationService authz, TimeProvider time) : PageModel
{
    public sealed class AnswerInput
    {
        public FeedbackOutcome? Outcome { get; set; }

        public string? Answer { get; set; }

        public string? ReferredTo { get; set; }

        public string? EvidenceText { get; set; }

        public bool Apologised { get; set; }

        public bool Thanked { get; set; }

        public string? ConductCodes { get; set; }
    }

    public FeedbackItem Item { get; private set; } = null!;

    public string Unit { get; private set; } = string.Empty;

    /// <summary>The signed-in user is the official the feedback is about: identity and contact stay hidden.</summary>
    public bool IsSubject { get; private set; }

    public bool CanHandle { get; private set; }

    public FeedbackContact? Contact { get; private set; }

    public bool HasContact => Item.ContactNameProtected is not null || Item.ContactPhoneProtected is not null || Item.ContactEmailProtected is not null;

    public DateOnly Today { get; private set; }

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    [BindProperty]
    public string? HideReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanHandle || IsSubject)
        {
            return Forbid();
        }

        Contact = await feedback.RevealContactAsync(Item, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanHandle || IsSubject)
        {
            return Forbid();
        }

        await feedback.StartAsync(Item, ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostHideAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanHandle || IsSubject)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(HideReason))
        {
            ModelState.AddModelError(nameof(HideReason), "Vui lòng nêu lý do ẩn.");
            return Page();
        }

        await feedback.HideAsync(Item, HideReason, ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanHandle || IsSubject)
        {
            return Forbid();
        }

        ModelState.Clear();
        var a = Answer;
        if (Item.Status == FeedbackStatus.Answered)
        {
            ModelState.AddModelError(string.Empty, "Ý kiến này đã được trả lời.");
        }

        if (a.Outcome is null || !Enum.IsDefined(a.Outcome.Value))
        {
            ModelState.AddModelError("Answer.Outcome", "Vui lòng chọn kết quả xử lý.");
        }

        if (string.IsNullOrWhiteSpace(a.Answer) || a.Answer.Length > 4000)
        {
            ModelState.AddModelError("Answer.Answer", "Vui lòng nhập nội dung trả lời (tối đa 4000 ký tự).");
        }

        if (a.Outcome == FeedbackOutcome.NotOurCompetence && string.IsNullOrWhiteSpace(a.ReferredTo))
        {
            ModelState.AddModelError("Answer.ReferredTo", "Vui lòng ghi rõ đã chuyển đến cơ quan nào.");
        }

        (string, string, byte[])? evidence = null;
        if (Evidence is { Length: > 0 })
        {
            evidence = await ReadEvidenceAsync(Evidence, ct);
        }

        // "Resolved" without proof is what citizens most complain of: require a text and a photo or document.
        if (a.Outcome == FeedbackOutcome.Resolved && (string.IsNullOrWhiteSpace(a.EvidenceText) || evidence is null))
        {
            ModelState.AddModelError("Answer.EvidenceText", "Kết quả “đã giải quyết” cần mô tả minh chứng kèm ảnh hoặc tài liệu.");
        }

        if (!string.IsNullOrWhiteSpace(a.ConductCodes))
        {
            var upheld = a.Outcome is FeedbackOutcome.Resolved or FeedbackOutcome.PartlyResolved;
            if (!upheld || Item.SubjectPersonId is null || Item.Kind is FeedbackKind.Khen or FeedbackKind.GopY)
            {
                ModelState.AddModelError("Answer.ConductCodes", "Chỉ gắn tiêu chí khi phản ánh, khiếu nại về một cán bộ được xác định là đúng.");
            }
            else if (!ConductCodesPattern().IsMatch(a.ConductCodes.Trim()))
            {
                ModelState.AddModelError("Answer.ConductCodes", "Mã tiêu chí viết cách nhau bằng dấu phẩy, ví dụ 3K-1, 3D-2.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var by = User.FindFirstValue(AppClaims.DisplayName) ?? User.Identity?.Name ?? string.Empty;
        await feedback.AnswerAsync(Item, new FeedbackAnswer(a.Outcome!.Value, a.Answer!, a.ReferredTo, a.EvidenceText, evidence, a.Apologised, a.Thanked, NormalizeCodes(a.ConductCodes), by), ct);
        TempData["Flash"] = "Đã lưu câu trả lời.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetAttachmentAsync(int id, int attachmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var file = Item.Attachments.FirstOrDefault(x => x.Id == attachmentId);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.Set<FeedbackItem>().Include(f => f.Attachments).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Today = VietnamTime.Today(time);
        Unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == item.OrgUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        IsSubject = item.SubjectPersonId is int subject
            && int.TryParse(User.FindFirstValue(AppClaims.Person), CultureInfo.InvariantCulture, out var me) && me == subject;
        CanHandle = (await authz.AuthorizeAsync(User, FeedbackPolicies.Handle)).Succeeded;
        return true;
    }

    private async Task<(string, string, byte[])?> ReadEvidenceAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > ImageCheck.MaxBytes)
        {
            ModelState.AddModelError(nameof(Evidence), "Tệp minh chứng quá lớn (tối đa 5 MB).");
            return null;
        }

        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        if (bytes.Length > 5 && bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return ("application/pdf", "minh-chung.pdf", bytes);
        }

        var type = ImageCheck.ContentTypeOf(bytes);
        var clean = type is null ? null : ImageCheck.StripMetadata(bytes);
        if (clean is null)
        {
            ModelState.AddModelError(nameof(Evidence), "Minh chứng phải là ảnh JPEG, PNG hoặc tệp PDF.");
            return null;
        }

        return (type!, type == "image/png" ? "minh-chung.png" : "minh-chung.jpg", clean);
    }

    private static string? NormalizeCodes(string? codes) =>
        string.IsNullOrWhiteSpace(codes) ? null : string.Join(",", codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct());

    [GeneratedRegex(@"^[A-Za-z0-9.\-]{1,20}(\s*,\s*[A-Za-z0-9.\-]{1,20})*$")]
    private static partial Regex ConductCodesPattern();
}
