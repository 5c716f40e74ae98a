using System.Globalization;
using System.Security.Claims;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CongVu.Features.Feedback.Staff;

/// <summary>Intake of feedback received in person, by phone or at a reception session.</summary>
[Authorize(Policy = FeedbackPolicies.Handle)]
public sealed class NewModel(OrgTree orgTree, FeedbackService feedback) : PageModel
{
    public sealed class InputModel
    {
        public FeedbackChannel Channel { get; set; } = FeedbackChannel.InPerson;

        public FeedbackKind? Kind { get; set; }

        public string? Subject { get; set; }

        public string? Text { get; set; }

        public bool ConsultsOthers { get; set; }

        public string? ContactName { get; set; }

        public string? ContactPhone { get; set; }

        public bool Consent { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public static readonly FeedbackChannel[] Channels = [FeedbackChannel.InPerson, FeedbackChannel.Phone, FeedbackChannel.Reception];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var tree = await orgTree.GetAsync(ct);
        _ = int.TryParse(User.FindFirstValue(AppClaims.OrgUnit), CultureInfo.InvariantCulture, out var unitId);
        var commune = tree.CommuneOf(unitId);
        if (commune is null)
        {
            ModelState.AddModelError(string.Empty, "Tài khoản không thuộc một xã, phường nên không tiếp nhận được ý kiến.");
        }

        if (!Channels.Contains(Input.Channel))
        {
            ModelState.AddModelError("Input.Channel", "Vui lòng chọn hình thức tiếp nhận.");
        }

        if (Input.Kind is null || !Enum.IsDefined(Input.Kind.Value))
        {
            ModelState.AddModelError("Input.Kind", "Vui lòng chọn loại ý kiến.");
        }

        if (string.IsNullOrWhiteSpace(Input.Text) || Input.Text.Length > 4000)
        {
            ModelState.AddModelError("Input.Text", "Vui lòng nhập nội dung (tối đa 4000 ký tự).");
        }

        if (Input.Subject?.Length > 300 || Input.ContactName?.Length > 100 || Input.ContactPhone?.Length > 20)
        {
            ModelState.AddModelError(string.Empty, "Một trường quá dài.");
        }

        var hasContact = !string.IsNullOrWhiteSpace(Input.ContactName) || !string.IsNullOrWhiteSpace(Input.ContactPhone);
        if (hasContact && !Input.Consent)
        {
            ModelState.AddModelError("Input.Consent", "Cần ghi nhận người dân đồng ý cho lưu thông tin liên hệ.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var item = await feedback.FileAsync(
            new NewFeedback(Input.Kind!.Value, Input.Channel, commune!.Id, string.IsNullOrWhiteSpace(Input.Subject) ? FeedbackSubjectKind.None : FeedbackSubjectKind.Agency,
                null, null, Input.Subject, Input.Text!, hasContact ? FeedbackAnonymity.HiddenFromOfficial : FeedbackAnonymity.Anonymous,
                hasContact ? new FeedbackContact(Input.ContactName, Input.ContactPhone, null) : null, Input.Consent, Input.ConsultsOthers),
            ct);
        TempData["Flash"] = $"Đã tiếp nhận, mã tra cứu {item.TrackingCode}.";
        return Redirect("/staff/feedback/" + item.Id.ToString(CultureInfo.InvariantCulture));
    }
}
