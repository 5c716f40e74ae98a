using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CongVu.Features.Feedback.Rules;
using CongVu.Features.Organisation;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Feedback.Public;

[AllowAnonymous]
[EnableRateLimiting(Infrastructure.Security.SecuritySetup.PublicFormLimiter)]
[RequestSizeLimit(SubmitModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = SubmitModel.MaxRequestBytes)]
public sealed class SubmitModel(AppDbContext db, OrgTree orgTree, FeedbackService feedback, ReadCache figures, IDataProtectionProvider protection, TimeProvider time, IConfiguration config) : PageModel
{
    public const int MaxRequestBytes = ImageCheck.MaxBytes + (256 * 1024);
    public const int MaxText = 4000;

    public sealed class InputModel
    {
        public FeedbackKind? Kind { get; set; }

        public string? Xa { get; set; }

        public int? OfficialId { get; set; }

        public int? UnitId { get; set; }

        public string? Dossier { get; set; }

        public string? Text { get; set; }

        public FeedbackAnonymity Anonymity { get; set; } = FeedbackAnonymity.Anonymous;

        public string? ContactName { get; set; }

        public string? ContactPhone { get; set; }

        public string? ContactEmail { get; set; }

        public bool Consent { get; set; }

        /// <summary>Honeypot: people do not see it; robots fill it.</summary>
        public string? Website { get; set; }

        /// <summary>When the form was served, signed, for the minimum fill time.</summary>
        public string? Stamp { get; set; }
    }

    public sealed record Option(int Id, string Label);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Photo { get; set; }

    public IReadOnlyList<OrgNode> Communes { get; private set; } = [];

    public IReadOnlyList<Option> Officials { get; private set; } = [];

    public IReadOnlyList<Option> Units { get; private set; } = [];

    public string? Rejected { get; private set; }

    private IDataProtector StampProtector => protection.CreateProtector("CongVu.Feedback.FormStamp");

    public async Task OnGetAsync(string? xa, [FromQuery(Name = "can-bo")] string? canBo, CancellationToken ct)
    {
        Input.Xa = xa;
        if (int.TryParse(canBo, CultureInfo.InvariantCulture, out var official))
        {
            Input.OfficialId = official;
        }

        await LoadAsync(ct);
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        if (!string.IsNullOrEmpty(Input.Website) || !StampIsOldEnough())
        {
            // Robots and too-fast submissions are refused politely and nothing is stored.
            Rejected = "Biểu mẫu được gửi quá nhanh hoặc đã hết hạn. Vui lòng kiểm tra nội dung và gửi lại.";
            Input.Stamp = NewStamp();
            await LoadChoicesAsync(ct);
            return Page();
        }

        // The lists of officials and units are needed to check a choice or to show the form again, not to file plain feedback.
        if (Input.OfficialId is not null || Input.UnitId is not null)
        {
            await LoadChoicesAsync(ct);
        }

        var commune = Communes.FirstOrDefault(c => c.Code == Input.Xa);
        if (Input.Kind is null || !Enum.IsDefined(Input.Kind.Value))
        {
            ModelState.AddModelError("Input.Kind", "Vui lòng chọn loại ý kiến.");
        }

        if (commune is null)
        {
            ModelState.AddModelError("Input.Xa", "Vui lòng chọn xã, phường.");
        }

        var text = Input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError("Input.Text", "Vui lòng nhập nội dung.");
        }
        else if (text.Length > MaxText)
        {
            ModelState.AddModelError("Input.Text", $"Nội dung quá dài (tối đa {MaxText} ký tự).");
        }

        if (Input.OfficialId is int oid && Officials.All(o => o.Id != oid))
        {
            ModelState.AddModelError("Input.OfficialId", "Cán bộ được chọn không thuộc xã này.");
        }

        if (Input.UnitId is int uid && Units.All(o => o.Id != uid))
        {
            ModelState.AddModelError("Input.UnitId", "Cơ quan, ấp được chọn không thuộc xã này.");
        }

        if (Input.Dossier?.Trim().Length > 50)
        {
            ModelState.AddModelError("Input.Dossier", "Số hồ sơ quá dài (tối đa 50 ký tự).");
        }

        if (!Enum.IsDefined(Input.Anonymity))
        {
            ModelState.AddModelError("Input.Anonymity", "Vui lòng chọn cách giữ danh tính.");
        }

        FeedbackContact? contact = null;
        if (Input.Anonymity == FeedbackAnonymity.HiddenFromOfficial)
        {
            contact = CheckContact();
        }

        (string, string, byte[])? photo = null;
        if (Photo is { Length: > 0 })
        {
            photo = await ReadPhotoAsync(Photo, ct);
        }

        if (!ModelState.IsValid)
        {
            Input.Stamp = NewStamp();
            await LoadChoicesAsync(ct);
            return Page();
        }

