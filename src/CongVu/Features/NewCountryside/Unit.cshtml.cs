using CongVu.Features.Organisation;
using CongVu.Features.Reviews;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Infrastructure.Security;
using CongVu.Infrastructure.Time;
using CongVu.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.NewCountryside;

/// <summary>One unit on one criteria set: the year × criterion matrix, editing a status with its evidence, and inspection visits.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class UnitModel(NtmQueries ntm, OrgTree tree, AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public CriteriaSet? Set { get; private set; }

    public OrgNode? Unit { get; private set; }

    public List<CriterionStatus> Statuses { get; private set; } = [];

    public List<int> Years { get; private set; } = [];

    public List<NtmProgress> Progress { get; private set; } = [];

    public List<Inspection> Inspections { get; private set; } = [];

    public bool CanWrite => CycleAccess.CanDecide(User);

    [BindProperty]
    public StatusInput Status { get; set; } = new();

    [BindProperty]
    public InspectionInput Visit { get; set; } = new();

    public sealed class StatusInput
    {
        public int Year { get; set; }

        public int Criterion { get; set; }

        public CriterionState State { get; set; }

        public string? Evidence { get; set; }

        public string? DocumentRef { get; set; }
    }

    public sealed class InspectionInput
    {
        public string? Date { get; set; }

        public string? Team { get; set; }

        public string? Findings { get; set; }

        public Dictionary<int, string> Notes { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int set, int unit, int? year, int? criterion, CancellationToken ct)
    {
        if (!await LoadAsync(set, unit, ct))
        {
            return NotFound();
        }

        Status.Year = year ?? Years.LastOrDefault(VietnamTime.Today(time).Year);
        if (criterion is int c && Statuses.FirstOrDefault(s => s.CriterionId == c && s.Year == Status.Year) is { } existing)
        {
            Status = new StatusInput { Year = existing.Year, Criterion = c, State = existing.State, Evidence = existing.Evidence, DocumentRef = existing.DocumentRef };
        }
        else if (criterion is int c2)
        {
            Status.Criterion = c2;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int set, int unit, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        if (!await LoadAsync(set, unit, ct))
        {
            return NotFound();
        }

        if (Set!.Criteria.All(c => c.Id != Status.Criterion))
        {
            ModelState.AddModelError("Status.Criterion", "Chọn tiêu chí.");
        }

        if (Status.Year < Set.FromYear - 5 || Status.Year > Math.Max(Set.ToYear, VietnamTime.Today(time).Year))
        {
            ModelState.AddModelError("Status.Year", $"Năm phải trong khoảng {Set.FromYear - 5}–{Set.ToYear}.");
        }

        if (!Enum.IsDefined(Status.State))
        {
            ModelState.AddModelError("Status.State", "Chọn tình trạng.");
        }

        var evidence = (Status.Evidence ?? string.Empty).Trim();
        var doc = (Status.DocumentRef ?? string.Empty).Trim();
        if (Status.State == CriterionState.Met && evidence.Length == 0)
        {
            ModelState.AddModelError("Status.Evidence", "Tiêu chí đạt cần ghi căn cứ, minh chứng.");
        }

        if (evidence.Length > 2000 || doc.Length > 300)
        {
            ModelState.AddModelError("Status.Evidence", "Minh chứng tối đa 2000 ký tự, văn bản tối đa 300 ký tự.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = await db.Set<CriterionStatus>().FirstOrDefaultAsync(s => s.OrgUnitId == unit && s.CriterionId == Status.Criterion && s.Year == Status.Year, ct);
        var before = row is null ? null : new { row.State, row.Evidence, row.DocumentRef };
        if (row is null)
        {
            row = new CriterionStatus { OrgUnitId = unit, CriterionId = Status.Criterion, Year = Status.Year };
            db.Set<CriterionStatus>().Add(row);
        }

        row.State = Status.State;
        row.Evidence = evidence.Length == 0 ? null : evidence;
        row.DocumentRef = doc.Length == 0 ? null : doc;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = User.Identity?.Name;
        audit.RecordSaved("ntm.status", "ntm-criterion-status", () => row.Id, unit, before, new { Set = Set.Code, Criterion = Set.Criteria.First(c => c.Id == row.CriterionId).Number, row.Year, row.State, row.Evidence, row.DocumentRef });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi tình trạng tiêu chí.";
        return Redirect($"/staff/new-countryside/{set}/{unit}?year={Status.Year}");
    }

    public async Task<IActionResult> OnPostInspectAsync(int set, int unit, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        if (!await LoadAsync(set, unit, ct))
        {
            return NotFound();
        }

        if (!Formats.TryParseDate(Visit.Date, out var date) || date > VietnamTime.Today(time))
        {
            ModelState.AddModelError("Visit.Date", "Ngày kiểm tra không hợp lệ (dd/MM/yyyy, không sau hôm nay).");
        }

        var team = (Visit.Team ?? string.Empty).Trim();
        var findings = (Visit.Findings ?? string.Empty).Trim();
        if (team.Length is 0 or > 500)
        {
            ModelState.AddModelError("Visit.Team", "Ghi đoàn kiểm tra (tối đa 500 ký tự).");
        }

        if (findings.Length is 0 or > 4000)
        {
            ModelState.AddModelError("Visit.Findings", "Ghi kết quả kiểm tra (tối đa 4000 ký tự).");
        }

        var notes = Visit.Notes.Where(n => !string.IsNullOrWhiteSpace(n.Value) && Set!.Criteria.Any(c => c.Id == n.Key))
            .Select(n => new InspectionNote { CriterionId = n.Key, Note = n.Value.Trim() }).ToList();
        if (notes.Any(n => n.Note.Length > 1000))
        {
            ModelState.AddModelError("Visit.Notes", "Ghi chú mỗi tiêu chí tối đa 1000 ký tự.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var visit = new Inspection { OrgUnitId = unit, CriteriaSetId = set, Date = date, Team = team, Findings = findings, Notes = notes, CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = User.Identity?.Name };
        db.Set<Inspection>().Add(visit);
        audit.RecordSaved("ntm.inspection", "ntm-inspection", () => visit.Id, unit, after: new { Set = Set!.Code, Date = Formats.Date(date), team, findings, Notes = notes.Count });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi lần kiểm tra.";
        return Redirect($"/staff/new-countryside/{set}/{unit}");
    }

    private async Task<bool> LoadAsync(int set, int unit, CancellationToken ct)
    {
        var snap = await tree.GetAsync(ct);
        Set = await ntm.SetAsync(set, ct);
        Unit = snap.Find(unit);
        if (Set is null || Unit is null || !db.Scope.CanSee(unit) || !NtmQueries.Applies(Set, Unit, snap))
        {
            return false;
        }

        Statuses = await ntm.StatusesAsync(Set, unit, ct);
        Progress = await ntm.ProgressAsync(Set, [unit], ct);
        Years = Statuses.Select(s => s.Year).Distinct().Order().ToList();
        Inspections = await ntm.InspectionsAsync(set, unit, ct);
        return true;
    }
}
