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

namespace CongVu.Features.Portal.News;

/// <summary>Writes a post and moves it through draft → review → published (editor or admin of the commune).</summary>
[Authorize(Policy = Policies.NewsEdit)]
public sealed class EditModel(AppDbContext db, NewsDesk desk, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class PostInput
    {
        [Display(Name = "Tiêu đề")]
        [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
        [StringLength(200, ErrorMessage = "Tiêu đề tối đa 200 ký tự.")]
        public string? Title { get; set; }

        [Display(Name = "Sapo (tóm tắt)")]
        [Required(ErrorMessage = "Vui lòng nhập phần tóm tắt.")]
        [StringLength(600, ErrorMessage = "Phần tóm tắt tối đa 600 ký tự.")]
        public string? Lead { get; set; }

        [Display(Name = "Nội dung")]
        [Required(ErrorMessage = "Vui lòng nhập nội dung.")]
        [StringLength(100_000, ErrorMessage = "Nội dung quá dài.")]
        public string? Body { get; set; }

        [StringLength(200, ErrorMessage = "Tác giả tối đa 200 ký tự.")]
        public string? Byline { get; set; }

        [StringLength(100, ErrorMessage = "Chuyên mục tối đa 100 ký tự.")]
        public string? Category { get; set; }

        public string? PublishDate { get; set; }

        public string? PublishTime { get; set; }
    }

    [BindProperty]
    public PostInput Input { get; set; } = new();

    public NewsPost? Post { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            var local = VietnamTime.ToLocal(time.GetUtcNow().UtcDateTime);
            Input.PublishDate = Formats.Date(DateOnly.FromDateTime(local));
            Input.PublishTime = local.ToString("HH:mm", CultureInfo.InvariantCulture);
            return Page();
        }

        Post = await LoadAsync(id.Value, ct);
        if (Post is null)
        {
            return NotFound();
        }

        var at = VietnamTime.ToLocal(Post.PublishAt);
        Input = new PostInput
        {
            Title = Post.Title, Lead = Post.Lead, Body = Post.Body, Byline = Post.Byline, Category = Post.Category,
            PublishDate = Formats.Date(DateOnly.FromDateTime(at)), PublishTime = at.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? action, CancellationToken ct)
    {
        if (id is not null)
        {
            Post = await LoadAsync(id.Value, ct);
            if (Post is null)
            {
                return NotFound();
            }
        }

        var publishAt = ParsePublishAt();
        var state = action switch
        {
            "publish" => NewsState.Published,
            "review" => NewsState.Review,
            _ => NewsState.Draft,
        };
        int? communeId = Post?.OrgUnitId;
        if (communeId is null)
        {
            var snap = await tree.GetAsync(ct);
            communeId = int.TryParse(User.FindFirst(AppClaims.OrgUnit)?.Value, out var unit) ? snap.CommuneOf(unit)?.Id : null;
            if (communeId is null)
            {
                ModelState.AddModelError(string.Empty, "Tài khoản của bạn không thuộc một xã: không có cổng thông tin để đăng tin.");
            }
        }

        if (!ModelState.IsValid || publishAt is null || communeId is null)
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var before = Post is null ? null : Snapshot(Post);
        if (Post is null)
        {
            var taken = await db.Set<NewsPost>().IgnoreQueryFilters().Where(p => p.OrgUnitId == communeId).Select(p => p.Slug).ToListAsync(ct);
            Post = new NewsPost { OrgUnitId = communeId.Value, Slug = NewsText.UniqueSlug(Input.Title!, taken), CreatedAt = now };
            db.Set<NewsPost>().Add(Post);
        }

        Post.Title = Input.Title!.Trim();
        Post.Lead = Input.Lead!.Trim();
        Post.Body = Input.Body!;
        Post.Byline = string.IsNullOrWhiteSpace(Input.Byline) ? null : Input.Byline.Trim();
        Post.Category = string.IsNullOrWhiteSpace(Input.Category) ? null : Input.Category.Trim();
        Post.SearchText = NewsQueries.SearchTextOf(Post.Title, Post.Lead);
        Post.PublishAt = publishAt.Value;
        Post.State = state;
        Post.UpdatedAt = now;
        audit.RecordSaved(before is null ? "news.create" : "news.update", nameof(NewsPost), () => Post.Id, Post.OrgUnitId, before, Snapshot(Post));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = state switch
        {
            NewsState.Published when Post.PublishAt > now => "Đã lên lịch đăng bài lúc " + Formats.Date(Post.PublishAt) + ".",
            NewsState.Published => "Đã đăng bài.",
            NewsState.Review => "Đã gửi bài chờ duyệt.",
            _ => "Đã lưu bản nháp.",
        };
        return Redirect("/staff/news/" + Post.Id.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostPhotoAsync(int id, IFormFile? photo, string? caption, CancellationToken ct)
    {
        Post = await LoadAsync(id, ct);
        if (Post is null)
        {
            return NotFound();
        }

        // The post's own fields are not part of this form: only the photo's checks count.
        ModelState.Clear();
        string? type = null;
        byte[] data = [];
        if (photo is null || photo.Length == 0)
        {
            ModelState.AddModelError("photo", "Vui lòng chọn ảnh.");
        }
        else if (photo.Length > NewsText.MaxPhotoBytes)
        {
            ModelState.AddModelError("photo", "Ảnh quá lớn: tối đa 1,5 MB.");
        }
        else
        {
            using var ms = new MemoryStream();
            await photo.CopyToAsync(ms, ct);
            data = ms.ToArray();
            type = NewsText.PhotoType(data);
            if (type is null)
            {
                ModelState.AddModelError("photo", "Chỉ nhận ảnh JPEG hoặc PNG.");
            }
            else if (PhotoEncoder.Reencode(data) is { } encoded)
            {
                // What is stored is the re-encoded copy: sensible size, and no EXIF (GPS, camera) left in it.
                data = encoded.Data;
                type = encoded.ContentType;
            }
            else
            {
                type = null;
                ModelState.AddModelError("photo", "Không đọc được ảnh: tệp hỏng hoặc có quá nhiều điểm ảnh.");
            }
        }

        if (string.IsNullOrWhiteSpace(caption) || caption.Length > 500)
        {
            ModelState.AddModelError("caption", "Vui lòng nhập chú thích ảnh (tối đa 500 ký tự).");
        }

        if (!ModelState.IsValid)
        {
            var errors = ModelState.Where(e => e.Value is not null).SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();
            await OnGetAsync(id, ct);
            ModelState.Clear();
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(key, message);
            }

            return Page();
        }

        var order = Post.Photos.Count == 0 ? 1 : Post.Photos.Max(p => p.SortOrder) + 1;
        var row = new NewsPhoto { PostId = Post.Id, OrgUnitId = Post.OrgUnitId, ContentType = type!, Data = data, Caption = caption!.Trim(), SortOrder = order };
        db.Set<NewsPhoto>().Add(row);
        audit.RecordSaved("news.photo.add", nameof(NewsPost), Post.Id, Post.OrgUnitId, () => new { row.Id, row.Caption, row.ContentType, Bytes = data.Length });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã thêm ảnh.";
        return Redirect("/staff/news/" + Post.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<NewsPost?> LoadAsync(int id, CancellationToken ct) =>
        await (await desk.PostsAsync(User, ct)).Include(p => p.Photos.OrderBy(f => f.SortOrder)).FirstOrDefaultAsync(p => p.Id == id, ct);

    private DateTime? ParsePublishAt()
    {
        if (string.IsNullOrWhiteSpace(Input.PublishDate) && string.IsNullOrWhiteSpace(Input.PublishTime))
        {
            return time.GetUtcNow().UtcDateTime;
        }

        if (!Formats.TryParseDate(Input.PublishDate, out var day))
        {
            ModelState.AddModelError("Input.PublishDate", "Ngày đăng không hợp lệ: nhập dạng dd/MM/yyyy.");
            return null;
        }

        var clock = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(Input.PublishTime) && !TimeOnly.TryParseExact(Input.PublishTime.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out clock))
        {
            ModelState.AddModelError("Input.PublishTime", "Giờ đăng không hợp lệ: nhập dạng HH:mm.");
            return null;
        }

        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(clock, DateTimeKind.Unspecified), VietnamTime.Zone);
    }

    private static object Snapshot(NewsPost p) => new { p.Slug, p.Title, p.Lead, p.Byline, p.Category, State = p.State.ToString(), p.PublishAt, BodyLength = p.Body.Length };
}