        var tree = await orgTree.GetAsync(ct);
        var subjectKind = Input.OfficialId is not null ? FeedbackSubjectKind.Official
            : Input.UnitId is int u ? (tree.Find(u)?.Kind == OrgUnitKind.Hamlet ? FeedbackSubjectKind.Hamlet : FeedbackSubjectKind.Agency)
            : !string.IsNullOrWhiteSpace(Input.Dossier) ? FeedbackSubjectKind.Dossier
            : FeedbackSubjectKind.None;
        var subjectText = string.Join(" · ", new[]
        {
            Officials.FirstOrDefault(o => o.Id == Input.OfficialId)?.Label,
            Units.FirstOrDefault(o => o.Id == Input.UnitId)?.Label,
            string.IsNullOrWhiteSpace(Input.Dossier) ? null : "Hồ sơ " + Input.Dossier.Trim(),
        }.Where(s => s is not null));
        var item = await feedback.FileAsync(
            new NewFeedback(Input.Kind!.Value, FeedbackChannel.Web, commune!.Id, subjectKind, Input.OfficialId, Input.UnitId,
                subjectText.Length == 0 ? null : subjectText, text!, Input.Anonymity, contact, Input.Consent, Photo: photo),
            ct);
        return Redirect("/tra-cuu/" + item.TrackingCode + "?moi=1");
    }

    private FeedbackContact? CheckContact()
    {
        var name = Input.ContactName?.Trim();
        var phone = Input.ContactPhone?.Trim();
        var email = Input.ContactEmail?.Trim();
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(phone) && string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError("Input.ContactName", "Vui lòng để lại ít nhất một thông tin liên hệ, hoặc chọn gửi ẩn danh.");
            return null;
        }

        if (name?.Length > 100)
        {
            ModelState.AddModelError("Input.ContactName", "Họ tên quá dài (tối đa 100 ký tự).");
        }

        if (!string.IsNullOrEmpty(phone) && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.' or '-')))
        {
            ModelState.AddModelError("Input.ContactPhone", "Số điện thoại không hợp lệ.");
        }

        if (!string.IsNullOrEmpty(email) && (email.Length > 200 || !new EmailAddressAttribute().IsValid(email)))
        {
            ModelState.AddModelError("Input.ContactEmail", "Địa chỉ thư điện tử không hợp lệ.");
        }

        if (!Input.Consent)
        {
            ModelState.AddModelError("Input.Consent", "Vui lòng đồng ý cho xử lý thông tin liên hệ, hoặc chọn gửi ẩn danh.");
        }

        return new FeedbackContact(name, phone, email);
    }

    private async Task<(string, string, byte[])?> ReadPhotoAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > ImageCheck.MaxBytes)
        {
            ModelState.AddModelError("Photo", "Ảnh quá lớn (tối đa 5 MB).");
            return null;
        }

        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        var type = ImageCheck.ContentTypeOf(bytes);
        var clean = type is null ? null : ImageCheck.StripMetadata(bytes);
        if (clean is null)
        {
            ModelState.AddModelError("Photo", "Chỉ nhận ảnh JPEG hoặc PNG.");
            return null;
        }

        return (type!, type == "image/png" ? "anh.png" : "anh.jpg", clean);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var tree = await orgTree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        Communes = tree.Communes.Where(c => c.IsValidOn(today)).ToList();
        Input.Stamp ??= NewStamp();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var commune = Communes.FirstOrDefault(c => c.Code == Input.Xa);
        if (commune is null || Units.Count > 0 || Officials.Count > 0)
        {
            return;
        }

        var tree = await orgTree.GetAsync(ct);
        var today = VietnamTime.Today(time);
        // What a citizen may name (the commune's agencies, hamlets and officials) is public and changes rarely: kept per
        // commune and day until units, people or posts change, not queried and sorted again on every view.
        var choices = await figures.GetOrComputeAsync(
            FormattableString.Invariant($"feedback-choices|{commune.Id}|{today:yyyy-MM-dd}"),
            ChoiceSources,
            token => ChoicesAsync(tree, commune, today, token),
            ct);
        Units = choices.Units;
        Officials = choices.Officials;
    }

    private sealed record Choices(IReadOnlyList<Option> Units, IReadOnlyList<Option> Officials);

    private static readonly Type[] ChoiceSources = [typeof(OrgUnit), typeof(Person), typeof(PublicPost)];

    private async Task<Choices> ChoicesAsync(OrgTreeSnapshot tree, OrgNode commune, DateOnly today, CancellationToken ct)
    {
        var children = tree.Children(commune.Id).Where(c => c.IsValidOn(today)).ToList();
        var agencyIds = children.Where(c => c.Kind == OrgUnitKind.Agency).Select(c => c.Id).ToList();
        var units = children.Where(c => c.Kind is OrgUnitKind.Agency or OrgUnitKind.Hamlet)
            .OrderBy(c => c.Kind).ThenBy(c => c.SortOrder)
            .Select(c => new Option(c.Id, c.Name)).ToList();
        // Officials by name and title from the commune's public posts: public information by law.
        var posts = await db.PublicPosts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => agencyIds.Contains(p.OrgUnitId) && p.From <= today && (p.To == null || p.To >= today))
            .Select(p => new { p.PersonId, p.Person!.FullName, p.Title, p.IsLeadership })
            .ToListAsync(ct);
        var officials = posts.GroupBy(p => p.PersonId)
            .Select(g => g.OrderByDescending(p => p.IsLeadership).First())
            .OrderByDescending(p => p.IsLeadership).ThenBy(p => p.FullName, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(p => new Option(p.PersonId, $"{p.FullName} — {p.Title}")).ToList();
        return new Choices(units, officials);
    }

    private string NewStamp() => StampProtector.Protect(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    private bool StampIsOldEnough()
    {
        try
        {
            var ticks = long.Parse(StampProtector.Unprotect(Input.Stamp ?? string.Empty), CultureInfo.InvariantCulture);
            var age = time.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
            var min = TimeSpan.FromSeconds(config.GetValue("Feedback:MinFillSeconds", 3));
            return age >= min && age <= TimeSpan.FromHours(12);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
