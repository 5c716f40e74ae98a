using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Reviews;

[Authorize(Policy = Policies.Staff)]
public sealed class YearModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public RatingYear? Year { get; private set; }

    public string CommitteeName { get; private set; } = string.Empty;

    public string? CodeTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStateAsync(int id, YearState to, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var from = Year!.State;
        // The cycle moves forward only: open → reviewing → published → closed.
        if ((int)to != (int)from + 1)
        {
            ModelState.AddModelError(string.Empty, "Chỉ chuyển sang bước kế tiếp của chu kỳ.");
            return Page();
        }

        if (to == YearState.Published)
        {
            var decisions = await db.Set<RatingDecision>().IgnoreQueryFilters()
                .Where(d => d.RatingYearId == id && d.IsCurrent && d.State != DecisionState.Published).ToListAsync(ct);
            var drafts = decisions.Count(d => d.State == DecisionState.Draft);
            if (drafts > 0)
            {
                ModelState.AddModelError(string.Empty, $"Còn {drafts} quyết định xếp loại chưa được chốt theo chi bộ (kiểm tra tỷ lệ xuất sắc): chốt hết trước khi công bố.");
                return Page();
            }

            foreach (var d in decisions)
            {
                d.State = DecisionState.Published;
            }

            Year.PublishedAt = time.GetUtcNow().UtcDateTime;
            audit.Record("rating-year.publish", "rating-year", id, Year.CommitteeId, new { State = from }, new { State = to, Decisions = decisions.Count });
        }
        else
        {
            audit.Record("rating-year.state", "rating-year", id, Year.CommitteeId, new { State = from }, new { State = to });
        }

        Year.State = to;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã chuyển năm đánh giá sang: " + RatingYear.StateName(to);
        return Redirect($"/staff/reviews/years/{id}");
    }

    /// <summary>QĐ 366-QĐ/TW: the commune breaks the framework down itself, but the groups stay 30 and 70 points.</summary>
    public async Task<IActionResult> OnPostBreakdownAsync(int id, Dictionary<int, string> points, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Year!.State != YearState.Open)
        {
            ModelState.AddModelError(string.Empty, "Chỉ sửa khung điểm khi năm còn đang mở.");
            return Page();
        }

        var values = new Dictionary<int, decimal>();
        foreach (var item in Year.ScoreItems)
        {
            var text = points.GetValueOrDefault(item.Id)?.Trim().Replace(',', '.');
            if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 0 && v <= 70)
            {
                values[item.Id] = v;
            }
            else
            {
                ModelState.AddModelError(string.Empty, $"{item.Code}: điểm tối đa không hợp lệ.");
            }
        }

        if (ModelState.IsValid)
        {
            var general = Year.ScoreItems.Where(i => i.Group == ScoreGroup.General).Sum(i => values[i.Id]);
            var results = Year.ScoreItems.Where(i => i.Group == ScoreGroup.Results).Sum(i => values[i.Id]);
            if (general != 30m || results != 70m)
            {
                ModelState.AddModelError(string.Empty, $"Nhóm tiêu chí chung phải cộng đủ 30 điểm (đang {general:0.##}) và nhóm kết quả 70 điểm (đang {results:0.##}).");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = Year.ScoreItems.Select(i => new { i.Code, i.MaxPoints }).ToList();
        foreach (var item in Year.ScoreItems)
        {
            item.MaxPoints = values[item.Id];
        }

        audit.Record("rating-year.breakdown", "rating-year", id, Year.CommitteeId, before, Year.ScoreItems.Select(i => new { i.Code, i.MaxPoints }));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã lưu khung điểm.";
        return Redirect($"/staff/reviews/years/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Year = await CycleAccess.FindYearAsync(db, snap, id, ct);
        if (Year is null)
        {
            return false;
        }

        CommitteeName = snap.Find(Year.CommitteeId)?.Name ?? "?";
        CodeTitle = await db.Set<Conduct.ConductCode>().Where(c => c.Id == Year.ConductCodeId).Select(c => c.Title + " — " + c.Code).FirstOrDefaultAsync(ct);
        return true;
    }
}
