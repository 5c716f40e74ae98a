using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Features.Reviews.Rules;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

/// <summary>A member's own self-assessment: points and a note per sub-criterion, the proposed level and the form (2A/2B/2C).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MineModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class ScoreInput
    {
        public int ItemId { get; set; }

        public string? Points { get; set; }

        public string? Note { get; set; }
    }

    public RatingYear? Year { get; private set; }

    public MemberReview? Review { get; private set; }

    public string? Problem { get; private set; }

    [BindProperty]
    public List<ScoreInput> Scores { get; set; } = [];

    [BindProperty]
    public ReviewForm Form { get; set; } = ReviewForm.Form2B;

    [BindProperty]
    public RatingLevel? Level { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public bool Editable => Review is null || Review.State == ReviewState.Draft;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Year is not null)
        {
            Form = Review?.Form ?? ReviewForm.Form2B;
            Level = Review?.SelfLevel;
            Summary = Review?.SelfSummary;
            Scores = Year.ScoreItems.Select(i =>
            {
                var s = Review?.Scores.FirstOrDefault(x => x.ScoreItemId == i.Id);
                return new ScoreInput { ItemId = i.Id, Points = s?.SelfPoints?.ToString("0.##", CultureInfo.InvariantCulture), Note = s?.SelfNote };
            }).ToList();
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(true, ct);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        var roll = await LoadAsync(ct);
        if (Year is null || roll is null)
        {
            return Page();
        }

        if (!roll.IsRated)
        {
            ModelState.AddModelError(string.Empty, "Đồng chí không thuộc diện đánh giá năm này: " + roll.ExclusionReason + ".");
            return Page();
        }

        if (!Editable)
        {
            ModelState.AddModelError(string.Empty, "Bản tự đánh giá đã nộp, không sửa được.");
            return Page();
        }

        if (!Enum.IsDefined(Form))
        {
            ModelState.AddModelError(nameof(Form), "Chọn mẫu phiếu.");
        }

        var parsed = new Dictionary<int, (decimal? Points, string? Note)>();
        for (var n = 0; n < Scores.Count; n++)
        {
            var s = Scores[n];
            var item = Year.ScoreItems.FirstOrDefault(i => i.Id == s.ItemId);
            if (item is null)
            {
                continue;
            }

            decimal? points = null;
            if (!string.IsNullOrWhiteSpace(s.Points))
            {
                if (decimal.TryParse(s.Points.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) && p >= 0 && p <= item.MaxPoints)
                {
                    points = p;
                }
                else
                {
                    ModelState.AddModelError($"Scores[{n}].Points", $"{item.Code}: điểm phải từ 0 đến {item.MaxPoints:0.##}.");
                }
            }
            else if (submit)
            {
                ModelState.AddModelError($"Scores[{n}].Points", $"{item.Code}: nhập điểm tự chấm.");
            }

            parsed[item.Id] = (points, s.Note?.Trim());
        }

        if (submit && (Level is null || !Enum.IsDefined(Level.Value)))
        {
            ModelState.AddModelError(nameof(Level), "Chọn mức tự xếp loại.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var review = Review ?? new MemberReview { RatingYearId = Year.Id, PersonId = roll.PersonId, OrgUnitId = roll.CellId };
        review.Form = Form;
        review.SelfLevel = Level;
        review.SelfSummary = Summary?.Trim();
        foreach (var (itemId, value) in parsed)
        {
            var row = review.Scores.FirstOrDefault(x => x.ScoreItemId == itemId);
            if (row is null)
            {
                row = new ReviewScore { ScoreItemId = itemId };
                review.Scores.Add(row);
            }

            row.SelfPoints = value.Points;
            row.SelfNote = value.Note;
        }

        if (submit)
        {
            review.State = ReviewState.SelfSubmitted;
            review.SelfSubmittedAt = time.GetUtcNow().UtcDateTime;
        }

        if (Review is null)
        {
            db.Add(review);
        }

        audit.RecordSaved(submit ? "review.self-submit" : "review.self-save", "member-review", () => review.Id, review.OrgUnitId, null, new { review.State, review.SelfLevel, Total = review.Scores.Sum(s => s.SelfPoints ?? 0) });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = submit ? "Đã nộp bản tự kiểm điểm." : "Đã lưu bản nháp.";
        return Redirect("/staff/reviews/mine");
    }

    private async Task<RollMember?> LoadAsync(CancellationToken ct)
    {
        var personId = CycleAccess.PersonId(User);
        var membership = personId is null ? null : await db.Memberships.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.PersonId == personId, ct);
        if (membership is null)
        {
            Problem = "Tài khoản chưa gắn với hồ sơ đảng viên.";
            return null;
        }

        var snap = await tree.GetAsync(ct);
        Year = await CycleAccess.CurrentYearForAsync(db, snap, membership.OrgUnitId, ct);
        if (Year is null)
        {
            Problem = "Chưa có năm đánh giá nào đang mở cho chi bộ của đồng chí.";
            return null;
        }

        Year.ScoreItems.Sort((a, b) => a.SortOrder.CompareTo(b.SortOrder));
        // The scope filter is lifted for exactly the user's own review.
        Review = await db.Set<MemberReview>().IgnoreQueryFilters().Include(r => r.Scores).FirstOrDefaultAsync(r => r.RatingYearId == Year.Id && r.PersonId == personId, ct);
        var name = await db.People.IgnoreQueryFilters().Where(p => p.Id == personId).Select(p => p.FullName).FirstAsync(ct);
        var reason = membership.Status is MemberStatus.Active or MemberStatus.ExemptFromActivities or MemberStatus.Suspended
            ? YearRoll.ExclusionReason(membership.Status, membership.AdmittedOn, Year.PeriodEnd)
            : "Không còn trong danh sách đảng viên của đảng bộ";
        if (reason is not null)
        {
            Problem = "Đồng chí không thuộc diện đánh giá năm này: " + reason + ".";
        }

        return new RollMember(personId!.Value, name, membership.OrgUnitId, membership.Status, membership.AdmittedOn, reason);
    }
}
