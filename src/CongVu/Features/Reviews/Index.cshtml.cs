using System.ComponentModel.DataAnnotations;
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

/// <summary>The year's reviews by cell: who is rated (and why not), progress, and finalising each cell's decisions under the quota.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class IndexModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time, Pledges.PledgeQueries pledges) : PageModel
{
    public sealed record Line(RollMember Member, MemberReview? Review, RatingDecision? Decision);

    public sealed record CellBlock(int CellId, string Name, List<Line> Lines, QuotaResult Quota, bool HasAllowance, int Drafts);

    public List<RatingYear> Years { get; private set; } = [];

    public RatingYear? Year { get; private set; }

    public List<CellBlock> Cells { get; } = [];

    public Dictionary<int, OrgRating> OrgRatings { get; private set; } = [];

    public string CommitteeName { get; private set; } = string.Empty;

    [BindProperty]
    public RatingLevel? OrgLevel { get; set; }

    [BindProperty]
    [StringLength(200)]
    public string? OrgLabel { get; set; }

    [BindProperty]
    [StringLength(2000)]
    public string? OrgNote { get; set; }

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Reviews.AllowanceBasis")]
    public string? Basis { get; set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct) =>
        await LoadAsync(year, ct) ? Page() : NotFound();

    /// <summary>The cell's report as DOCX, for those who may read the cell (its secretary, the committee, the office).</summary>
    public async Task<IActionResult> OnGetReportAsync(int year, int cell, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        var y = await CycleAccess.FindYearAsync(db, snap, year, ct);
        if (y is null)
        {
            return NotFound();
        }

        var data = await CellReportDocument.LoadAsync(db, snap, pledges, y, cell, Infrastructure.Time.VietnamTime.Today(time), ct);
        if (data is null)
        {
            return NotFound();
        }

        audit.Record("report.download", "org-unit", cell, cell, null, new { Report = "cell-review", y.Year });
        await db.SaveChangesAsync(ct);
        return File(CellReportDocument.Build(data), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"bao-cao-xep-loai-{y.Year}-chi-bo-{cell}.docx");
    }

    public async Task<IActionResult> OnPostFinaliseAsync(int year, int cell, CancellationToken ct)
    {
        if (!CycleAccess.CanDecide(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(year, ct))
        {
            return NotFound();
        }

        var block = Cells.FirstOrDefault(c => c.CellId == cell);
        if (block is null)
        {
            return NotFound();
        }

        // QĐ 366-QĐ/TW: the quota blocks finalising the group's decisions, not entering them.
        if (!block.Quota.Allowed)
        {
            ModelState.AddModelError(string.Empty, "Không chốt được kết quả: " + block.Quota.Message);
            return Page();
        }

        var drafts = await db.Set<RatingDecision>().Where(d => d.RatingYearId == year && d.OrgUnitId == cell && d.IsCurrent && d.State == DecisionState.Draft).ToListAsync(ct);
        foreach (var d in drafts)
        {
            d.State = DecisionState.Final;
        }

        audit.Record("rating.finalise", "org-unit", cell, cell, null, new { Year = Year!.Year, Decisions = drafts.Count, block.Quota.Excellent, block.Quota.Good, block.Quota.Maximum });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Đã chốt {drafts.Count} quyết định xếp loại của {block.Name}.";
        return Redirect($"/staff/reviews?year={year}");
    }

    public async Task<IActionResult> OnPostAllowanceAsync(int year, int cell, CancellationToken ct)
    {
        if (!CycleAccess.CanDecide(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(year, ct) || Cells.All(c => c.CellId != cell))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Basis))
        {
            ModelState.AddModelError(nameof(Basis), "Ghi số, ngày của quyết định cho phép tỷ lệ 25%.");
            return Page();
        }

        db.Add(new QuotaAllowance { RatingYearId = year, OrgUnitId = cell, Basis = Basis.Trim(), RecordedAt = time.GetUtcNow().UtcDateTime, RecordedBy = User.Identity?.Name });
        audit.Record("rating.quota-allowance", "org-unit", cell, cell, null, new { Year = Year!.Year, Basis });
        await db.SaveChangesAsync(ct);
        return Redirect($"/staff/reviews?year={year}");
    }

    /// <summary>QĐ 366-QĐ/TW: organisations are rated after their members (and the committee after its cells), on the same four levels.</summary>
    public async Task<IActionResult> OnPostOrgRateAsync(int year, int unit, CancellationToken ct)
    {
        if (!CycleAccess.CanDecide(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(year, ct) || !(unit == Year!.CommitteeId || Cells.Any(c => c.CellId == unit)) || !db.Scope.CanSee(unit))
        {
            return NotFound();
        }

        if (OrgLevel is not RatingLevel level || !Enum.IsDefined(level))
        {
            ModelState.AddModelError(nameof(OrgLevel), "Chọn mức xếp loại tổ chức.");
            return Page();
        }

        var cell = Cells.FirstOrDefault(c => c.CellId == unit);
        if (cell is not null && cell.Lines.Any(l => l.Member.IsRated && (l.Decision is null || l.Decision.State == DecisionState.Draft)))
        {
            ModelState.AddModelError(string.Empty, $"{cell.Name}: xếp loại đảng viên trước, chốt kết quả của chi bộ rồi mới xếp loại chi bộ.");
            return Page();
        }

        if (cell is null && Cells.Any(c => !OrgRatings.ContainsKey(c.CellId)))
        {
            ModelState.AddModelError(string.Empty, "Xếp loại các chi bộ trực thuộc trước khi xếp loại Đảng bộ.");
            return Page();
        }

        var rating = OrgRatings.GetValueOrDefault(unit);
        var before = rating is null ? null : new { rating.Level, rating.HistoricalLabel };
        if (rating is null)
        {
            rating = new OrgRating { RatingYearId = year, OrgUnitId = unit };
            db.Add(rating);
        }
        else
        {
            db.Attach(rating);
        }

        rating.Level = level;
        rating.HistoricalLabel = string.IsNullOrWhiteSpace(OrgLabel) ? null : OrgLabel.Trim();
        rating.Note = OrgNote?.Trim();
        rating.DecidedAt = time.GetUtcNow().UtcDateTime;
        rating.DecidedBy = User.Identity?.Name;
        audit.RecordSaved("org-rating.decide", "org-rating", () => rating.Id, unit, before, new { rating.Level, rating.HistoricalLabel });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi xếp loại tổ chức.";
        return Redirect($"/staff/reviews?year={year}");
    }

    private async Task<bool> LoadAsync(int? year, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Years = await CycleAccess.VisibleYearsAsync(db, snap, ct);
        Year = year is int y ? Years.FirstOrDefault(x => x.Id == y) : Years.FirstOrDefault();
        if (Year is null)
        {
            return year is null;
        }

        CommitteeName = snap.Find(Year.CommitteeId)?.Name ?? "?";
        OrgRatings = await db.Set<OrgRating>().AsNoTracking().Where(o => o.RatingYearId == Year.Id).ToDictionaryAsync(o => o.OrgUnitId, ct);
        var roll = await YearRoll.LoadAsync(db, snap, Year, Infrastructure.Time.VietnamTime.Today(time), ignoreScope: false, ct);
        var reviews = await db.Set<MemberReview>().AsNoTracking().Where(r => r.RatingYearId == Year.Id).ToDictionaryAsync(r => r.PersonId, ct);
        var decisions = await db.Set<RatingDecision>().AsNoTracking().Where(d => d.RatingYearId == Year.Id && d.IsCurrent).ToDictionaryAsync(d => d.PersonId, ct);
        var allowances = await db.Set<QuotaAllowance>().AsNoTracking().Where(q => q.RatingYearId == Year.Id).Select(q => q.OrgUnitId).ToListAsync(ct);
        foreach (var g in roll.GroupBy(r => r.CellId))
        {
            var lines = g.Select(m => new Line(m, reviews.GetValueOrDefault(m.PersonId), decisions.GetValueOrDefault(m.PersonId))).ToList();
            var levels = lines.Where(l => l.Decision is not null).Select(l => l.Decision!.Level).ToList();
            var name = snap.Find(g.Key)?.Name ?? "?";
            var allowance = allowances.Contains(g.Key);
            Cells.Add(new CellBlock(g.Key, name, lines, QuotaCheck.Check(levels.Count(l => l == RatingLevel.Excellent), levels.Count(l => l == RatingLevel.Good), allowance, name), allowance, lines.Count(l => l.Decision?.State == DecisionState.Draft)));
        }

        return true;
    }
}
