using CongVu.Features.Conduct;
using CongVu.Features.Organisation;
using CongVu.Features.Reviews;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Pledges;

/// <summary>A member's own pledge for the year in progress: draft, submit, and report at year end.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MineModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public RatingYear? Year { get; private set; }

    public Pledge? Pledge { get; private set; }

    public List<Criterion> Criteria { get; private set; } = [];

    public string? Problem { get; private set; }

    [BindProperty]
    public PledgeInput Input { get; set; } = new();

    public bool Editable => Pledge is null || Pledge.State is PledgeState.Draft or PledgeState.Returned;

    public bool CanReport => Year?.State == YearState.Reviewing && Pledge is not null && PledgeQueries.IsRegistered(Pledge.State);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = PledgeInput.From(Pledge);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(submit: true, ct);

    public async Task<IActionResult> OnPostReportAsync(CancellationToken ct)
    {
        var (personId, _) = await LoadAsync(ct);
        if (!CanReport)
        {
            ModelState.AddModelError(string.Empty, "Chỉ báo cáo kết quả thực hiện cam kết khi năm đang kiểm điểm và cam kết đã nộp.");
            Input = PledgeInput.From(Pledge);
            return Page();
        }

        var items = Pledge!.Items.OrderBy(i => i.SortOrder).ToList();
        var before = items.Select(i => new { i.Id, i.Outcome, i.OutcomeNote }).ToList();
        for (var n = 0; n < items.Count && n < Input.Items.Count; n++)
        {
            var outcome = Input.Items[n].Outcome;
            items[n].Outcome = Enum.IsDefined(outcome) ? outcome : PledgeOutcome.NotReported;
            items[n].OutcomeNote = Input.Items[n].OutcomeNote?.Trim();
        }

        Pledge.ReportedAt = time.GetUtcNow().UtcDateTime;
        audit.Record("pledge.report", "pledge", Pledge.Id, Pledge.OrgUnitId, before, items.Select(i => new { i.Id, i.Outcome, i.OutcomeNote }));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã lưu báo cáo kết quả thực hiện cam kết.";
        return Redirect("/staff/pledges/mine");
    }

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        var (personId, cellId) = await LoadAsync(ct);
        if (Year is null || personId is null || cellId is null)
        {
            return Page();
        }

        if (!Editable)
        {
            ModelState.AddModelError(string.Empty, "Cam kết đã nộp; chỉ sửa được khi chi bộ trả lại.");
            Input = PledgeInput.From(Pledge);
            return Page();
        }

        if (Year.State != YearState.Open)
        {
            ModelState.AddModelError(string.Empty, "Năm đánh giá không còn nhận đăng ký cam kết.");
            return Page();
        }

        if (!Input.Validate(ModelState, Criteria.Select(c => c.Code).ToHashSet(), submit))
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var isNew = Pledge is null;
        var pledge = Pledge ?? new Pledge { RatingYearId = Year.Id, OrgUnitId = cellId.Value, PersonId = personId };
        var before = isNew ? null : new { pledge.State };
        Input.ApplyTo(pledge);
        pledge.UpdatedAt = now;
        if (submit)
        {
            pledge.State = PledgeState.Submitted;
            pledge.SubmittedAt = now;
        }

        if (isNew)
        {
            db.Add(pledge);
        }

        audit.RecordSaved(submit ? "pledge.submit" : "pledge.save", "pledge", () => pledge.Id, pledge.OrgUnitId, before, new { pledge.State, Items = pledge.Items.Count });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = submit ? "Đã nộp bản cam kết; chờ chi bộ xác nhận." : "Đã lưu bản nháp.";
        return Redirect("/staff/pledges/mine");
    }

    private async Task<(int? PersonId, int? CellId)> LoadAsync(CancellationToken ct)
    {
        var personId = CycleAccess.PersonId(User);
        if (personId is null)
        {
            Problem = "Tài khoản chưa gắn với hồ sơ đảng viên.";
            return (null, null);
        }

        // The scope filter is lifted for exactly the user's own membership and pledge.
        var membership = await db.Memberships.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.PersonId == personId, ct);
        if (membership is null || membership.Status != MemberStatus.Active)
        {
            Problem = "Tài khoản không gắn với đảng viên đang sinh hoạt.";
            return (personId, null);
        }

        var snap = await tree.GetAsync(ct);
        Year = await CycleAccess.CurrentYearForAsync(db, snap, membership.OrgUnitId, ct);
        if (Year is null)
        {
            Problem = "Chưa có năm đánh giá nào đang mở cho chi bộ của đồng chí.";
            return (personId, membership.OrgUnitId);
        }

        Criteria = await PledgeCriteria.ForYearAsync(db, Year, ct);
        Pledge = await db.Set<Pledge>().IgnoreQueryFilters().Include(p => p.Items)
            .FirstOrDefaultAsync(p => p.RatingYearId == Year.Id && p.PersonId == personId, ct);
        return (personId, membership.OrgUnitId);
    }
}
