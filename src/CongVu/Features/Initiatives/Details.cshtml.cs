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

namespace CongVu.Features.Initiatives;

/// <summary>One model: goal, targets and results, timeline; the forms to move it on, report progress, screen it.</summary>
[Authorize(Policy = Policies.RegistryRead)]
public sealed class DetailsModel(AppDbContext db, OrgTree tree, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed class UpdateInput
    {
        public string? OnDate { get; set; }

        public string? Text { get; set; }

        public Dictionary<int, string?> Figures { get; set; } = [];

        public string? Caption { get; set; }
    }

    public sealed class ScreenInput
    {
        public List<int> Points { get; set; } = [];

        public string? Reasons { get; set; }
    }

    public sealed record TimelineItem(DateOnly On, string Kind, string Text, string? Reason, string? By, IReadOnlyList<(int Id, string Caption)> Photos, IReadOnlyList<string> Figures);

    public sealed record Result(InitiativeTarget Target, decimal? Reached);

    public Initiative Item { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public List<Result> Results { get; private set; } = [];

    public List<TimelineItem> Timeline { get; private set; } = [];

    public List<Commendation> Commendations { get; private set; } = [];

    public Dictionary<string, string> CriterionTexts { get; private set; } = [];

    public (int Id, string Title)? ReplicatedFrom { get; private set; }

    public List<(int Id, string Title, string Unit)> Replicas { get; private set; } = [];

    public List<InitiativeStatus> Moves { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool IsCommittee { get; private set; }

    public bool CanEdit => CanManage && InitiativeWorkflow.Editable(Item.Status);

    public bool CanReport => CanManage && InitiativeWorkflow.AcceptsUpdates(Item.Status);

    public bool CanScreen => IsCommittee && CanManage && Item.Status == InitiativeStatus.Running;

    [BindProperty]
    public UpdateInput Update { get; set; } = new();

    [BindProperty]
    public ScreenInput Screen { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Update.OnDate = Formats.Date(VietnamTime.Today(time));
        return Page();
    }

    public async Task<IActionResult> OnPostTransitionAsync(int id, InitiativeStatus to, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var last = Item.Screenings.OrderBy(s => s.At).LastOrDefault();
        if (InitiativeWorkflow.Check(Item.Status, to, IsCommittee, screened: false, screeningPassed: last?.Passed == true, reason) is { } error)
        {
            ModelState.AddModelError("reason", error);
            return Page();
        }

        await MoveAsync(to, reason, ct);
        TempData["Flash"] = "Đã chuyển mô hình sang \"" + Initiative.StatusName(to) + "\".";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, IFormFile? photo, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        ModelState.Clear();
        if (!InitiativeWorkflow.AcceptsUpdates(Item.Status))
        {
            ModelState.AddModelError("Update.Text", "Mô hình chưa được duyệt hoặc đã dừng: không báo cáo tiến độ được.");
        }

        var today = VietnamTime.Today(time);
        if (!Formats.TryParseDate(Update.OnDate, out var on) || on > today)
        {
            ModelState.AddModelError("Update.OnDate", "Ngày báo cáo không hợp lệ: nhập dạng dd/MM/yyyy, không sau hôm nay.");
        }

        if (string.IsNullOrWhiteSpace(Update.Text) || Update.Text.Length > 2000)
        {
            ModelState.AddModelError("Update.Text", "Vui lòng ghi nội dung đã làm (tối đa 2000 ký tự).");
        }

        var figures = new List<InitiativeFigure>();
        foreach (var target in Item.Targets)
        {
            if (Update.Figures.GetValueOrDefault(target.Id) is { Length: > 0 } text)
            {
                if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
                {
                    figures.Add(new InitiativeFigure { TargetId = target.Id, Value = value });
                }
                else
                {
                    ModelState.AddModelError($"Update.Figures[{target.Id}]", $"Kết quả \"{target.Name}\" phải là số không âm.");
                }
            }
        }

        var image = await InitiativePhotos.ReadAsync(photo, ct);
        if (image.Error is not null)
        {
            ModelState.AddModelError("photo", image.Error);
        }

        if (image.Data is not null && (string.IsNullOrWhiteSpace(Update.Caption) || Update.Caption.Length > 500))
        {
            ModelState.AddModelError("Update.Caption", "Vui lòng nhập chú thích ảnh (tối đa 500 ký tự).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var update = new InitiativeUpdate { InitiativeId = Item.Id, OnDate = on, Text = Update.Text!.Trim(), By = User.Identity?.Name, At = now, Figures = figures };
        if (image.Data is not null)
        {
            update.Photos.Add(new InitiativePhoto { InitiativeId = Item.Id, OrgUnitId = Item.OrgUnitId, Data = image.Data, ContentType = "image/jpeg", Caption = Update.Caption!.Trim() });
        }

        db.Set<InitiativeUpdate>().Add(update);
        Item.UpdatedAt = now;
        audit.RecordSaved("initiative.progress", "initiative", Item.Id, Item.OrgUnitId,
            () => new { UpdateId = update.Id, update.OnDate, update.Text, Figures = figures.Select(f => new { f.TargetId, f.Value }), Photo = image.Data?.Length });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã ghi tiến độ.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostScreenAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage || !IsCommittee)
        {
            return Forbid();
        }

        ModelState.Clear();
        var (total, error) = ScreeningChecklist.Score(Screen.Points);
        if (error is not null)
        {
            ModelState.AddModelError("Screen.Points", error);
        }

        if (string.IsNullOrWhiteSpace(Screen.Reasons) || Screen.Reasons.Length > 2000)
        {
            ModelState.AddModelError("Screen.Reasons", "Vui lòng ghi nhận xét, lý do của việc thẩm định.");
        }

        var passed = error is null && ScreeningChecklist.Passes(Screen.Points);
        if (InitiativeWorkflow.Check(Item.Status, InitiativeStatus.Evaluated, IsCommittee, screened: true, passed, Screen.Reasons) is { } refused)
        {
            ModelState.AddModelError("Screen.Points", refused);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var screening = new InitiativeScreening
        {
            InitiativeId = Item.Id, OnDate = VietnamTime.Today(time), Scores = ScreeningChecklist.Join(Screen.Points), Total = total, Passed = passed,
            Reasons = Screen.Reasons!.Trim(), By = User.Identity?.Name, At = now,
        };
        db.Set<InitiativeScreening>().Add(screening);
        audit.Record("initiative.screen", "initiative", Item.Id, Item.OrgUnitId, null, new { screening.Scores, screening.Total, screening.Passed, screening.Reasons });
        await MoveAsync(InitiativeStatus.Evaluated, $"Thẩm định: {total}/100 điểm, {(passed ? "đạt" : "chưa đạt")}. {screening.Reasons}", ct);
        TempData["Flash"] = passed ? "Đã thẩm định: mô hình đạt yêu cầu." : "Đã thẩm định: mô hình chưa đạt yêu cầu.";
        return Redirect(Here);
    }

    private string Here => "/staff/initiatives/" + Item.Id.ToString(CultureInfo.InvariantCulture);

    private async Task MoveAsync(InitiativeStatus to, string? reason, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var from = Item.Status;
        Item.Status = to;
        Item.UpdatedAt = now;
        switch (to)
        {
            case InitiativeStatus.Approved:
                Item.ApprovedOn = today;
                break;
            case InitiativeStatus.Typical:
                Item.RecognisedOn = today;
                break;
            case InitiativeStatus.Discontinued:
                Item.EndedOn = today;
                break;
            case InitiativeStatus.Running when from == InitiativeStatus.Discontinued:
                Item.EndedOn = null;
                break;
        }

        db.Set<InitiativeEvent>().Add(new InitiativeEvent { InitiativeId = Item.Id, From = from, To = to, OnDate = today, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), By = User.Identity?.Name, At = now });
        audit.Record("initiative.status", "initiative", Item.Id, Item.OrgUnitId, new { Status = from.ToString() }, new { Status = to.ToString(), Reason = reason });
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.Set<Initiative>()
            .Include(i => i.Targets).Include(i => i.Events).Include(i => i.Screenings)
            .Include(i => i.Updates).ThenInclude(u => u.Figures)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        var snap = await tree.GetAsync(ct);
        UnitName = snap.Find(item.OrgUnitId)?.Name ?? "?";
        IsCommittee = InitiativeAccess.IsCommittee(User);
        CanManage = InitiativeAccess.CanManage(User, db.Scope, item);
        Moves = CanManage ? InitiativeWorkflow.Next(item.Status, IsCommittee).ToList() : [];
        var targets = item.Targets.OrderBy(t => t.SortOrder).ToList();
        var byTarget = item.Updates.OrderBy(u => u.OnDate).ThenBy(u => u.At).SelectMany(u => u.Figures).GroupBy(f => f.TargetId).ToDictionary(g => g.Key, g => g.Last().Value);
        Results = targets.Select(t => new Result(t, byTarget.TryGetValue(t.Id, out var v) ? v : null)).ToList();
        var photos = await db.Set<InitiativePhoto>().AsNoTracking().Where(p => p.InitiativeId == id).Select(p => new { p.Id, p.UpdateId, p.Caption }).ToListAsync(ct);
        var names = targets.ToDictionary(t => t.Id);
        Timeline =
        [
            .. item.Events.Select(e => new TimelineItem(e.OnDate, "event", e.From is null ? "Đề xuất mô hình" : Initiative.StatusName(e.From.Value) + " → " + Initiative.StatusName(e.To), e.Reason, e.By, [], [])),
            .. item.Updates.Select(u => new TimelineItem(u.OnDate, "update", u.Text, null, u.By,
                photos.Where(p => p.UpdateId == u.Id).Select(p => (p.Id, p.Caption)).ToList(),
                u.Figures.Where(f => names.ContainsKey(f.TargetId)).Select(f => names[f.TargetId].Name + ": " + f.Value.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN")) + " " + names[f.TargetId].Unit).ToList())),
            .. item.Screenings.Select(s => new TimelineItem(s.OnDate, "screening", $"Thẩm định: {s.Total}/100 điểm ({s.Scores.Replace(",", " · ", StringComparison.Ordinal)}), {(s.Passed ? "đạt" : "chưa đạt")}", s.Reasons, s.By, [], [])),
        ];
        Timeline = Timeline.OrderBy(t => t.On).ThenBy(t => t.Kind == "event" ? 1 : 0).ToList();
        Commendations = await db.Set<Commendation>().AsNoTracking().Where(c => c.InitiativeId == id).OrderBy(c => c.DecidedOn).ToListAsync(ct);
        var codes = item.Criteria.ToArray();
        var texts = await db.Set<Conduct.Criterion>().AsNoTracking().Where(c => codes.Contains(c.Code)).OrderByDescending(c => c.Id).Select(c => new { c.Code, c.Text }).ToListAsync(ct);
        CriterionTexts = texts.GroupBy(t => t.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.OrdinalIgnoreCase);
        if (item.ReplicatedFromId is int from)
        {
            var origin = await db.Set<Initiative>().IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == from).Select(i => new { i.Id, i.Title }).FirstOrDefaultAsync(ct);
            ReplicatedFrom = origin is null ? null : (origin.Id, origin.Title);
        }

        var replicas = await db.Set<Initiative>().AsNoTracking().Where(i => i.ReplicatedFromId == id).Select(i => new { i.Id, i.Title, i.OrgUnitId }).ToListAsync(ct);
        Replicas = replicas.Select(r => (r.Id, r.Title, snap.Find(r.OrgUnitId)?.Name ?? "?")).ToList();
        return true;
    }
}
