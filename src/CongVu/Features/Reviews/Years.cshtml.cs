using System.ComponentModel.DataAnnotations;
using CongVu.Features.Conduct;
using CongVu.Features.Organisation;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

[Authorize(Policy = Policies.Staff)]
public sealed class YearsModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class OpenInput
    {
        [Display(Name = "Reviews.Committee")]
        public int CommitteeId { get; set; }

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        [Display(Name = "Reviews.Year")]
        public int Year { get; set; }

        [Display(Name = "Reviews.RuleSet")]
        public RuleSet RuleSet { get; set; } = RuleSet.Qd366;

        [Display(Name = "Reviews.ConductCode")]
        public int ConductCodeId { get; set; }

        [StringLength(10)]
        [Display(Name = "Reviews.PledgeDeadline")]
        public string? PledgeDeadline { get; set; }

        [StringLength(10)]
        [Display(Name = "Reviews.ReviewDeadline")]
        public string? ReviewDeadline { get; set; }

        [StringLength(10)]
        [Display(Name = "Reviews.Extension")]
        public string? Extension { get; set; }
    }

    public List<RatingYear> Years { get; private set; } = [];

    public List<OrgNode> Committees { get; } = [];

    public List<ConductCode> Codes { get; private set; } = [];

    public OrgTreeSnapshot? Snap { get; private set; }

    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = Infrastructure.Time.VietnamTime.Today(time);
        Input.Year = today.Year;
        Input.PledgeDeadline = Formats.Date(new DateOnly(today.Year, 3, 31));
        Input.ReviewDeadline = Formats.Date(new DateOnly(today.Year, 12, 31));
        Input.Extension = Formats.Date(new DateOnly(today.Year + 1, 1, 15));
        Input.ConductCodeId = Codes.FirstOrDefault()?.Id ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        if (!Committees.Any(c => c.Id == Input.CommitteeId))
        {
            ModelState.AddModelError("Input.CommitteeId", "Chọn đảng bộ xã thuộc phạm vi quản lý.");
        }

        var code = Codes.FirstOrDefault(c => c.Id == Input.ConductCodeId);
        if (code is null)
        {
            ModelState.AddModelError("Input.ConductCodeId", "Chọn phiên bản quy tắc ứng xử.");
        }

        if (!Enum.IsDefined(Input.RuleSet))
        {
            ModelState.AddModelError("Input.RuleSet", "Quy định không hợp lệ.");
        }

        if (!Formats.TryParseDate(Input.PledgeDeadline, out var pledge))
        {
            ModelState.AddModelError("Input.PledgeDeadline", "Hạn đăng ký cam kết không hợp lệ: nhập dd/mm/yyyy.");
        }

        if (!Formats.TryParseDate(Input.ReviewDeadline, out var review))
        {
            ModelState.AddModelError("Input.ReviewDeadline", "Hạn kiểm điểm không hợp lệ: nhập dd/mm/yyyy.");
        }

        DateOnly? extension = null;
        if (!string.IsNullOrWhiteSpace(Input.Extension))
        {
            if (Formats.TryParseDate(Input.Extension, out var ext))
            {
                extension = ext;
            }
            else
            {
                ModelState.AddModelError("Input.Extension", "Hạn gia hạn không hợp lệ: nhập dd/mm/yyyy.");
            }
        }

        if (ModelState.IsValid && (pledge.Year != Input.Year || review.Year != Input.Year))
        {
            ModelState.AddModelError("Input.ReviewDeadline", $"Hạn đăng ký cam kết và hạn kiểm điểm phải nằm trong năm {Input.Year}.");
        }

        if (ModelState.IsValid && extension is DateOnly e && e <= review)
        {
            ModelState.AddModelError("Input.Extension", "Hạn gia hạn phải sau hạn kiểm điểm.");
        }

        if (ModelState.IsValid && await db.Set<RatingYear>().AnyAsync(y => y.CommitteeId == Input.CommitteeId && y.Year == Input.Year, ct))
        {
            ModelState.AddModelError("Input.Year", $"Năm {Input.Year} của đảng bộ này đã được mở.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var full = await db.Set<ConductCode>().Include(c => c.Groups).ThenInclude(g => g.Criteria).AsSplitQuery().FirstAsync(c => c.Id == code!.Id, ct);
        var year = YearFactory.Create(Input.CommitteeId, Input.Year, Input.RuleSet, full, pledge, review, extension, time.GetUtcNow().UtcDateTime, User.Identity?.Name);
        db.Add(year);
        audit.RecordSaved("rating-year.open", "rating-year", () => year.Id, year.CommitteeId, after: new { year.Year, year.RuleSet, year.RuleSetVersion, year.ConductCodeId, year.PledgeDeadline, year.ReviewDeadline, year.ExtensionDeadline });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Đã mở năm đánh giá {year.Year}.";
        return Redirect($"/staff/reviews/years/{year.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Snap = await tree.GetAsync(ct);
        Years = await CycleAccess.VisibleYearsAsync(db, Snap, ct);
        Committees.AddRange(CycleAccess.VisibleCommittees(Snap, db.Scope).Select(Snap.Find).OfType<OrgNode>().OrderByDescending(c => c.ValidFrom));
        Codes = await db.Set<ConductCode>().AsNoTracking().OrderByDescending(c => c.ValidFrom).ToListAsync(ct);
    }
}
